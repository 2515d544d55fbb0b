import type { LifecycleLimits } from '../config';
import type { Detector } from '../detector';
import { cloudFormationLifecycleDetector } from './cloudformation';
import { codeLifecycleDetector } from './code';
import { terraformLifecycleDetector } from './terraform';
import { tokenExpiryDetector } from './tokenExpiry';
import { vaultCliDetector } from './vaultCli';

/** The credential-lifetime detectors (rules `lifecycle/...`), with the workspace's limits. */
export function lifecycleDetectors(limits: LifecycleLimits): Detector[] {
  return [terraformLifecycleDetector(limits), cloudFormationLifecycleDetector(limits), tokenExpiryDetector(limits), vaultCliDetector(limits), codeLifecycleDetector(limits)];
}
