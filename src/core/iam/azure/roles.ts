// Azure built-in roles that matter at broad scope, by name and by their fixed definition GUID, and
// how a scope string reads (subscription, management group, resource group).
import type { Severity } from '../../types';

export interface PrivilegedRole {
  name: string;
  /** The built-in role definition's GUID, the same in every tenant. */
  id: string;
  severity: Severity;
  grants: string;
}

const ROLES: PrivilegedRole[] = [
  { name: 'Owner', id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', severity: 'critical', grants: 'full control of every resource, role assignments included' },
  { name: 'User Access Administrator', id: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', severity: 'critical', grants: 'assigning any role, Owner included, to anyone' },
  { name: 'Role Based Access Control Administrator', id: 'f58310d9-a9f6-439a-9e8d-f62e7b41a168', severity: 'high', grants: 'assigning roles to anyone (unless a condition limits which)' },
  { name: 'Contributor', id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', severity: 'high', grants: 'creating, changing and deleting every resource, reading their keys and secrets' },
];

/** The built-in Reader role: what a narrowing fix assigns instead (read everything, change nothing). */
export const READER = { name: 'Reader', id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7' } as const;

export function roleByName(name: string): PrivilegedRole | undefined {
  const lower = name.trim().toLowerCase();
  return ROLES.find((r) => r.name.toLowerCase() === lower);
}

/** A role definition id (`/subscriptions/.../roleDefinitions/<guid>`, an ARM expression) naming a built-in role by GUID. */
export function roleById(text: string): PrivilegedRole | undefined {
  const lower = text.toLowerCase();
  return ROLES.find((r) => lower.includes(r.id));
}

export type BroadScope = 'subscription' | 'management group';

/** `/subscriptions/<id>` (nothing below it), a management group, or the tenant root `/`. */
export function scopeOfText(text: string): BroadScope | undefined {
  const path = text.trim().replace(/\/+$/, '');
  if (path === '' && text.trim() === '/') return 'management group';
  if (/\/resourceGroups\//i.test(path)) return undefined;
  if (/^\/subscriptions\/[^/]+$/i.test(path)) return 'subscription';
  if (/^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i.test(path)) return 'management group';
  return undefined;
}

/** A Terraform reference whose `id` is a subscription or management group. */
export function scopeOfReference(address: string): BroadScope | undefined {
  if (/^data\.azurerm_subscription\./.test(address)) return 'subscription';
  if (/^(?:data\.)?azurerm_management_group\./.test(address)) return 'management group';
  return undefined;
}

/** Custom role actions that amount to Owner: everything, or writing role assignments. */
export function isAuthorizationWildcard(action: string): boolean {
  return /^Microsoft\.Authorization\/(?:\*|\*\/write|\*\/\*|roleAssignments\/(?:\*|write)|roleDefinitions\/(?:\*|write))$/i.test(action);
}
