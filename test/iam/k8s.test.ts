import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanText } from '../harness';

async function findings(text: string, path = 'k8s/rbac.yaml') {
  return (await scanText(path, text)).findings.map((f) => [f.ruleId, f.severity, f.range.start.line]);
}

const role = (kind: string, rule: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rule}`;
const binding = (kind: string, subject: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n${subject}`;

test('wildcards: severity follows what the rule reaches and the role\'s scope', async () => {
  const all = '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n';
  assert.deepEqual(await findings(role('ClusterRole', all)), [['iam/k8s-rbac-wildcard', 'critical', 7]]);
  assert.deepEqual(await findings(role('Role', all)), [['iam/k8s-rbac-wildcard', 'high', 7]]);
  assert.deepEqual(await findings(role('Role', '  - apiGroups: [""]\n    resources: ["*"]\n    verbs: ["get", "list"]\n')), [['iam/k8s-rbac-wildcard', 'medium', 6]]);
  assert.deepEqual(await findings(role('Role', '  - apiGroups: [""]\n    resources: ["*"]\n    verbs: ["delete"]\n')), [['iam/k8s-rbac-wildcard', 'high', 6]]);
  assert.deepEqual(await findings(role('Role', '  - apiGroups: ["*"]\n    resources: ["deployments"]\n    verbs: ["get"]\n')), [['iam/k8s-rbac-wildcard', 'low', 5]]);
});

test('cluster-admin bindings: cluster-wide and broad subjects rank highest', async () => {
  const sa = '  - kind: ServiceAccount\n    name: ops\n    namespace: ops\n';
  const everyone = '  - kind: Group\n    name: system:unauthenticated\n    apiGroup: rbac.authorization.k8s.io\n';
  const defaultSa = '  - kind: ServiceAccount\n    name: default\n    namespace: web\n';
  assert.deepEqual(await findings(binding('ClusterRoleBinding', sa)), [['iam/k8s-cluster-admin-binding', 'high', 7]]);
  assert.deepEqual(await findings(binding('ClusterRoleBinding', everyone)), [['iam/k8s-cluster-admin-binding', 'critical', 7]]);
  assert.deepEqual(await findings(binding('RoleBinding', sa)), [['iam/k8s-cluster-admin-binding', 'medium', 7]]);
  assert.deepEqual(await findings(binding('RoleBinding', defaultSa)), [['iam/k8s-cluster-admin-binding', 'high', 7]]);
});

test('resourceNames narrows a sensitive rule to named objects: no finding', async () => {
  assert.deepEqual(await findings(role('ClusterRole', '  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["tls"]\n    verbs: ["get", "list"]\n')), []);
  assert.deepEqual(await findings(role('ClusterRole', '  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    resourceNames: ["view"]\n    verbs: ["bind"]\n')), []);
});

test('YAML that is not RBAC is not parsed for it', async () => {
  assert.deepEqual(await findings('kind: Deployment\nspec:\n  rules:\n    - verbs: ["*"]\n      resources: ["*"]\n'), []);
});
