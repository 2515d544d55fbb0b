// GCP and Azure grants: severities by role and scope, and the element each finding lands on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanText } from '../harness';

async function judged(path: string, text: string): Promise<string[]> {
  const result = await scanText(path, text);
  return result.findings.filter((f) => f.category === 'iam').map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);
}

const member = (type: string, role: string, who: string) => `resource "${type}" "x" {\n  role   = "${role}"\n  member = "${who}"\n}\n`;

test('GCP basic roles: owner critical, editor high, viewer low; one step up at folder and organization', async () => {
  assert.deepEqual(await judged('a.tf', member('google_project_iam_member', 'roles/owner', 'user:a@example.com')), ['iam/gcp-basic-role critical roles/owner']);
  assert.deepEqual(await judged('a.tf', member('google_project_iam_member', 'roles/editor', 'user:a@example.com')), ['iam/gcp-basic-role high roles/editor']);
  assert.deepEqual(await judged('a.tf', member('google_project_iam_member', 'roles/viewer', 'user:a@example.com')), ['iam/gcp-basic-role low roles/viewer']);
  assert.deepEqual(await judged('a.tf', member('google_organization_iam_member', 'roles/editor', 'user:a@example.com')), ['iam/gcp-basic-role critical roles/editor']);
  assert.deepEqual(await judged('a.tf', member('google_folder_iam_member', 'roles/viewer', 'user:a@example.com')), ['iam/gcp-basic-role medium roles/viewer']);
});

test('GCP admin-level roles count for service accounts, not for people; public members on any resource', async () => {
  assert.deepEqual(await judged('a.tf', member('google_project_iam_member', 'roles/iam.serviceAccountUser', 'serviceAccount:ci@p.iam.gserviceaccount.com')),
    ['iam/gcp-privileged-service-account high roles/iam.serviceAccountUser']);
  assert.deepEqual(await judged('a.tf', member('google_project_iam_member', 'roles/iam.serviceAccountUser', 'group:devs@example.com')), []);
  // On one service account (not the project), the same role is the narrow way to grant it.
  assert.deepEqual(await judged('a.tf', member('google_service_account_iam_member', 'roles/iam.serviceAccountTokenCreator', 'serviceAccount:ci@p.iam.gserviceaccount.com')), []);
  assert.deepEqual(await judged('a.tf', member('google_bigquery_dataset_iam_member', 'roles/bigquery.dataEditor', 'allAuthenticatedUsers')),
    ['iam/gcp-public-member critical allAuthenticatedUsers']);
  assert.deepEqual(await judged('a.tf', member('google_cloudfunctions_function_iam_member', 'roles/cloudfunctions.invoker', 'allUsers')),
    ['iam/gcp-public-member medium allUsers']);
});

const assignment = (scope: string, role: string) => `resource "azurerm_role_assignment" "x" {\n  scope = ${scope}\n  role_definition_name = "${role}"\n  principal_id = var.p\n}\n`;

test('Azure privileged roles at subscription and management group scope, not below', async () => {
  assert.deepEqual(await judged('a.tf', assignment('"/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333"', 'Owner')), ['iam/azure-privileged-role-assignment critical Owner']);
  assert.deepEqual(await judged('a.tf', assignment('"/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/"', 'Contributor')), ['iam/azure-privileged-role-assignment high Contributor']);
  assert.deepEqual(await judged('a.tf', assignment('"/"', 'User Access Administrator')), ['iam/azure-privileged-role-assignment critical User Access Administrator']);
  assert.deepEqual(await judged('a.tf', assignment('data.azurerm_management_group.root.id', 'Contributor')), ['iam/azure-privileged-role-assignment high Contributor']);
  assert.deepEqual(await judged('a.tf', assignment('"/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg"', 'Owner')), []);
  assert.deepEqual(await judged('a.tf', assignment('var.scope', 'Owner')), []);
  assert.deepEqual(await judged('a.tf', assignment('data.azurerm_subscription.current.id', 'Storage Blob Data Reader')), []);
});

test('Azure custom roles: "*" is Owner unless NotActions take access management away', async () => {
  const role = (actions: string, notActions: string) => `resource "azurerm_role_definition" "r" {\n  name = "r"\n  scope = "/subscriptions/x"\n  permissions {\n    actions = ${actions}\n    not_actions = ${notActions}\n  }\n  assignable_scopes = ["/subscriptions/x"]\n}\n`;
  assert.deepEqual(await judged('a.tf', role('["*"]', '[]')), ['iam/azure-custom-role-wildcard critical *']);
  assert.deepEqual(await judged('a.tf', role('["*"]', '["Microsoft.Authorization/*/Write", "Microsoft.Authorization/*/Delete"]')), ['iam/azure-custom-role-wildcard high *']);
  assert.deepEqual(await judged('a.tf', role('["Microsoft.Authorization/roleAssignments/write"]', '[]')), ['iam/azure-custom-role-wildcard critical Microsoft.Authorization/roleAssignments/write']);
  assert.deepEqual(await judged('a.tf', role('["Microsoft.Authorization/*/read", "Microsoft.Compute/*"]', '[]')), []);
});
