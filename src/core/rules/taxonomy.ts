// Taxonomy tags every finding carries (see ../shared/docs/field-notes.md §3).
export const TAG = {
  /** OWASP Top 10 Non-Human Identities 2025 */
  secretLeakage: 'OWASP-NHI2',
  insecureAuthentication: 'OWASP-NHI4',
  overprivileged: 'OWASP-NHI5',
  staticCloudCredentials: 'OWASP-NHI6',
  longLived: 'OWASP-NHI7',
  /** OWASP Top 10 for LLM Applications 2025: Excessive Agency */
  excessiveAgency: 'OWASP-LLM06',
  /** CIS Kubernetes Benchmark 5.1.x (RBAC) */
  cisKubernetesRbac: 'CIS-K8S-5.1',
  hardcodedCredentials: 'CWE-798',
  excessivePrivilege: 'CWE-250',
} as const;

/** Whether a finding is about a credential's value (hidden everywhere), not about a grant. */
export function holdsSecretValue(finding: { category: string; tags: readonly string[] }): boolean {
  return finding.category === 'secret' || finding.tags.includes(TAG.hardcodedCredentials);
}
