import { fixtureDirTests } from './fixtureDir';

fixtureDirTests('iam-gcp', 4);
