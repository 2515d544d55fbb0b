// `iam/aws-unknown-action` with a near miss in the dataset (`s3:GetObjects` → `s3:GetObject`): the
// name is corrected in place, quotes and all else untouched.
import { ACTION_TYPO_REMEDY } from '../../iam/aws/judge';
import type { Finding, Fix } from '../../types';
import type { FixDocument } from '../draft';

export function actionTypoFixes(finding: Finding, doc: FixDocument): Fix[] {
  const remedy = finding.remedy;
  const span = remedy?.spans?.value;
  const written = remedy?.data?.written;
  const meant = remedy?.data?.meant;
  if (remedy?.kind !== ACTION_TYPO_REMEDY || !span || typeof written !== 'string' || typeof meant !== 'string') return [];
  const at = doc.text.slice(span.start, span.end).indexOf(written);
  if (at === -1 || span.end > doc.text.length) return [];
  const start = span.start + at;
  return [{
    title: `Correct ${written} to ${meant}`,
    preferred: true,
    edits: [{ path: doc.path, edits: [{ span: { start, end: start + written.length }, newText: meant }] }],
    description: `IAM ignored ${written}, so the statement never granted it; ${meant} is granted from now on. Review: check that it is the action meant.`,
  }];
}
