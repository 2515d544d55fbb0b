import type { ResolvedConfig } from './config';
import { customRulesDetector } from './customRules';
import type { Detector } from './detector';
import { genericTreeDetector } from './secrets/generic/treeDetector';
import { genericLineDetector } from './secrets/lineDetector';
import { providerDetector } from './secrets/providerDetector';

/** Every built-in detector, in the order they run. Each family registers here. */
export function builtinDetectors(config: ResolvedConfig): Detector[] {
  return [customRulesDetector(config.customRules), providerDetector, genericTreeDetector, genericLineDetector];
}
