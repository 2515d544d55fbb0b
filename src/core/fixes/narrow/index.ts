// Narrowing fixes for `iam/`, `agent/` and `lifecycle/` findings: a grant replaced by what the task
// needs, a missing rotation or expiry added, a lifetime shortened. Pure text edits, like the secret
// fixes; the structure the detector saw arrives in `finding.remedy`. One module per area; each
// returns the fixes of one finding, the safest first (marked preferred).
import type { Finding, Fix } from '../../types';
import type { FixDocument, FixWorkspace } from '../draft';
import { actionsFixes } from './actions';
import { agentFixes } from './agent';
import { awsFixes } from './aws';
import { awsManagedFixes, isAwsManagedRemedy } from './awsManaged';
import { awsTrustFixes } from './awsTrust';
import { actionTypoFixes } from './awsTypo';
import { cloudRoleFixes } from './cloudRoles';
import { k8sFixes } from './k8s';
import { lifecycleFixes } from './lifecycle';

export type Narrower = (finding: Finding, doc: FixDocument, workspace: FixWorkspace) => Fix[];

const BY_PREFIX: [string, Narrower][] = [
  ['iam/aws-admin-managed-policy', awsManagedFixes],
  ['iam/aws-trust-', awsTrustFixes],
  ['iam/aws-unknown-action', actionTypoFixes],
  ['iam/aws-', awsFixes],
  ['iam/gcp-', cloudRoleFixes],
  ['iam/azure-', cloudRoleFixes],
  ['iam/k8s-', k8sFixes],
  ['iam/gha-', actionsFixes],
  ['agent/', agentFixes],
  ['lifecycle/', lifecycleFixes],
];

/** Whether a narrowing fix may exist for the rule (the fixer decides per finding). */
export function mayNarrow(ruleId: string): boolean {
  return BY_PREFIX.some(([prefix]) => ruleId.startsWith(prefix));
}

/** The narrowing fixes of a reach finding, the safest first; empty when none applies. */
export function narrowingFixes(finding: Finding, doc: FixDocument, workspace: FixWorkspace): Fix[] {
  if (finding.span.end > doc.text.length) return [];
  // Service-wide managed policies are reported as iam/aws-wildcard-action, like the inline wildcard.
  const narrower = isAwsManagedRemedy(finding) ? awsManagedFixes : BY_PREFIX.find(([prefix]) => finding.ruleId.startsWith(prefix))?.[1];
  const fixes = narrower ? narrower(finding, doc, workspace) : [];
  return fixes.map((f, i) => ({ ...f, preferred: i === 0 }));
}
