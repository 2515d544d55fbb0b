// GitHub Actions rules: what the GITHUB_TOKEN may do, pull_request_target misuse, and long-lived cloud
// keys where OIDC would do. Workflow-level write scopes follow zizmor's severity table; an explicit
// job-level permissions map is never judged (computing the minimum per job needs the actions' needs).
import { TAG } from '../../rules/taxonomy';
import type { RuleInfo, Severity } from '../../types';

const TOKEN_PERMISSIONS = 'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token';
const PWN_REQUESTS = 'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/';
const OIDC = 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect';

function rule(id: string, title: string, severity: Severity, description: string, docsUrl: string, tags: string[]): RuleInfo {
  return { id: `iam/${id}`, title, category: 'iam', severity, description, docsUrl, tags };
}

export const GHA_RULES = {
  writeAll: rule('gha-write-all', 'GitHub Actions token with write-all permissions', 'high',
    '`permissions: write-all` gives the GITHUB_TOKEN write access to every scope: any step, third-party actions included, can push code, publish packages, change releases and mint OIDC tokens.',
    TOKEN_PERMISSIONS, [TAG.overprivileged]),
  readAll: rule('gha-read-all', 'GitHub Actions token with read-all permissions', 'medium',
    '`permissions: read-all` gives the GITHUB_TOKEN read access to every scope, security events and private packages included, where a job usually needs one or two.',
    TOKEN_PERMISSIONS, [TAG.overprivileged]),
  workflowWriteScope: rule('gha-workflow-write-scope', 'Write scope granted to every job of a workflow', 'high',
    'A `<scope>: write` in the workflow-level `permissions` applies to every job without its own `permissions`, including jobs that only build or test. Grant it on the job that needs it. High for actions, attestations, contents, deployments, id-token, issues, packages, pages and pull-requests; medium for the other scopes; low for statuses. Not reported when the map reaches a single job (one job, every job overriding it, or a reusable workflow whose callers decide).',
    TOKEN_PERMISSIONS, [TAG.overprivileged]),
  defaultPermissions: rule('gha-default-permissions', 'Workflow without a permissions block', 'low',
    'Neither the workflow nor some of its jobs declare `permissions`, so those jobs get the repository\'s default token permissions, which are read-write for repositories created before February 2023 and for many organisations.',
    TOKEN_PERMISSIONS, [TAG.overprivileged]),
  pwnRequest: rule('gha-pwn-request', 'pull_request_target with write permissions or a checkout of the pull request', 'high',
    '`pull_request_target` runs in the context of the base repository, with its secrets and a token that can write, even for pull requests from forks. Checking out and building the pull request\'s head runs the contributor\'s code with those privileges ("pwn request"); critical when the job also has write permissions.',
    PWN_REQUESTS, [TAG.overprivileged]),
  staticCloudKeys: rule('gha-static-cloud-credentials', 'Long-lived cloud keys handed to a credential action', 'medium',
    'A credential action (`aws-actions/configure-aws-credentials`, `google-github-actions/auth`, `azure/login`) gets a long-lived access key, service-account key or client secret. OpenID Connect (`role-to-assume`, `workload_identity_provider`, `client-id` with `id-token: write`) gives each run short-lived credentials and leaves nothing to leak or rotate.',
    OIDC, [TAG.staticCloudCredentials, TAG.longLived]),
} satisfies Record<string, RuleInfo>;
