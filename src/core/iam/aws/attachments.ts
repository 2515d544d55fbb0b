// Findings for attached AWS managed policies. Admin-level ones (`AdministratorAccess`) are their own
// rule; a service-wide one (`AmazonS3FullAccess`) is the same grant as `s3:*` on `*`, so it is reported
// and ranked like that wildcard (iam/aws-wildcard-action, severity from risk.ts).
import type { RawFinding, Remedy } from '../../types';
import { expandAction } from './actions';
import { shortName } from './judge';
import type { AttachedPolicy } from './managed';
import { reachOf, reachSummary, severityOf } from './risk';
import { AWS_RULE } from './rules';

/** Remedy of an attachment finding (fixed by src/core/fixes/narrow/awsManaged.ts): the policy's name, on the finding's span. */
export const AWS_MANAGED_REMEDY = 'aws-managed-policy';

export interface AwsManagedRemedyData {
  policy: string;
  /** The IAM prefix of a service-wide policy. */
  service?: string;
}

export function attachmentFinding(a: AttachedPolicy): RawFinding | undefined {
  const { policy } = a;
  const data: AwsManagedRemedyData = { policy: policy.name, ...(policy.kind === 'service' ? { service: policy.service } : {}) };
  const remedy: Remedy = { kind: AWS_MANAGED_REMEDY, data: data as unknown as Record<string, unknown> };
  const confidence = a.confidence ?? 'validated';
  const likely = confidence === 'context' ? ' It is not passed to an attaching call directly, but this file attaches managed policies.' : '';
  if (policy.kind === 'admin') {
    return {
      ruleId: AWS_RULE.adminManagedPolicy,
      span: a.span,
      severity: policy.severity,
      confidence,
      message: `The AWS managed policy ${policy.name} is attached (${a.via}): it grants ${policy.grants}.${likely}`,
      evidence: [`managed policy ${policy.name}`, `attached by ${a.via}`],
      remedy,
    };
  }
  const wildcard = `${policy.service}:*`;
  const actions = expandAction(wildcard);
  const reach = reachOf(actions);
  const severity = severityOf(reach, true);
  if (!severity) return undefined;
  const summary = reachSummary(reach);
  return {
    ruleId: AWS_RULE.wildcardAction,
    span: a.span,
    severity,
    confidence,
    message: `The AWS managed policy ${policy.name} is attached (${a.via}): it grants ${wildcard} on "*", all ${actions.length} ${shortName(policy.service)} actions on every resource${summary ? `, including ${summary}` : ''}.${likely}`,
    evidence: [`managed policy ${policy.name}`, `grants ${wildcard} on *`, `attached by ${a.via}`],
    remedy,
  };
}
