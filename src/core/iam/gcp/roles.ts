// What GCP roles and members mean for reach: basic roles, roles that administer IAM or let a
// principal act as service accounts, public members.
import type { Severity } from '../../types';

export type Level = 'organization' | 'folder' | 'project';

export const BASIC_ROLES: Record<string, { severity: Severity; grants: string }> = {
  'roles/owner': { severity: 'critical', grants: 'full control of every resource, IAM policy included' },
  'roles/editor': { severity: 'high', grants: 'write access to almost every resource and service' },
  'roles/viewer': { severity: 'low', grants: 'read access to almost every resource and its configuration' },
};

/** Roles that change IAM itself or let the holder act as any service account within the scope. */
export const PRIVILEGED_ROLES: Record<string, { severity: Severity; grants: string }> = {
  'roles/iam.securityAdmin': { severity: 'critical', grants: 'set any IAM policy, so grant itself any role' },
  'roles/resourcemanager.projectIamAdmin': { severity: 'critical', grants: 'set the IAM policy of the project, so grant itself any role' },
  'roles/resourcemanager.folderAdmin': { severity: 'critical', grants: 'administer folders and their IAM policies' },
  'roles/resourcemanager.folderIamAdmin': { severity: 'critical', grants: 'set the IAM policy of folders, so grant itself any role' },
  'roles/resourcemanager.organizationAdmin': { severity: 'critical', grants: 'set the IAM policy of the organization' },
  'roles/iam.roleAdmin': { severity: 'high', grants: 'create and change custom roles, including ones it already holds' },
  'roles/iam.organizationRoleAdmin': { severity: 'high', grants: 'create and change custom roles across the organization' },
  'roles/iam.serviceAccountTokenCreator': { severity: 'high', grants: 'mint access tokens for every service account in scope, so act as any of them' },
  'roles/iam.serviceAccountUser': { severity: 'high', grants: 'attach and act as every service account in scope' },
  'roles/iam.serviceAccountKeyAdmin': { severity: 'high', grants: 'create keys for every service account in scope' },
  'roles/iam.serviceAccountAdmin': { severity: 'high', grants: 'create service accounts and set their IAM policies' },
  'roles/iam.workloadIdentityPoolAdmin': { severity: 'high', grants: 'add external identity providers that can act as service accounts' },
};

const INVOKER = /^roles\/(?:run\.invoker|cloudfunctions\.invoker|iap\.httpsResourceAccessor)$/;
const READER = /(?:viewer|reader|objectViewer|legacyObjectReader|legacyBucketReader|subscriber|dataViewer)$/i;

/** A service-wide admin role (`roles/storage.admin`, `roles/compute.admin`) not listed above. */
export function isServiceAdmin(role: string): boolean {
  return /^roles\/[\w.]+\.admin$/i.test(role) && !(role in PRIVILEGED_ROLES);
}

/** How bad it is to give a role to `allUsers` / `allAuthenticatedUsers`. */
export function publicSeverity(role: string | undefined): Severity {
  if (!role) return 'high';
  if (role in BASIC_ROLES && role !== 'roles/viewer') return 'critical';
  if (role in PRIVILEGED_ROLES || /admin|owner|editor|writer|creator/i.test(role)) return 'critical';
  if (INVOKER.test(role)) return 'medium';
  if (READER.test(role)) return 'high';
  return 'high';
}

/** One step up at folder or organization level: the grant reaches every project below. */
export function atLevel(severity: Severity, level: Level): Severity {
  if (level === 'project') return severity;
  return ({ critical: 'critical', high: 'critical', medium: 'high', low: 'medium', info: 'low' } as const)[severity];
}
