// What the GCP and Azure detectors hand to the narrowing fixes (src/core/fixes/narrow/cloudRoles*.ts):
// the span of the role, member, scope or action to rewrite, and the facts a fix needs to choose.
export const CLOUD_REMEDY = {
  gcpRole: 'gcp-role',
  gcpScope: 'gcp-scope',
  azureAssignment: 'azure-assignment',
  azureAction: 'azure-action',
} as const;

/** `spans.role`: the role's text inside its quotes. */
export interface GcpRoleData {
  role: string;
  /** A predefined role the member evidently needs, and why (only when the file makes it evident). */
  suggested?: { role: string; why: string };
}

/** `spans.scope`: the `cloud-platform` item inside its quotes; `spans.list`: the whole list, when it is one. */
export interface GcpScopeData {
  scope: string;
}

/**
 * `spans.role`: the role's name or the GUID of its definition id (inside quotes); `spans.scope`: the
 * Terraform `scope` value as written (quotes included), when there is one.
 */
export interface AzureAssignmentData {
  syntax: 'terraform' | 'arm' | 'bicep';
  /** The built-in role's name (`Owner`), and whether `spans.role` holds its name or its GUID. */
  role: string;
  written: 'name' | 'guid';
  /** `azurerm_resource_group` addresses defined in the same file (Terraform only). */
  resourceGroups?: string[];
}

/** `spans.action`: the action's text inside its quotes. */
export interface AzureActionData {
  action: string;
}
