import { fixtureDirTests } from './fixtureDir';

fixtureDirTests('iam-azure', 5);
