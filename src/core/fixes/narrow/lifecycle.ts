// Narrowing fixes for credential lifetime (`lifecycle/...`): a lifetime shortened to the configured
// limit in the unit style it was written in, a rotation or an expiry added where it was missing. The
// detectors (src/core/lifecycle) say where in `finding.remedy`; static keys minted in IaC get no
// removal (their consumers would break): see notes/lifecycle-cloud-fixes.md.
import { formatSeconds } from '../../lifecycle/durations';
import { LIFECYCLE_REMEDY, type DurationRemedyData } from '../../lifecycle/remedy';
import type { Finding, Fix } from '../../types';
import type { FixDocument, FixWorkspace } from '../draft';
import type { Narrower } from './index';
import { durationText } from './lifecycleDurations';
import { textAt } from './lifecycleText';
import { templateRotationFixes } from './lifecycleTemplate';
import { terraformExpiryFixes, terraformRotationFixes } from './lifecycleTerraform';

/** The fixes with a clock (milliseconds since the epoch), for the fixes that write a date. */
export function lifecycleFixesAt(now: () => number): Narrower {
  return (finding, doc, workspace) => {
    const remedy = finding.remedy;
    if (!remedy) return [];
    switch (remedy.kind) {
      case LIFECYCLE_REMEDY.duration: return durationFixes(finding, doc);
      case LIFECYCLE_REMEDY.terraformRotation: return terraformRotationFixes(finding, doc, workspace);
      case LIFECYCLE_REMEDY.terraformExpiry: return terraformExpiryFixes(finding, doc, now());
      case LIFECYCLE_REMEDY.templateRotation: return templateRotationFixes(finding, doc);
      default: return [];
    }
  };
}

export const lifecycleFixes: (finding: Finding, doc: FixDocument, workspace: FixWorkspace) => Fix[] = lifecycleFixesAt(() => Date.now());

function durationFixes(finding: Finding, doc: FixDocument): Fix[] {
  const data = finding.remedy?.data as Partial<DurationRemedyData> | undefined;
  const span = finding.remedy?.spans?.value;
  if (!data || !span || typeof data.written !== 'string' || typeof data.limitSeconds !== 'number' || !(data.limitSeconds > 0) || !data.style) return [];
  if (textAt(doc, span) !== data.written) return [];
  const newText = durationText(data.style, data.limitSeconds, data.written);
  if (newText === undefined || newText === data.written) return [];
  const limit = formatSeconds(data.limitSeconds);
  return [{
    title: `Shorten the ${data.what ?? 'lifetime'} to ${limit} (${newText.trim()})`,
    preferred: true,
    edits: [{ path: doc.path, edits: [{ span: { ...span }, newText }] }],
    description: `The ${data.what ?? 'lifetime'} becomes ${limit}, the configured limit (\`lifecycle\` in .keyhole.json). ` +
      'Clients that relied on the longer lifetime must renew (re-assume the role, refresh the token, renew the lease) sooner: check them before merging.',
  }];
}
