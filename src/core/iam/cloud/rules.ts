// Rule metadata shared by the cloud IAM families (AWS, GCP, Azure): every grant rule carries the
// over-privilege taxonomy and a link to the provider's own documentation.
import { TAG } from '../../rules/taxonomy';
import type { RuleInfo, Severity } from '../../types';

export const GRANT_TAGS = [TAG.overprivileged, TAG.excessivePrivilege];

export function grantRule(id: string, title: string, severity: Severity, description: string, docsUrl: string): RuleInfo {
  return { id, title, category: 'iam', severity, description, docsUrl, tags: GRANT_TAGS };
}
