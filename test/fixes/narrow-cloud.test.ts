// GCP and Azure narrowing fixes: which role is chosen and when, what gets no fix, alternatives,
// changed text, CRLF in Bicep.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FixWorkspace } from '../../src/core/fixes/draft';
import { computeFixes } from '../../src/core/fixes/index';
import { readOnlyAction } from '../../src/core/fixes/narrow/cloudRolesAzure';
import { NARROW_SCOPES } from '../../src/core/fixes/narrow/cloudRolesGcp';
import { applyTextEdits } from '../../src/core/fixes/suppress';
import type { Finding, Fix } from '../../src/core/types';
import { scanText } from '../harness';

const noFiles: FixWorkspace = { read: () => undefined };

async function iamFindings(path: string, text: string): Promise<Finding[]> {
  return (await scanText(path, text)).findings.filter((f) => f.category === 'iam');
}

function fixesOf(finding: Finding, path: string, text: string): Fix[] {
  return computeFixes(finding, { path, text }, noFiles);
}

function applied(text: string, fix: Fix): string {
  return applyTextEdits(text, fix.edits[0].edits);
}

const deployer = (extra: string) => `resource "google_service_account" "deployer" {\n  account_id = "web-deployer"\n}\n\n` +
  `resource "google_project_iam_member" "deploy" {\n  project = "acme"\n  role    = "roles/editor"\n  member  = "serviceAccount:\${google_service_account.deployer.email}"\n}\n${extra}`;

test('GCP basic role: the evident predefined role first, roles/viewer as the fallback', async () => {
  const run = 'resource "google_cloud_run_service" "web" {\n  name = "web"\n}\n';
  const text = deployer(run);
  const [finding] = await iamFindings('gcp.tf', text);
  const fixes = fixesOf(finding, 'gcp.tf', text);
  assert.deepEqual(fixes.map((f) => [f.preferred, f.edits[0].edits[0].newText]), [[true, 'roles/run.developer'], [false, 'roles/viewer']]);
  assert.match(fixes[0].description!, /web-deployer/);

  // Cloud Run and Cloud Functions in one file: nothing is evident.
  const both = deployer(`${run}\nresource "google_cloudfunctions2_function" "f" {\n  name = "f"\n}\n`);
  const [bothFinding] = await iamFindings('gcp.tf', both);
  assert.deepEqual(fixesOf(bothFinding, 'gcp.tf', both).map((f) => f.edits[0].edits[0].newText), ['roles/viewer']);

  // A service account not named for deploying.
  const named = text.replace('web-deployer', 'web-runtime');
  const [namedFinding] = await iamFindings('gcp.tf', named);
  assert.deepEqual(fixesOf(namedFinding, 'gcp.tf', named).map((f) => f.edits[0].edits[0].newText), ['roles/viewer']);
});

test('GCP: no fix for a role through a local, an unmapped admin role, or a public member', async () => {
  const viaLocal = 'locals {\n  role = "roles/owner"\n}\n\nresource "google_project_iam_member" "m" {\n  project = "acme"\n  role    = local.role\n  member  = "user:a@example.com"\n}\n';
  const [local] = await iamFindings('l.tf', viaLocal);
  assert.equal(local.ruleId, 'iam/gcp-basic-role');
  assert.deepEqual(fixesOf(local, 'l.tf', viaLocal), []);

  const tokenCreator = 'resource "google_project_iam_member" "m" {\n  project = "acme"\n  role    = "roles/iam.serviceAccountTokenCreator"\n  member  = "serviceAccount:ci@acme.iam.gserviceaccount.com"\n}\n';
  const [creator] = await iamFindings('t.tf', tokenCreator);
  assert.equal(creator.ruleId, 'iam/gcp-privileged-service-account');
  assert.deepEqual(fixesOf(creator, 't.tf', tokenCreator), []);

  const publicBucket = 'resource "google_storage_bucket_iam_member" "site" {\n  bucket = "acme-site"\n  role   = "roles/storage.objectViewer"\n  member = "allUsers"\n}\n';
  const [pub] = await iamFindings('p.tf', publicBucket);
  assert.equal(pub.ruleId, 'iam/gcp-public-member');
  assert.deepEqual(fixesOf(pub, 'p.tf', publicBucket), []);
});

test('GCP cloud-platform alias: full scopes, no duplicates, the rescan is clean', async () => {
  const text = 'resource "google_compute_instance" "vm" {\n  name = "vm"\n  service_account {\n    email  = "vm@acme.iam.gserviceaccount.com"\n    scopes = ["https://www.googleapis.com/auth/logging.write", "cloud-platform"]\n  }\n}\n';
  const [finding] = await iamFindings('vm.tf', text);
  assert.equal(finding.ruleId, 'iam/gcp-cloud-platform-scope');
  const after = applied(text, fixesOf(finding, 'vm.tf', text)[0]);
  assert.equal((after.match(/logging\.write/g) ?? []).length, 1);
  for (const scope of NARROW_SCOPES) assert.ok(after.includes(`"${scope}"`), scope);
  assert.deepEqual(await iamFindings('vm.tf', after), []);
  assert.deepEqual(fixesOf(finding, 'vm.tf', text.replace('"cloud-platform"', '"cloud-platforms"')), [], 'changed text');
});

const azure = (scope: string, groups: string) => `${groups}resource "azurerm_role_assignment" "a" {\n  scope                = ${scope}\n  role_definition_name = "Contributor"\n  principal_id         = var.principal_id\n}\n`;

test('Azure: Reader first, then the same role on each resource group of the file', async () => {
  const text = azure('data.azurerm_subscription.current.id', 'resource "azurerm_resource_group" "web" {\n  name     = "rg-web"\n  location = "westeurope"\n}\n\n');
  const [finding] = await iamFindings('a.tf', text);
  const fixes = fixesOf(finding, 'a.tf', text);
  assert.deepEqual(fixes.map((f) => f.title), ['Assign Reader instead of Contributor (review: may break the assignee)', 'Assign Contributor on azurerm_resource_group.web only']);
  const scoped = applied(text, fixes[1]);
  assert.match(scoped, /scope {16}= azurerm_resource_group\.web\.id\n/);
  assert.deepEqual(await iamFindings('a.tf', scoped), []);
  assert.deepEqual(await iamFindings('a.tf', applied(text, fixes[0])), []);

  const literal = azure('"/subscriptions/00000000-0000-0000-0000-000000000000"', '');
  const [alone] = await iamFindings('b.tf', literal);
  assert.deepEqual(fixesOf(alone, 'b.tf', literal).map((f) => f.edits[0].edits[0].newText), ['Reader']);
});

test('Azure: a role named through a data source gets no fix', async () => {
  const text = 'data "azurerm_role_definition" "owner" {\n  name = "Owner"\n}\n\nresource "azurerm_role_assignment" "a" {\n  scope              = data.azurerm_subscription.current.id\n  role_definition_id = data.azurerm_role_definition.owner.id\n  principal_id       = var.p\n}\n';
  const [finding] = await iamFindings('d.tf', text);
  assert.equal(finding.ruleId, 'iam/azure-privileged-role-assignment');
  assert.deepEqual(fixesOf(finding, 'd.tf', text), []);
});

test('custom role actions: read-only forms', () => {
  assert.equal(readOnlyAction('*'), '*/read');
  assert.equal(readOnlyAction('Microsoft.Authorization/*'), 'Microsoft.Authorization/*/read');
  assert.equal(readOnlyAction('microsoft.authorization/*/write'), 'microsoft.authorization/*/read');
  assert.equal(readOnlyAction('Microsoft.Authorization/roleAssignments/write'), 'Microsoft.Authorization/roleAssignments/read');
  assert.equal(readOnlyAction('Microsoft.Compute/*'), undefined);
});

test('Bicep with CRLF: found and fixed; data actions get no fix', async () => {
  const text = [
    "targetScope = 'subscription'",
    'resource owner \'Microsoft.Authorization/roleAssignments@2022-04-01\' = {',
    "  name: guid(subscription().id, 'o')",
    '  properties: {',
    "    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8E3AF657-A8FF-443C-A75C-2FE8C4BCB635')",
    "    principalId: 'p'",
    '  }',
    '}',
    "resource data 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {",
    "  name: 'd'",
    '  properties: {',
    "    permissions: [ { dataActions: [ '*' ] } ]",
    '  }',
    '}',
    '',
  ].join('\r\n');
  const findings = await iamFindings('main.bicep', text);
  assert.deepEqual(findings.map((f) => f.ruleId), ['iam/azure-privileged-role-assignment', 'iam/azure-custom-role-wildcard']);
  const [assignmentFix] = fixesOf(findings[0], 'main.bicep', text);
  const after = applied(text, assignmentFix);
  assert.match(after, /'acdd72a7-3385-48ef-bd42-f606fba81ae7'\)\r\n/);
  assert.deepEqual((await iamFindings('main.bicep', after)).map((f) => f.ruleId), ['iam/azure-custom-role-wildcard']);
  assert.deepEqual(fixesOf(findings[1], 'main.bicep', text), []);
  assert.deepEqual(await iamFindings('main.txt', text), [], 'only .bicep files are read as Bicep');
});
