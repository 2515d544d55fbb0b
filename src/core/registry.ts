import type { ResolvedConfig } from './config';
import type { Detector } from './detector';

/** Every built-in detector, in the order they run. Each family registers here. */
export function builtinDetectors(_config: ResolvedConfig): Detector[] {
  return [];
}
