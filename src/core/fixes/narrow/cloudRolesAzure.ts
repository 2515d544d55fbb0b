// Azure: a privileged built-in role at subscription or management-group scope becomes Reader (the
// safe default, marked for review) or, in Terraform, the same role on a resource group the same file
// defines; a custom role's `*` becomes `*/read` and `Microsoft.Authorization/*` its read form.
import type { AzureActionData, AzureAssignmentData } from '../../iam/cloud/remedy';
import { READER, roleByName } from '../../iam/azure/roles';
import type { Finding, Fix } from '../../types';
import type { FixDocument } from '../draft';
import { textAt } from './lifecycleText';

const MAX_RESOURCE_GROUPS = 3;

export function azureAssignmentFixes(finding: Finding, doc: FixDocument): Fix[] {
  const data = finding.remedy?.data as Partial<AzureAssignmentData> | undefined;
  const span = finding.remedy?.spans?.role;
  const role = typeof data?.role === 'string' ? roleByName(data.role) : undefined;
  const written = textAt(doc, span);
  if (!span || !role || written === undefined) return [];
  const byName = data?.written === 'name' && written.toLowerCase() === role.name.toLowerCase();
  const byGuid = data?.written === 'guid' && written.toLowerCase() === role.id;
  if (!byName && !byGuid) return [];
  const fixes: Fix[] = [{
    title: `Assign Reader instead of ${role.name} (review: may break the assignee)`,
    preferred: false,
    edits: [{ path: doc.path, edits: [{ span: { ...span }, newText: byName ? READER.name : READER.id }] }],
    description: `Reader${byGuid ? ` (role definition ${READER.id})` : ''} reads every resource of the scope and changes none; ${role.name} allows ${role.grants}. ` +
      'A safe starting point: the assignee loses every write, so assign the built-in roles it needs (or the same role on one resource group) after checking what it does.',
  }];
  const scope = finding.remedy?.spans?.scope;
  const scopeText = textAt(doc, scope);
  if (data?.syntax === 'terraform' && scope && scopeText !== undefined) {
    for (const group of (data.resourceGroups ?? []).filter((g) => /^azurerm_resource_group\.[\w-]+$/.test(g)).slice(0, MAX_RESOURCE_GROUPS)) {
      fixes.push({
        title: `Assign ${role.name} on ${group} only`,
        preferred: false,
        edits: [{ path: doc.path, edits: [{ span: { ...scope }, newText: `${group}.id` }] }],
        description: `The assignment keeps ${role.name} but only on the resource group \`${group}\` defined in this file, not on the whole subscription. ` +
          'Check that the assignee touches nothing outside that group.',
      });
    }
  }
  return fixes;
}

// `*` becomes `*/read`; `Microsoft.Authorization/*` (and its write forms) the read-only form.
export function readOnlyAction(action: string): string | undefined {
  if (action === '*') return '*/read';
  const m = /^(Microsoft\.Authorization)\/(?:(roleAssignments|roleDefinitions)\/(?:\*|write)|\*(?:\/\*|\/write)?)$/i.exec(action);
  if (!m) return undefined;
  return m[2] ? `${m[1]}/${m[2]}/read` : `${m[1]}/*/read`;
}

export function azureActionFixes(finding: Finding, doc: FixDocument): Fix[] {
  const data = finding.remedy?.data as Partial<AzureActionData> | undefined;
  const span = finding.remedy?.spans?.action;
  if (!span || typeof data?.action !== 'string' || textAt(doc, span) !== data.action) return [];
  const narrower = readOnlyAction(data.action);
  if (!narrower) return [];
  return [{
    title: `Allow ${narrower} instead of ${data.action} (review)`,
    preferred: false,
    edits: [{ path: doc.path, edits: [{ span: { ...span }, newText: narrower }] }],
    description: `\`${narrower}\` reads ${data.action === '*' ? 'every resource' : 'role assignments and definitions'} and changes nothing. ` +
      'A starting point: list the write actions the role is for (`Microsoft.Web/sites/write`, ...) next to it, from what its assignees do.',
  }];
}
