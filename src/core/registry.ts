import type { ResolvedConfig } from './config';
import { agentDetectors } from './agent';
import { awsCorrelationFacts } from './correlate/awsFacts';
import { customRulesDetector } from './customRules';
import type { Detector } from './detector';
import { awsIamDetector } from './iam/aws/detector';
import { azureIamDetector } from './iam/azure/detector';
import { gcpIamDetector } from './iam/gcp/detector';
import { githubActionsDetector } from './iam/github/workflow';
import { k8sRbacDetector } from './iam/k8s/rbac';
import { lifecycleDetectors } from './lifecycle';
import { genericTreeDetector } from './secrets/generic/treeDetector';
import { genericLineDetector } from './secrets/lineDetector';
import { providerDetector } from './secrets/providerDetector';

/** Every built-in detector, in the order they run. Each family registers here. */
export function builtinDetectors(config: ResolvedConfig): Detector[] {
  return [
    customRulesDetector(config.customRules), providerDetector, genericTreeDetector, genericLineDetector,
    k8sRbacDetector, githubActionsDetector, ...agentDetectors, ...lifecycleDetectors(config.lifecycle),
    awsCorrelationFacts,
    awsIamDetector, gcpIamDetector, azureIamDetector,
  ];
}
