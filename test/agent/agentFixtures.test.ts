import { fixtureDirTests } from '../iam/fixtureDir';

fixtureDirTests('agent', 10);
