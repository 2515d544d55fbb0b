import { fixtureDirTests } from './fixtureDir';

fixtureDirTests('iam-aws', 20);
