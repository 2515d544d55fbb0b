import { grantRule } from '../cloud/rules';

export const GCP_RULE = {
  basicRole: 'iam/gcp-basic-role',
  publicMember: 'iam/gcp-public-member',
  privilegedServiceAccount: 'iam/gcp-privileged-service-account',
  cloudPlatformScope: 'iam/gcp-cloud-platform-scope',
} as const;

export const GCP_RULES = [
  grantRule(GCP_RULE.basicRole, 'GCP basic role granted at project, folder or organization level', 'high',
    'A basic role (`roles/owner`, `roles/editor`, and `roles/viewer` at lower severity) is granted on a project, folder or organization. Basic roles span thousands of permissions across every service; use predefined or custom roles.',
    'https://cloud.google.com/iam/docs/roles-overview#basic'),
  grantRule(GCP_RULE.publicMember, 'GCP resource granted to allUsers or allAuthenticatedUsers', 'high',
    '`allUsers` (anyone on the internet) or `allAuthenticatedUsers` (anyone with a Google account) is a member of an IAM binding: the resource is public.',
    'https://cloud.google.com/iam/docs/principals-overview#all-users'),
  grantRule(GCP_RULE.privilegedServiceAccount, 'GCP service account granted an admin-level role', 'high',
    'A service account receives, on a project, folder or organization, a role that administers IAM (`roles/iam.securityAdmin`, `roles/resourcemanager.projectIamAdmin`), lets it act as other service accounts (`roles/iam.serviceAccountTokenCreator`, `roles/iam.serviceAccountUser`), or administers a whole service (`roles/storage.admin`). A leaked key of that account reaches all of it.',
    'https://cloud.google.com/iam/docs/best-practices-service-accounts'),
  grantRule(GCP_RULE.cloudPlatformScope, 'GCP instance with the cloud-platform access scope', 'high',
    'A VM or GKE node gets the `cloud-platform` scope (every Google Cloud API). With the default compute service account, which holds the Editor role by default, any process on the machine can change almost anything in the project (CIS GCP 4.2); with a dedicated account, access is whatever its roles allow.',
    'https://cloud.google.com/compute/docs/access/service-accounts#scopes_best_practice'),
];
