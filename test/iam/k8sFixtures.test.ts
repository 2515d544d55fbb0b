import { fixtureDirTests } from './fixtureDir';

fixtureDirTests('k8s', 5);
