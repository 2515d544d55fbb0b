// Narrowing an attached AWS managed policy: an admin-level one (`AdministratorAccess`) becomes
// `job-function/ViewOnlyAccess` (or the same service's read-only policy: `IAMFullAccess` →
// `IAMReadOnlyAccess`), a service-wide one (`AmazonS3FullAccess`) its service's read-only policy. The
// name is swapped where it is written, so the ARN form stays (`arn:aws:...`, `arn:${AWS::Partition}:...`,
// a SAM bare name, a CDK `fromAwsManagedPolicyName` string). A starting point for review: the real
// fix is an inline policy of what the workload calls, listed in the description when it is known.
import { AWS_MANAGED_REMEDY, type AwsManagedRemedyData } from '../../iam/aws/attachments';
import type { Finding, Fix, Span } from '../../types';
import type { AwsCallSite, FixDocument, FixWorkspace } from '../draft';
import { replace } from '../draft';

/** A read-only AWS managed policy; `path` is its IAM path (`job-function/`), written in ARNs and CDK names but not in SAM bare names. */
interface ReadOnlyPolicy {
  name: string;
  path?: string;
  /** What the role keeps, for the description. */
  keeps: string;
}

// ViewOnlyAccess rather than ReadOnlyAccess: ReadOnlyAccess reads data (every S3 object, DynamoDB item,
// log event, ...), the same reach the detector reports as high for an inline `s3:Get*` on "*".
const VIEW_ONLY: ReadOnlyPolicy = {
  name: 'ViewOnlyAccess', path: 'job-function/',
  keeps: 'listing and describing resources across services, without reading their data (S3 objects, DynamoDB items, secrets, queue messages) and without changing anything',
};

const ADMIN_READ_ONLY: Record<string, ReadOnlyPolicy> = {
  administratoraccess: VIEW_ONLY,
  poweruseraccess: VIEW_ONLY,
  'administratoraccess-amplify': VIEW_ONLY,
  'administratoraccess-awselasticbeanstalk': { name: 'AWSElasticBeanstalkReadOnly', keeps: 'reading Elastic Beanstalk applications and environments' },
  iamfullaccess: { name: 'IAMReadOnlyAccess', keeps: 'reading IAM users, roles and policies, without changing them' },
  awsorganizationsfullaccess: { name: 'AWSOrganizationsReadOnlyAccess', keeps: 'reading the organization, its accounts and policies' },
};

/** Read-only AWS managed policies by IAM prefix (names checked against AWS's managed policy reference). */
const SERVICE_READ_ONLY: Record<string, string> = {
  s3: 'AmazonS3ReadOnlyAccess', dynamodb: 'AmazonDynamoDBReadOnlyAccess', lambda: 'AWSLambda_ReadOnlyAccess', sqs: 'AmazonSQSReadOnlyAccess',
  sns: 'AmazonSNSReadOnlyAccess', ec2: 'AmazonEC2ReadOnlyAccess', rds: 'AmazonRDSReadOnlyAccess', kinesis: 'AmazonKinesisReadOnlyAccess',
  firehose: 'AmazonKinesisFirehoseReadOnlyAccess', cloudwatch: 'CloudWatchReadOnlyAccess', logs: 'CloudWatchLogsReadOnlyAccess',
  states: 'AWSStepFunctionsReadOnlyAccess', cloudformation: 'AWSCloudFormationReadOnlyAccess', route53: 'AmazonRoute53ReadOnlyAccess',
  ssm: 'AmazonSSMReadOnlyAccess', ecr: 'AmazonEC2ContainerRegistryReadOnly', elasticloadbalancing: 'ElasticLoadBalancingReadOnly',
  es: 'AmazonOpenSearchServiceReadOnlyAccess', events: 'AmazonEventBridgeReadOnlyAccess', elasticache: 'AmazonElastiCacheReadOnlyAccess',
  redshift: 'AmazonRedshiftReadOnlyAccess', cloudfront: 'CloudFrontReadOnlyAccess', xray: 'AWSXrayReadOnlyAccess', kafka: 'AmazonMSKReadOnlyAccess',
  elasticfilesystem: 'AmazonElasticFileSystemReadOnlyAccess', glacier: 'AmazonGlacierReadOnlyAccess', cloudtrail: 'AWSCloudTrail_ReadOnlyAccess',
  codecommit: 'AWSCodeCommitReadOnly', acm: 'AWSCertificateManagerReadOnly',
};
/** Service-wide policies whose read-only counterpart is not the service's main one (`ec2` for VPC, `rds` for DocumentDB). */
const NAMED_READ_ONLY: Record<string, string> = { amazonvpcfullaccess: 'AmazonVPCReadOnlyAccess', amazondocdbfullaccess: 'AmazonDocDBReadOnlyAccess' };

const CDK_BY_NAME = /(?:fromAwsManagedPolicyName|from_aws_managed_policy_name)\s*\(\s*['"`]?$/;
const MANAGED_ARN = /arn:(?:[\w-]+|\$\{[^}]*\}):iam::aws:policy\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]+)/g;
const SHOWN_ACTIONS = 25;

export function isAwsManagedRemedy(finding: Finding): boolean {
  return finding.remedy?.kind === AWS_MANAGED_REMEDY;
}

export function awsManagedFixes(finding: Finding, doc: FixDocument, workspace: FixWorkspace): Fix[] {
  const data = finding.remedy?.kind === AWS_MANAGED_REMEDY ? (finding.remedy.data as unknown as AwsManagedRemedyData | undefined) : undefined;
  if (!data || typeof data.policy !== 'string') return [];
  const target = readOnlyFor(data);
  const where = nameAt(doc.text, finding.span, data.policy);
  if (!target || !where) return [];
  const written = where.form === 'bare' ? target.name : `${target.path ?? ''}${target.name}`;
  const calls = (workspace.awsCalls ?? []).filter((c) => c.path !== doc.path && (!data.service || c.action.toLowerCase().startsWith(`${data.service}:`)));
  const description = `${data.policy} is replaced by the AWS managed policy ${target.path ?? ''}${target.name} as a safe default: the role keeps ${target.keeps}. ` +
    `Review: everything else ${data.policy} allowed stops working (${data.service ? `${data.service} writes, deletes and permission changes` : 'writes, deletes, data reads, permission changes'}). ` +
    `The real fix is an inline policy of the actions the workload calls${suggested(calls)}.`;
  return [{
    title: `Replace ${data.policy} with ${target.name} (review)`,
    preferred: false,
    edits: [{ path: doc.path, edits: [replace(where.span, written)] }],
    description,
  }];
}

function readOnlyFor(data: AwsManagedRemedyData): ReadOnlyPolicy | undefined {
  const lower = data.policy.toLowerCase();
  if (!data.service) return ADMIN_READ_ONLY[lower];
  const name = NAMED_READ_ONLY[lower.replace(/_/g, '')] ?? SERVICE_READ_ONLY[data.service];
  return name ? { name, keeps: `reading and listing its ${data.service} resources (the read-only policy's own grants)` } : undefined;
}

/**
 * The span to rewrite: the name with any IAM path before it, in an ARN (`arn:...:iam::aws:policy/X`) or
 * alone (a SAM bare name, or a CDK `fromAwsManagedPolicyName` argument, which takes the path too).
 * Undefined when the text there is no longer the policy (or is a Pulumi enum member: not a string).
 */
function nameAt(text: string, span: Span, policy: string): { span: Span; form: 'arn' | 'bare' | 'cdk' } | undefined {
  if (span.end > text.length) return undefined;
  const raw = text.slice(span.start, span.end);
  // The span may be a whole intrinsic (`{ "Fn::Sub": "arn:..." }`): the ARN inside it.
  const arns = [...raw.matchAll(MANAGED_ARN)];
  if (arns.length) {
    const m = arns[0];
    if (arns.length > 1 || m[2] !== policy) return undefined;
    const start = span.start + m.index! + m[0].length - m[1].length - m[2].length;
    return { span: { start, end: span.start + m.index! + m[0].length }, form: 'arn' };
  }
  const value = raw.replace(/^(['"`])(.*)\1$/s, '$2');
  if (value.split('/').pop() !== policy || !/^[\w+=,.@/-]+$/.test(value)) return undefined;
  const start = span.start + raw.indexOf(value);
  const form = CDK_BY_NAME.test(text.slice(Math.max(0, span.start - 80), span.start)) ? 'cdk' : 'bare';
  return { span: { start, end: start + value.length }, form };
}

/** The workload's called actions, as the inline policy to write instead. */
function suggested(calls: readonly AwsCallSite[]): string {
  const actions = [...new Set(calls.map((c) => c.action))].sort();
  if (!actions.length) return ' (no AWS SDK calls were found in this workspace to suggest them)';
  const shown = actions.slice(0, SHOWN_ACTIONS).join(', ');
  return `; this workspace's AWS SDK calls need ${actions.length === 1 ? 'this action' : `these ${actions.length} actions`}: ${shown}${actions.length > SHOWN_ACTIONS ? ` and ${actions.length - SHOWN_ACTIONS} more` : ''}`;
}
