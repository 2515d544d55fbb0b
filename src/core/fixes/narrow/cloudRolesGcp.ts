// GCP: `roles/owner` / `roles/editor` become a predefined role the member evidently needs (see
// src/core/iam/gcp/evident.ts) or `roles/viewer`; a service-wide admin role given to a service account
// becomes the service's data-level role; `cloud-platform` on a VM or GKE node becomes the narrower
// scopes its logging, monitoring and tracing agents use plus read-only Cloud Storage.
import type { GcpRoleData, GcpScopeData } from '../../iam/cloud/remedy';
import type { Finding, Fix, Span } from '../../types';
import { eolOf, indentOf, type FixDocument } from '../draft';
import { lineEndAt, lineStartAt, textAt } from './lifecycleText';

/** Admin roles and the role that keeps the data work without administering the service (or its IAM). */
const NARROWER_THAN_ADMIN: Record<string, string> = {
  'roles/storage.admin': 'roles/storage.objectAdmin',
  'roles/compute.admin': 'roles/compute.instanceAdmin.v1',
  'roles/bigquery.admin': 'roles/bigquery.dataEditor',
  'roles/pubsub.admin': 'roles/pubsub.editor',
  'roles/cloudsql.admin': 'roles/cloudsql.editor',
  'roles/secretmanager.admin': 'roles/secretmanager.secretAccessor',
  'roles/run.admin': 'roles/run.developer',
  'roles/container.admin': 'roles/container.developer',
  'roles/cloudfunctions.admin': 'roles/cloudfunctions.developer',
  'roles/spanner.admin': 'roles/spanner.databaseUser',
  'roles/datastore.owner': 'roles/datastore.user',
};

/** The scopes a Compute Engine VM gets by default, without Pub/Sub: logs, metrics, traces, service control, read-only storage. */
export const NARROW_SCOPES = [
  'https://www.googleapis.com/auth/devstorage.read_only',
  'https://www.googleapis.com/auth/logging.write',
  'https://www.googleapis.com/auth/monitoring.write',
  'https://www.googleapis.com/auth/servicecontrol',
  'https://www.googleapis.com/auth/service.management.readonly',
  'https://www.googleapis.com/auth/trace.append',
];

function replaceRole(doc: FixDocument, span: Span, role: string, title: string, description: string): Fix {
  return { title, preferred: false, edits: [{ path: doc.path, edits: [{ span: { ...span }, newText: role }] }], description };
}

export function gcpRoleFixes(finding: Finding, doc: FixDocument): Fix[] {
  const data = finding.remedy?.data as Partial<GcpRoleData> | undefined;
  const span = finding.remedy?.spans?.role;
  if (!span || typeof data?.role !== 'string' || textAt(doc, span) !== data.role) return [];
  const role = data.role;
  if (finding.ruleId === 'iam/gcp-privileged-service-account') {
    const narrower = NARROWER_THAN_ADMIN[role];
    return narrower ? [replaceRole(doc, span, narrower, `Grant ${narrower} instead of ${role} (review)`,
      `${narrower} keeps working with the service's data but cannot change the service's configuration or its IAM policies, which ${role} can. ` +
      'Check what the service account does: if it creates or deletes the service\'s resources, it needs more; a custom role with exactly those permissions is narrower still.')] : [];
  }
  if (role !== 'roles/owner' && role !== 'roles/editor') return [];
  const fixes: Fix[] = [];
  const suggested = data.suggested;
  if (suggested && typeof suggested.role === 'string' && /^roles\/[\w.]+$/.test(suggested.role)) {
    fixes.push(replaceRole(doc, span, suggested.role, `Grant ${suggested.role} instead of ${role} (review)`,
      `Chosen because ${suggested.why}. ${suggested.role} deploys and updates those resources without the rest of ${role}; ` +
      'deploying as a runtime service account also needs roles/iam.serviceAccountUser on that account. Check the deploy pipeline before merging.'));
  }
  fixes.push(replaceRole(doc, span, 'roles/viewer', `Grant roles/viewer instead of ${role} (review: may break the member)`,
    `roles/viewer only reads; ${role} also ${role === 'roles/owner' ? 'changes every resource and the IAM policy' : 'changes almost every resource'}. ` +
    'This is a safe starting point, not the end: the member loses every write it did, so add the predefined roles it needs (IAM recommender lists the permissions it used). ' +
    'roles/viewer is still a basic role and stays reported at low severity.'));
  return fixes;
}

export function gcpScopeFixes(finding: Finding, doc: FixDocument): Fix[] {
  const data = finding.remedy?.data as Partial<GcpScopeData> | undefined;
  const span = finding.remedy?.spans?.scope;
  if (!span || typeof data?.scope !== 'string' || textAt(doc, span) !== data.scope) return [];
  const quote = doc.text[span.start - 1];
  if ((quote !== '"' && quote !== "'") || doc.text[span.end] !== quote) return [];
  const list = textAt(doc, finding.remedy?.spans?.list) ?? '';
  const scopes = NARROW_SCOPES.filter((s) => !list.includes(`${quote}${s}${quote}`));
  const item = { start: span.start - 1, end: span.end + 1 };
  const lineStart = lineStartAt(doc.text, item.start);
  const before = doc.text.slice(lineStart, item.start);
  const afterItem = doc.text.slice(item.end, lineEndAt(doc.text, item.end)).trim();
  const ownLine = !before.trim() && (afterItem === '' || afterItem === ',');
  const separator = ownLine ? `,${eolOf(doc.text)}${indentOf(before)}` : ', ';
  const newText = scopes.map((s) => `${quote}${s}${quote}`).join(separator);
  return [{
    title: 'Replace the cloud-platform scope with logging, monitoring, tracing and read-only storage scopes (review)',
    preferred: false,
    edits: [{ path: doc.path, edits: [{ span: item, newText }] }],
    description: 'The VM or node keeps the scopes its Google agents use (logging.write, monitoring.write, trace.append, servicecontrol, ' +
      'service.management.readonly) and read-only Cloud Storage (image pulls from Container/Artifact Registry buckets): the Compute Engine default scopes without Pub/Sub. ' +
      'Code on the machine that calls other Google APIs (Pub/Sub, BigQuery, Cloud SQL Admin, writing to Cloud Storage) needs its scope added back; ' +
      'Google\'s recommendation is the reverse (cloud-platform plus a dedicated service account with narrow roles), so this fix matters most for the default compute service account.',
  }];
}
