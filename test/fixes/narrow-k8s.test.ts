// Kubernetes RBAC narrowing fixes: edge cases beyond the before/after cases (test/fixtures/fixes-narrow/k8s).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFixes } from '../../src/core/fixes/index';
import { applyTextEdits } from '../../src/core/fixes/suppress';
import type { Finding, Fix } from '../../src/core/types';
import { scanText } from '../harness';
import { syntaxErrors } from './workspace';

const noFiles = { read: () => undefined };

async function findingsOf(path: string, text: string): Promise<Finding[]> {
  return (await scanText(path, text)).findings.filter((f) => f.ruleId.startsWith('iam/k8s-'));
}

async function fixesOf(path: string, text: string, ruleId: string): Promise<{ finding: Finding; fixes: Fix[] }> {
  const finding = (await findingsOf(path, text)).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  return { finding, fixes: computeFixes(finding, { path, text }, noFiles) };
}

const apply = (text: string, fix: Fix) => applyTextEdits(text, fix.edits[0].edits);

test('JSON manifest: `*` verbs become get, list, watch and the file stays JSON', async () => {
  const text = `{
  "apiVersion": "rbac.authorization.k8s.io/v1",
  "kind": "Role",
  "metadata": { "name": "watcher", "namespace": "ops" },
  "rules": [
    { "apiGroups": [""], "resources": ["pods", "services"], "verbs": ["*"] }
  ]
}
`;
  const { fixes } = await fixesOf('rbac.json', text, 'iam/k8s-rbac-wildcard');
  const after = apply(text, fixes[0]);
  assert.equal(after, text.replace('"verbs": ["*"]', '"verbs": ["get", "list", "watch"]'));
  JSON.parse(after);
  assert.match(fixes[0].description!, /add back the write verbs/);
  assert.deepEqual(await findingsOf('rbac.json', after), []);
});

test('`*` resources with nothing in the file that says which: no fix rather than a guess', async () => {
  const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
  - apiGroups: [""]
    resources: ["*"]
    verbs: ["get", "list"]
`;
  const { fixes } = await fixesOf('reader.yaml', text, 'iam/k8s-rbac-wildcard');
  assert.deepEqual(fixes, []);
});

test('`*` apiGroups with built-in resources: the groups of those resources', async () => {
  const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: deployer
rules:
  - apiGroups: ['*']
    resources: ['deployments', 'services']
    verbs: ['get', 'update']
`;
  const { fixes } = await fixesOf('deployer.yaml', text, 'iam/k8s-rbac-wildcard');
  const after = apply(text, fixes[0]);
  assert.match(after, /apiGroups: \['apps', ''\]/, 'quote style kept, the empty core group included');
  assert.deepEqual(await findingsOf('deployer.yaml', after), []);
  assert.equal(await syntaxErrors('deployer.yaml', after), 0);
  const custom = text.replace("'services'", "'widgets'");
  assert.deepEqual((await fixesOf('deployer.yaml', custom, 'iam/k8s-rbac-wildcard')).fixes, [], 'a custom resource has no known group');
});

test('an escalation verb is removed when other verbs remain, saying what breaks; alone in the only rule: no fix', async () => {
  const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: binder
rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["rolebindings"]
    verbs: ["get", "create", "bind"]
`;
  const { fixes } = await fixesOf('binder.yaml', text, 'iam/k8s-escalation-verbs');
  const after = apply(text, fixes[0]);
  assert.match(after, /verbs: \["get", "create"\]/);
  assert.match(fixes[0].description!, /What breaks: .*RoleBindings/);
  assert.deepEqual(await findingsOf('binder.yaml', after), []);
  const alone = text.replace('["get", "create", "bind"]', '["impersonate"]').replace('["rolebindings"]', '["users"]');
  assert.deepEqual((await fixesOf('binder.yaml', alone, 'iam/k8s-escalation-verbs')).fixes, []);
});

test('a secrets-only rule is limited to the Secrets the file defines', async () => {
  const text = `apiVersion: v1
kind: Secret
metadata:
  name: api-credentials
type: Opaque
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: api
rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "list", "watch"]
`;
  const { fixes } = await fixesOf('api.yaml', text, 'iam/k8s-secrets-read');
  const after = apply(text, fixes[0]);
  assert.match(after, /resources: \["secrets"\]\n {4}resourceNames: \["api-credentials"\]\n {4}verbs: \["get"\]\n/);
  assert.deepEqual(await findingsOf('api.yaml', after), []);
  const noSecret = text.slice(text.indexOf('apiVersion: rbac'));
  assert.deepEqual((await fixesOf('api.yaml', noSecret, 'iam/k8s-secrets-read')).fixes, [], 'no names known: no fix');
});

test('cluster-admin with nothing beside it: a RoleBinding to `view` in the binding\'s namespace; CRLF kept', async () => {
  const text = [
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: RoleBinding',
    'metadata:',
    '  name: ci-admin',
    '  namespace: build',
    'subjects:',
    '  - kind: User',
    '    name: ci-bot',
    'roleRef:',
    '  apiGroup: rbac.authorization.k8s.io',
    '  kind: ClusterRole',
    '  name: cluster-admin',
    '',
  ].join('\r\n');
  const { fixes } = await fixesOf('ci.yaml', text, 'iam/k8s-cluster-admin-binding');
  assert.equal(fixes.length, 1);
  const after = apply(text, fixes[0]);
  assert.equal(after, text.replace('name: cluster-admin', 'name: view'));
  assert.match(fixes[0].title, /view.*build/);
  assert.deepEqual(await findingsOf('ci.yaml', after), []);
});

test('multi-document file: only the binding\'s document and the new Role change; the text changed since: no fix', async () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: front
spec: {}
`;
  const binding = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: web
subjects:
  - kind: ServiceAccount
    name: web
    namespace: front
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
`;
  const text = `${deployment}---\n${binding}`;
  const { finding, fixes } = await fixesOf('web.yaml', text, 'iam/k8s-cluster-admin-binding');
  assert.equal(fixes.length, 2, 'a Role from the Deployment, then the view role');
  assert.ok(fixes[0].preferred && !fixes[1].preferred);
  const after = apply(text, fixes[0]);
  assert.ok(after.startsWith(`${deployment}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n`));
  assert.match(after, /resources: \["deployments"\]/);
  assert.match(after, /kind: RoleBinding\nmetadata:\n {2}name: web\n {2}namespace: front\n/);
  assert.deepEqual(await findingsOf('web.yaml', after), []);
  assert.equal(await syntaxErrors('web.yaml', after), 0);
  const edited = text.replace('kind: ClusterRoleBinding', 'kind: RoleBinding       ');
  assert.deepEqual(computeFixes(finding, { path: 'web.yaml', text: edited }, noFiles), []);
});
