// AWS managed policies that grant administrator-level access, by name; found as ARNs
// (`arn:aws:iam::aws:policy/AdministratorAccess`, any partition) or bare names (SAM `Policies`, CDK).
import type { Severity, Span } from '../../types';

export interface AdminManagedPolicy {
  name: string;
  severity: Severity;
  grants: string;
}

const ADMIN_POLICIES: AdminManagedPolicy[] = [
  { name: 'AdministratorAccess', severity: 'critical', grants: 'every action on every resource (full administrator)' },
  { name: 'IAMFullAccess', severity: 'critical', grants: 'every IAM action, enough to grant itself any other permission' },
  { name: 'PowerUserAccess', severity: 'high', grants: 'every action outside IAM and Organizations, with every secret, key and bucket' },
  { name: 'AWSOrganizationsFullAccess', severity: 'high', grants: 'full control of the AWS organization, its accounts and policies' },
  { name: 'AdministratorAccess-Amplify', severity: 'high', grants: 'Amplify administration including creating IAM roles and policies' },
  { name: 'AdministratorAccess-AWSElasticBeanstalk', severity: 'high', grants: 'Elastic Beanstalk administration including passing any role' },
];

/** An admin-level managed policy attached somewhere: the ARN or name's span, and how (`ManagedPolicyArns`, `PolicyArn`). */
export interface AttachedPolicy {
  policy: AdminManagedPolicy;
  span: Span;
  via: string;
}

const BY_NAME = new Map(ADMIN_POLICIES.map((p) => [p.name.toLowerCase(), p]));
/** Quick test for prefilters: every admin policy name contains one of these (lower case; Pulumi's Python enum in snake case). */
export const ADMIN_POLICY_KEYWORDS = ['administratoraccess', 'iamfullaccess', 'poweruseraccess', 'organizationsfullaccess', 'administrator_access', 'iam_full_access', 'power_user_access'];

const MANAGED_ARN = /^arn:[^:]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

/** The admin-level AWS managed policy an ARN (possibly with `${...}` for the partition) or a name refers to. */
export function adminManagedPolicy(text: string): AdminManagedPolicy | undefined {
  const trimmed = text.trim();
  const arn = MANAGED_ARN.exec(trimmed.replace(/^arn:\$\{[^}]*\}:/, 'arn:aws:'));
  if (arn) return BY_NAME.get(arn[1].toLowerCase());
  return trimmed.startsWith('arn:') ? undefined : BY_NAME.get(trimmed.toLowerCase());
}
