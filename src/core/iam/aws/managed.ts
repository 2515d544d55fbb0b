// AWS managed policies that grant administrator-level access, or a whole service on every resource
// (`AmazonS3FullAccess` is `s3:*` on `*`), by name; found as ARNs (`arn:aws:iam::aws:policy/...`, any
// partition) or bare names (SAM `Policies`, CDK `fromAwsManagedPolicyName`, Pulumi's enum).
import type { Confidence, Severity, Span } from '../../types';
import { isKnownService } from './actions';

export interface AdminManagedPolicy {
  kind: 'admin';
  name: string;
  severity: Severity;
  grants: string;
}

/** A service-wide managed policy: every action of `service` on every resource. */
export interface ServiceManagedPolicy {
  kind: 'service';
  name: string;
  /** The IAM prefix (`s3`, `dynamodb`). */
  service: string;
}

export type ManagedPolicy = AdminManagedPolicy | ServiceManagedPolicy;

const ADMIN_POLICIES: AdminManagedPolicy[] = ([
  { name: 'AdministratorAccess', severity: 'critical', grants: 'every action on every resource (full administrator)' },
  { name: 'IAMFullAccess', severity: 'critical', grants: 'every IAM action, enough to grant itself any other permission' },
  { name: 'PowerUserAccess', severity: 'high', grants: 'every action outside IAM and Organizations, with every secret, key and bucket' },
  { name: 'AWSOrganizationsFullAccess', severity: 'high', grants: 'full control of the AWS organization, its accounts and policies' },
  { name: 'AdministratorAccess-Amplify', severity: 'high', grants: 'Amplify administration including creating IAM roles and policies' },
  { name: 'AdministratorAccess-AWSElasticBeanstalk', severity: 'high', grants: 'Elastic Beanstalk administration including passing any role' },
] satisfies Omit<AdminManagedPolicy, 'kind'>[]).map((p) => ({ ...p, kind: 'admin' as const }));

/** A managed policy attached somewhere: the ARN or name's span, and how (`ManagedPolicyArns`, `PolicyArn`). */
export interface AttachedPolicy {
  policy: ManagedPolicy;
  span: Span;
  via: string;
  /** `context` when the ARN is only likely to be attached (a constant in a file that attaches policies). */
  confidence?: Confidence;
}

const BY_NAME = new Map(ADMIN_POLICIES.map((p) => [p.name.toLowerCase(), p]));
/** Quick test for prefilters: every admin or service-wide policy name contains one of these (lower case; Pulumi's Python enum in snake case). */
export const MANAGED_POLICY_KEYWORDS = ['administratoraccess', 'fullaccess', 'poweruseraccess', 'secretsmanagerreadwrite', 'apigatewayadministrator',
  'administrator_access', 'full_access', 'power_user_access', 'secrets_manager_read_write', 'api_gateway_administrator'];

const MANAGED_ARN = /^arn:[^:]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

/** The admin-level AWS managed policy an ARN (possibly with `${...}` for the partition) or a name refers to. */
export function adminManagedPolicy(text: string): AdminManagedPolicy | undefined {
  const name = policyName(text);
  return name === undefined ? undefined : BY_NAME.get(name.toLowerCase());
}

/** An admin-level or service-wide AWS managed policy, by ARN or name. */
export function managedPolicy(text: string): ManagedPolicy | undefined {
  const name = policyName(text);
  if (name === undefined) return undefined;
  const admin = BY_NAME.get(name.toLowerCase());
  if (admin) return admin;
  const service = serviceOf(name);
  return service ? { kind: 'service', name, service } : undefined;
}

function policyName(text: string): string | undefined {
  const trimmed = text.trim();
  const arn = MANAGED_ARN.exec(trimmed.replace(/^arn:\$\{[^}]*\}:/, 'arn:aws:'));
  if (arn) return arn[1];
  return trimmed.startsWith('arn:') ? undefined : trimmed;
}

/** `amazons3fullaccess`, `awslambdafullaccess`, `cloudwatchfullaccessv2` (lower case, no `_`): the words between the vendor and `FullAccess`. */
const FULL_ACCESS = /^(?:amazon|aws)?([a-z0-9]{2,40}?)fullaccess(?:v\d)?$/;
/** Service-wide policies whose name does not follow the pattern. */
const CURATED_SERVICE_POLICIES: Record<string, string> = { secretsmanagerreadwrite: 'secretsmanager', amazonapigatewayadministrator: 'apigateway' };
/** Names in policy titles whose IAM prefix differs. */
const SERVICE_ALIASES: Record<string, string> = {
  ec2containerregistry: 'ecr', kinesisfirehose: 'firehose', cloudwatchlogs: 'logs', stepfunctions: 'states', eventbridge: 'events',
  opensearchservice: 'es', vpc: 'ec2', certificatemanager: 'acm', glueconsole: 'glue', msk: 'kafka', docdb: 'rds', elasticsearch: 'es',
};

/** The IAM prefix a service-wide policy name grants; names the dataset does not know are not guessed. */
function serviceOf(name: string): string | undefined {
  const lower = name.toLowerCase().replace(/_/g, '');
  const curated = CURATED_SERVICE_POLICIES[lower];
  if (curated) return curated;
  const phrase = FULL_ACCESS.exec(lower)?.[1];
  if (!phrase) return undefined;
  const service = SERVICE_ALIASES[phrase] ?? phrase;
  // IAM and Organizations full access are admin-level, listed above.
  return isKnownService(service) && service !== 'iam' && service !== 'organizations' ? service : undefined;
}
