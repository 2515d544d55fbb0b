import { fixtureDirTests } from '../iam/fixtureDir';

fixtureDirTests('lifecycle', 7);
