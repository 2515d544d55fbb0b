// Kubernetes RBAC: rules narrowed (k8sRule.ts), cluster-admin bindings made namespaced (k8sBinding.ts).
import { K8S_RULES } from '../../iam/k8s/rules';
import type { Finding, Fix } from '../../types';
import type { FixDocument, FixWorkspace } from '../draft';
import { k8sBindingFixes } from './k8sBinding';
import { k8sRuleFixes } from './k8sRule';

export function k8sFixes(finding: Finding, doc: FixDocument, _workspace: FixWorkspace): Fix[] {
  return finding.ruleId === K8S_RULES.clusterAdminBinding.id ? k8sBindingFixes(finding, doc) : k8sRuleFixes(finding, doc);
}
