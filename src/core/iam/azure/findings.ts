// The two Azure findings, shared by the Terraform / ARM reader (detector.ts) and the Bicep reader
// (bicep.ts): a privileged role at broad scope, and wildcard permissions of a custom role.
import type { Remedy, RawFinding, Severity, Span } from '../../types';
import { CLOUD_REMEDY, type AzureActionData, type AzureAssignmentData } from '../cloud/remedy';
import { isAuthorizationWildcard, type BroadScope, type PrivilegedRole } from './roles';
import { AZURE_RULE } from './rules';

export interface Permission {
  text: string;
  span: Span;
}

/** Where a fix rewrites the role (its name or GUID) and, in Terraform, the scope. */
export interface AssignmentRemedy {
  role: Span;
  scope?: Span;
  data: AzureAssignmentData;
}

export function assignment(role: PrivilegedRole, scope: BroadScope, span: Span, who: string, scopeText: string, fix?: AssignmentRemedy): RawFinding {
  const remedy: Remedy | undefined = fix && {
    kind: CLOUD_REMEDY.azureAssignment,
    spans: { role: { ...fix.role }, ...(fix.scope ? { scope: { ...fix.scope } } : {}) },
    data: { ...fix.data },
  };
  return {
    ruleId: AZURE_RULE.privilegedAssignment,
    span,
    severity: role.severity,
    confidence: 'validated',
    message: `${who} ${role.name} on the whole ${scope}${scopeText ? ` (${scopeText})` : ''}: ${role.grants}, across every ${scope === 'subscription' ? 'resource group' : 'subscription'} in it.`,
    evidence: [`role ${role.name}`, `scope ${scope}`],
    ...(remedy ? { remedy } : {}),
  };
}

export function judgePermissions(actions: Permission[], notActions: string[], dataActions: Permission[], where: string, out: RawFinding[]): void {
  for (const a of actions) {
    if (a.text === '*') {
      const keepsAuthorization = !notActions.some((n) => /^Microsoft\.Authorization\/(?:\*|\*\/write)$/i.test(n));
      const severity: Severity = keepsAuthorization ? 'critical' : 'high';
      const reach = keepsAuthorization ? 'every action on every resource, role assignments included (the same as Owner)' : 'every action except managing access (the same as Contributor)';
      out.push(custom(a, severity, `${where} allows "*": ${reach}.`, true));
    } else if (isAuthorizationWildcard(a.text)) {
      out.push(custom(a, 'critical', `${where} allows ${a.text}: it can assign any role, Owner included, to anyone (itself too).`, true));
    }
  }
  for (const d of dataActions) {
    if (d.text === '*') out.push(custom(d, 'high', `${where} allows every data action ("*"): reading and writing all blobs, queues, key vault secrets and keys in its scope.`, false));
  }
}

function custom(permission: Permission, severity: Severity, message: string, fixable: boolean): RawFinding {
  const data: AzureActionData = { action: permission.text };
  return {
    ruleId: AZURE_RULE.customRoleWildcard, span: permission.span, severity, confidence: 'validated', message, evidence: [`action ${permission.text}`],
    ...(fixable ? { remedy: { kind: CLOUD_REMEDY.azureAction, spans: { action: { ...permission.span } }, data: { ...data } } } : {}),
  };
}
