import { fixtureDirTests } from './fixtureDir';

fixtureDirTests('github', 10);
