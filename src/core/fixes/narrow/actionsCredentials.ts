// `iam/gha-static-cloud-credentials`: the credentials step switches to OIDC (actionsOidc.ts does the
// edit: the key inputs go, the job gets `id-token: write` and keeps its other permissions). The
// description says what to set up on the cloud side, which the edit cannot do.
import type { Finding, Fix } from '../../types';
import { actionsOidcChange, type CloudAction } from '../actionsOidc';
import type { FixDocument } from '../draft';

const PLATFORM: Record<CloudAction, string> = {
  aws: 'On AWS: add the identity provider token.actions.githubusercontent.com (audience sts.amazonaws.com) and a role whose trust policy allows `sts:AssumeRoleWithWebIdentity` for it, with a `token.actions.githubusercontent.com:sub` condition such as `repo:OWNER/REPO:ref:refs/heads/main`; give the role the permissions the IAM user had (or fewer), put its ARN in role-to-assume.',
  gcp: 'On Google Cloud: create a workload identity pool with an OIDC provider for https://token.actions.githubusercontent.com (attribute mapping google.subject=assertion.sub, attribute.repository=assertion.repository, and an attribute condition on the repository), grant the service account roles/iam.workloadIdentityUser to principalSet://…/attribute.repository/OWNER/REPO, and fill in workload_identity_provider and service_account.',
  azure: 'On Azure: add a federated identity credential to the app registration (or a user-assigned managed identity) with issuer https://token.actions.githubusercontent.com, audience api://AzureADTokenExchange and subject repo:OWNER/REPO:ref:refs/heads/main (or environment:NAME), then store AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_SUBSCRIPTION_ID as secrets.',
};

export function credentialsFixes(finding: Finding, doc: FixDocument): Fix[] {
  const change = actionsOidcChange(doc.text, finding.span.start);
  if (!change) return [];
  const secrets = [...new Set(change.removed.flatMap((r) => [...r.value.matchAll(/secrets\.([A-Za-z_]\w*)/g)].map((m) => m[1])))];
  const cleanup = secrets.length
    ? `Once a run succeeds, delete the secret${secrets.length > 1 ? 's' : ''} ${secrets.join(', ')} and deactivate the key.`
    : 'Once a run succeeds, deactivate the key.';
  return [{
    title: change.title,
    preferred: true,
    edits: [{ path: doc.path, edits: change.edits }],
    description: `${PLATFORM[change.cloud]} The job's other permissions are kept and \`id-token: write\` is added. ${cleanup}`,
  }];
}
