// What a set of granted actions reaches, and how bad that is. Access levels and resource support
// come from the AWS dataset; the risk classes below are the ones Cloudsplaining and Rhino Security
// Labs' privilege escalation research name (listed in order of how telling each action is).
import type { Severity } from '../../types';
import { findAction, type AwsAction } from './actions';

/** IAM actions that let a principal give itself more power or mint credentials for others. */
export const IAM_ESCALATION = [
  'iam:CreateAccessKey', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:CreatePolicyVersion',
  'iam:PutUserPolicy', 'iam:AttachUserPolicy', 'iam:PutGroupPolicy', 'iam:AttachGroupPolicy', 'iam:SetDefaultPolicyVersion',
  'iam:AddUserToGroup', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteUserPermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:PutUserPermissionsBoundary',
];

export const PASS_ROLE = 'iam:PassRole';

/** Actions that, with `iam:PassRole`, run code as any role the principal may pass. */
export const PASS_ROLE_PARTNERS = [
  'lambda:CreateFunction', 'ec2:RunInstances', 'cloudformation:CreateStack', 'glue:CreateDevEndpoint', 'glue:CreateJob',
  'datapipeline:CreatePipeline', 'sagemaker:CreateNotebookInstance', 'sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob',
  'codebuild:CreateProject', 'ecs:RunTask', 'ecs:RegisterTaskDefinition', 'autoscaling:CreateLaunchConfiguration',
  'apprunner:CreateService', 'states:CreateStateMachine',
];

/** Actions that run code as the role an existing resource already has. */
export const CODE_AS_EXISTING_ROLE = ['lambda:UpdateFunctionCode', 'glue:UpdateDevEndpoint'];

/** Reads of secrets, credentials and data (exfiltration when not limited to named resources). */
export const SENSITIVE_READS = [
  'secretsmanager:GetSecretValue', 's3:GetObject', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath',
  'kms:Decrypt', 'sts:AssumeRole', 'dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem',
  's3:GetObjectVersion', 'rds-db:connect', 'redshift:GetClusterCredentials', 'sts:GetFederationToken',
];

/** Services whose write and permission actions rank high: identity, keys, secrets, organisation, data. */
export const HIGH_VALUE_SERVICES = new Set(['iam', 'sts', 'kms', 'secretsmanager', 'organizations', 'account', 's3', 'ssm']);

/**
 * Actions AWS's own managed policies for Lambda (AWSLambdaBasicExecutionRole, AWSLambdaVPCAccessExecutionRole,
 * AWSXRayDaemonWriteAccess) grant on `*`: writing logs and traces, attaching to a VPC.
 */
export const ROUTINE_ON_ANY_RESOURCE = new Set([
  'logs:createloggroup', 'logs:createlogstream', 'logs:putlogevents', 'ec2:createnetworkinterface', 'ec2:deletenetworkinterface',
  'ec2:assignprivateipaddresses', 'ec2:unassignprivateipaddresses', 'xray:puttracesegments', 'xray:puttelemetryrecords',
]);

const ID_SET = (ids: string[]) => new Set(ids.map((id) => id.toLowerCase()));
const ESCALATION_SET = ID_SET(IAM_ESCALATION);
const INDIRECT_SET = ID_SET([PASS_ROLE, ...CODE_AS_EXISTING_ROLE]);
const SENSITIVE_SET = ID_SET(SENSITIVE_READS);
const ORDER = new Map([PASS_ROLE, ...IAM_ESCALATION, ...CODE_AS_EXISTING_ROLE, ...SENSITIVE_READS].map((id, i) => [id.toLowerCase(), i]));

export interface Reach {
  /** IAM actions that escalate privileges directly. */
  escalation: AwsAction[];
  /** `iam:PassRole` and actions that run code as an existing role. */
  indirect: AwsAction[];
  sensitiveReads: AwsAction[];
  /** Permissions management (policies, grants, sharing). */
  permissions: AwsAction[];
  writes: AwsAction[];
  /** Writes and permission changes in high-value services. */
  highValueChanges: AwsAction[];
}

export function reachOf(actions: readonly AwsAction[]): Reach {
  const reach: Reach = { escalation: [], indirect: [], sensitiveReads: [], permissions: [], writes: [], highValueChanges: [] };
  for (const a of actions) {
    const id = a.id.toLowerCase();
    if (ESCALATION_SET.has(id)) reach.escalation.push(a);
    else if (INDIRECT_SET.has(id)) reach.indirect.push(a);
    if (SENSITIVE_SET.has(id)) reach.sensitiveReads.push(a);
    if (a.level === 'Permissions management') reach.permissions.push(a);
    else if (a.level === 'Write') reach.writes.push(a);
    if ((a.level === 'Permissions management' || a.level === 'Write') && HIGH_VALUE_SERVICES.has(a.service)) reach.highValueChanges.push(a);
  }
  return reach;
}

/**
 * Severity of granting these actions. `unrestricted`: on every resource (`*`, `NotResource`);
 * otherwise on named resources, where only direct IAM escalation still matters much.
 */
export function severityOf(reach: Reach, unrestricted: boolean): Severity | undefined {
  if (reach.escalation.length) return unrestricted ? 'critical' : 'high';
  if (!unrestricted) return undefined;
  if (reach.indirect.length || reach.sensitiveReads.length || reach.highValueChanges.length) return 'high';
  if (reach.permissions.length || reach.writes.length) return 'medium';
  return undefined;
}

const STEP_DOWN: Record<Severity, Severity> = { critical: 'high', high: 'medium', medium: 'low', low: 'low', info: 'info' };

/** One step lower: a `Condition` limits the grant in a way a scanner cannot fully judge. */
export function lowered(severity: Severity): Severity {
  return STEP_DOWN[severity];
}

/** The most telling actions of a reach, for a message: `privilege escalation (iam:PassRole, ...)`. */
export function reachSummary(reach: Reach, limit = 3): string {
  const parts: string[] = [];
  const escalation = [...reach.indirect.filter((a) => a.id === PASS_ROLE), ...reach.escalation];
  if (escalation.length) parts.push(`privilege escalation (${examples(escalation, limit)})`);
  else if (reach.indirect.length) parts.push(`running code as other roles (${examples(reach.indirect, limit)})`);
  if (reach.sensitiveReads.length) parts.push(`secret and data reads (${examples(reach.sensitiveReads, limit)})`);
  const permissions = reach.permissions.filter((a) => !escalation.includes(a));
  if (!escalation.length && permissions.length) parts.push(`permissions management (${examples(permissions, limit)})`);
  if (!parts.length && reach.writes.length) parts.push(`writes (${examples(reach.writes, limit)})`);
  return parts.slice(0, 2).join(' and ');
}

/** Curated actions first, then the ones whose name says what they change (policies, ACLs, grants). */
function telling(a: AwsAction): number {
  const curated = ORDER.get(a.id.toLowerCase());
  if (curated !== undefined) return curated;
  if (/^(?:Put|Set|Attach|Create).*(?:Policy|Acl)$/.test(a.name)) return 1000;
  return /Policy|Acl|Grant|Permission/.test(a.name) ? 1001 : /^(?:Delete|Put|Create)/.test(a.name) ? 1002 : 1003;
}

function examples(actions: AwsAction[], limit: number): string {
  const sorted = [...actions].sort((a, b) => telling(a) - telling(b) || a.name.length - b.name.length || a.id.localeCompare(b.id));
  const shown = sorted.slice(0, limit).map((a) => a.id);
  return sorted.length > limit ? `${shown.join(', ')}, ...` : shown.join(', ');
}

/** The curated actions, resolved; a name the dataset lacks is a bug the unit test reports. */
export function curatedActions(): { id: string; action: AwsAction | undefined }[] {
  return [PASS_ROLE, ...IAM_ESCALATION, ...PASS_ROLE_PARTNERS, ...CODE_AS_EXISTING_ROLE, ...SENSITIVE_READS, ...ROUTINE_ON_ANY_RESOURCE]
    .map((id) => ({ id, action: findAction(id) }));
}
