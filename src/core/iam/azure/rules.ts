import { grantRule } from '../cloud/rules';

export const AZURE_RULE = {
  privilegedAssignment: 'iam/azure-privileged-role-assignment',
  customRoleWildcard: 'iam/azure-custom-role-wildcard',
} as const;

export const AZURE_RULES = [
  grantRule(AZURE_RULE.privilegedAssignment, 'Azure Owner, Contributor or User Access Administrator at subscription or management group scope', 'critical',
    'A role assignment gives `Owner`, `User Access Administrator`, `Role Based Access Control Administrator` or `Contributor` on a whole subscription or management group (Terraform `azurerm_role_assignment`, ARM `Microsoft.Authorization/roleAssignments`). Assign a narrower role, or the same role on a resource group.',
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices'),
  grantRule(AZURE_RULE.customRoleWildcard, 'Azure custom role with wildcard permissions', 'critical',
    'A custom role definition allows `*` (every action: Owner) or `Microsoft.Authorization/*` (managing role assignments, so granting itself anything), or `*` data actions (every data operation, secrets and blobs included).',
    'https://learn.microsoft.com/en-us/azure/role-based-access-control/custom-roles'),
];
