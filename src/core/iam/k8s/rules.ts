// Kubernetes RBAC rules (CIS Kubernetes Benchmark 5.1.x). Severity reflects what the grant reaches:
// cluster-wide (ClusterRole, ClusterRoleBinding) ranks above one namespace (Role, RoleBinding).
import { TAG } from '../../rules/taxonomy';
import type { RuleInfo, Severity } from '../../types';

const GOOD_PRACTICES = 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';
const TAGS = [TAG.overprivileged, TAG.cisKubernetesRbac];

function rule(id: string, title: string, severity: Severity, description: string, anchor: string): RuleInfo {
  return { id: `iam/${id}`, title, category: 'iam', severity, description, docsUrl: `${GOOD_PRACTICES}${anchor}`, tags: TAGS };
}

export const K8S_RULES = {
  wildcard: rule('k8s-rbac-wildcard', 'Kubernetes RBAC rule with a wildcard', 'high',
    'A Role or ClusterRole rule lists `*` in verbs, resources or apiGroups (CIS 5.1.3): it grants every current and future verb, resource or API group, including ones added later by CRDs. `*` verbs on `*` resources is cluster-admin within the role\'s scope.',
    '#least-privilege'),
  clusterAdminBinding: rule('k8s-cluster-admin-binding', 'Binding to cluster-admin', 'high',
    'A RoleBinding or ClusterRoleBinding grants the `cluster-admin` ClusterRole (CIS 5.1.1): unrestricted control of the cluster (or of the namespace, for a RoleBinding). Critical when the subject is every authenticated or unauthenticated user, all service accounts, or a `default` service account that every pod of the namespace runs as.',
    '#least-privilege'),
  secretsRead: rule('k8s-secrets-read', 'Read access to Kubernetes Secrets', 'high',
    'A rule grants `get`, `list` or `watch` on `secrets` (CIS 5.1.2). `list` and `watch` return every secret\'s content, not only names; service-account tokens among them lead to further privileges.',
    '#listing-secrets'),
  escalationVerbs: rule('k8s-escalation-verbs', 'RBAC verb that escalates privileges (bind, escalate, impersonate)', 'high',
    'A rule grants `bind`, `escalate` or `impersonate` (CIS 5.1.8): `escalate` lets a subject raise its own Role, `bind` lets it bind roles it does not hold, `impersonate` lets it act as any user, group or service account.',
    '#kubernetes-rbac-privilege-escalation-risks'),
  podExec: rule('k8s-pod-exec', 'Exec or attach into pods', 'medium',
    'A rule grants `pods/exec` or `pods/attach` (CIS 5.1.4 family): running commands in any pod of the scope reads its mounted secrets and service-account token.',
    '#kubernetes-rbac-privilege-escalation-risks'),
  nodesProxy: rule('k8s-nodes-proxy', 'Access to the kubelet API through nodes/proxy', 'high',
    'A rule grants `nodes/proxy`: direct access to the kubelet API, which runs commands in every pod of the node and bypasses audit logging and admission control.',
    '#access-to-proxy-subresource-of-nodes'),
  tokenCreate: rule('k8s-token-create', 'Service-account token minting', 'medium',
    'A rule grants `create` on `serviceaccounts/token`: the subject can mint tokens for every service account of the scope and act with their permissions.',
    '#token-request'),
} satisfies Record<string, RuleInfo>;
