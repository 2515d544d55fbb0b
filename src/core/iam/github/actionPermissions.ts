// What the GITHUB_TOKEN must allow for the most used actions, from each action's README (its
// "Permissions" or usage section; see notes/actions-k8s-fixes.md). Data only: jobPermissions.ts
// reads it. `inputs` grants more when a `with:` input is set (and matches), `unless` when it is not.
export type Level = 'read' | 'write';
export type Scopes = Record<string, Level>;

export interface InputGrant {
  input: string;
  /** The input's value must match (any non-empty value when absent). */
  matches?: RegExp;
  /** Grant only when this other input is absent (role chaining from static keys needs no OIDC token). */
  unless?: string;
  scopes: Scopes;
}

export interface ActionPermissions {
  /** `owner/repo` or `owner/repo/path`, lower case; a trailing `*` matches any sub-action or suffix. */
  action: string;
  scopes: Scopes;
  inputs?: InputGrant[];
  /** What the action does with the token depends on its inputs or script: the job is marked for review. */
  review?: string;
}

const OIDC: Scopes = { 'id-token': 'write' };

export const ACTION_PERMISSIONS: ActionPermissions[] = [
  { action: 'actions/checkout', scopes: { contents: 'read' } },
  { action: 'actions/setup-*', scopes: {} },
  { action: 'actions/cache*', scopes: {} },
  { action: 'actions/upload-artifact', scopes: {} },
  { action: 'actions/download-artifact', scopes: {}, inputs: [{ input: 'run-id', scopes: { actions: 'read' } }] },
  { action: 'actions/github-script', scopes: {}, review: 'actions/github-script calls the API with the token: what it needs depends on the script' },
  { action: 'actions/labeler', scopes: { contents: 'read', 'pull-requests': 'write' } },
  { action: 'actions/stale', scopes: { issues: 'write', 'pull-requests': 'write' }, inputs: [{ input: 'delete-branch', matches: /^true$/i, scopes: { contents: 'write' } }] },
  { action: 'actions/first-interaction', scopes: { issues: 'write', 'pull-requests': 'write' } },
  { action: 'actions/dependency-review-action', scopes: { contents: 'read' }, inputs: [{ input: 'comment-summary-in-pr', matches: /^(?:true|always|on-failure)$/i, scopes: { 'pull-requests': 'write' } }] },
  { action: 'actions/configure-pages', scopes: { pages: 'read' }, inputs: [{ input: 'enablement', matches: /^true$/i, scopes: { pages: 'write' } }] },
  { action: 'actions/upload-pages-artifact', scopes: {} },
  { action: 'actions/deploy-pages', scopes: { pages: 'write', 'id-token': 'write' } },
  { action: 'actions/attest-build-provenance', scopes: { 'id-token': 'write', attestations: 'write' } },
  { action: 'actions/attest-sbom', scopes: { 'id-token': 'write', attestations: 'write' } },
  { action: 'actions/attest', scopes: { 'id-token': 'write', attestations: 'write' } },
  { action: 'actions/create-release', scopes: { contents: 'write' } },
  { action: 'actions/upload-release-asset', scopes: { contents: 'write' } },
  { action: 'actions/create-github-app-token', scopes: {} },
  { action: 'github/codeql-action/init', scopes: { 'security-events': 'write', actions: 'read' } },
  { action: 'github/codeql-action/analyze', scopes: { 'security-events': 'write', actions: 'read' } },
  { action: 'github/codeql-action/upload-sarif', scopes: { 'security-events': 'write', actions: 'read' } },
  { action: 'github/codeql-action/*', scopes: {} },
  { action: 'ossf/scorecard-action', scopes: { 'security-events': 'write', actions: 'read' }, inputs: [{ input: 'publish_results', matches: /^true$/i, scopes: OIDC }] },
  { action: 'docker/login-action', scopes: {}, inputs: [{ input: 'registry', matches: /^ghcr\.io\b/i, scopes: { packages: 'write' } }] },
  { action: 'docker/build-push-action', scopes: {} },
  { action: 'docker/setup-buildx-action', scopes: {} },
  { action: 'docker/setup-qemu-action', scopes: {} },
  { action: 'docker/metadata-action', scopes: {} },
  { action: 'aws-actions/configure-aws-credentials', scopes: {}, inputs: [{ input: 'role-to-assume', unless: 'aws-access-key-id', scopes: OIDC }] },
  { action: 'google-github-actions/auth', scopes: {}, inputs: [{ input: 'workload_identity_provider', scopes: OIDC }] },
  { action: 'google-github-actions/setup-gcloud', scopes: {} },
  { action: 'azure/login', scopes: {}, inputs: [{ input: 'client-id', unless: 'creds', scopes: OIDC }] },
  { action: 'pypa/gh-action-pypi-publish', scopes: OIDC, review: 'pypa/gh-action-pypi-publish needs id-token: write for trusted publishing only (not with a `password` input)' },
  { action: 'codecov/codecov-action', scopes: {}, inputs: [{ input: 'use_oidc', matches: /^true$/i, scopes: OIDC }] },
  { action: 'softprops/action-gh-release', scopes: { contents: 'write' } },
  { action: 'ncipollo/release-action', scopes: { contents: 'write' } },
  { action: 'goreleaser/goreleaser-action', scopes: { contents: 'write' }, review: 'goreleaser/goreleaser-action may also push images (packages: write) or update a tap' },
  { action: 'release-drafter/release-drafter', scopes: { contents: 'write', 'pull-requests': 'write' } },
  { action: 'googleapis/release-please-action', scopes: { contents: 'write', 'pull-requests': 'write', issues: 'write' } },
  { action: 'google-github-actions/release-please-action', scopes: { contents: 'write', 'pull-requests': 'write', issues: 'write' } },
  { action: 'changesets/action', scopes: { contents: 'write', 'pull-requests': 'write' } },
  { action: 'peter-evans/create-pull-request', scopes: { contents: 'write', 'pull-requests': 'write' } },
  { action: 'peter-evans/create-or-update-comment', scopes: { issues: 'write', 'pull-requests': 'write' } },
  { action: 'marocchino/sticky-pull-request-comment', scopes: { 'pull-requests': 'write' } },
  { action: 'thollander/actions-comment-pull-request', scopes: { 'pull-requests': 'write' } },
  { action: 'dependabot/fetch-metadata', scopes: { 'pull-requests': 'read' } },
  { action: 'amannn/action-semantic-pull-request', scopes: { 'pull-requests': 'read' } },
  { action: 'tj-actions/changed-files', scopes: { 'pull-requests': 'read' } },
  { action: 'dorny/paths-filter', scopes: { 'pull-requests': 'read' } },
  { action: 'dorny/test-reporter', scopes: { checks: 'write', actions: 'read' } },
  { action: 'mikepenz/action-junit-report', scopes: { checks: 'write' } },
  { action: 'enricomi/publish-unit-test-result-action*', scopes: { checks: 'write', 'pull-requests': 'write' } },
  { action: 'golangci/golangci-lint-action', scopes: { contents: 'read' }, inputs: [{ input: 'only-new-issues', matches: /^true$/i, scopes: { 'pull-requests': 'read' } }] },
  { action: 'super-linter/super-linter*', scopes: { statuses: 'write', packages: 'read' } },
  { action: 'github/super-linter*', scopes: { statuses: 'write', packages: 'read' } },
  { action: 'jamesives/github-pages-deploy-action', scopes: { contents: 'write' } },
  { action: 'peaceiris/actions-gh-pages', scopes: { contents: 'write' } },
  { action: 'endbug/add-and-commit', scopes: { contents: 'write' } },
  { action: 'stefanzweifel/git-auto-commit-action', scopes: { contents: 'write' } },
  { action: 'pnpm/action-setup', scopes: {} },
  { action: 'gradle/actions/setup-gradle', scopes: {}, inputs: [{ input: 'dependency-graph', matches: /^generate-and-submit$/i, scopes: { contents: 'write' } }] },
  { action: 'hashicorp/setup-terraform', scopes: {} },
  { action: 'dtolnay/rust-toolchain', scopes: {} },
  { action: 'swatinem/rust-cache', scopes: {} },
  { action: 'astral-sh/setup-uv', scopes: {} },
  { action: 'oven-sh/setup-bun', scopes: {} },
  { action: 'denoland/setup-deno', scopes: {} },
  { action: 'ruby/setup-ruby', scopes: {} },
  { action: 'shivammathur/setup-php', scopes: {} },
  { action: 'sigstore/cosign-installer', scopes: {} },
  { action: 'slackapi/slack-github-action', scopes: {} },
  { action: 'cloudflare/wrangler-action', scopes: {} },
  { action: 'azure/webapps-deploy', scopes: {} },
];

/** The table entry of a `uses:` reference (`owner/repo[/path]@ref`), if any. */
export function actionPermissionsOf(uses: string): ActionPermissions | undefined {
  const name = uses.split('@')[0].toLowerCase();
  return ACTION_PERMISSIONS.find((a) => (a.action.endsWith('*') ? name.startsWith(a.action.slice(0, -1)) : name === a.action));
}
