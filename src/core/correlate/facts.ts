// The facts detectors note for workspace correlation (ScanContext.note, FileScanResult.facts). A fact
// ties a span of a file to a name: never a secret value. Values of facts with two parts use a tab.

export const FACT = {
  /** At the access-key input of a credential action; value: the job id (`(composite action)` in action.yml). */
  ciStaticCloudKeys: 'gha.staticCloudKeys',
  /** At a `permissions: write-all`; value: the job id, `*` at workflow level. */
  ciWriteAll: 'gha.writeAll',
  /** At a literal credential-like value in an MCP server's env, headers or args; value: project root, tab, server name. */
  mcpCredential: 'mcp.credential',
  /** Where an agent may use an MCP server's tools (or every tool: `*`) without asking; value: project root, tab, server name or `*`. */
  agentUnrestrictedTools: 'agent.unrestrictedTools',
  /** At an `aws_iam_access_key` (or its secret in a state file); value: the user key (see awsUserKey). */
  awsAccessKeyUser: 'aws.accessKeyUser',
  /** At the grant that makes a user an administrator; value: the user key, tab, what makes it admin-level. */
  awsAdminUser: 'aws.adminUser',
  /** At an `aws_iam_user` block; value: its address, tab, its literal name (so `"deploy"` and `aws_iam_user.deploy` meet). */
  awsUserName: 'aws.userName',
  /** At an `aws_secretsmanager_secret` without rotation in its file; value: the secret's reference. */
  awsSecretWithoutRotation: 'aws.secretWithoutRotation',
  /** At an `aws_secretsmanager_secret_rotation`; value: the reference of the secret it rotates. */
  awsSecretRotation: 'aws.secretRotation',
} as const;

/** The folder a path is in (`''` at the top). */
export function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

const AGENT_CONFIG_FOLDER = /(?:^|\/)(?:\.vscode|\.cursor|\.claude|\.gemini|\.roo|\.windsurf|\.codeium\/windsurf|\.kiro\/settings)$/;

/** The project an agent configuration file belongs to: its folder, without a tool's own config folder. */
export function agentProjectRoot(path: string): string {
  const folder = folderOf(path.replace(/\\/g, '/'));
  return folder.replace(AGENT_CONFIG_FOLDER, '');
}

/**
 * How a Terraform attribute names an IAM user, comparable across files: `aws_iam_user.deploy` for a
 * reference (`aws_iam_user.deploy.name`, `"${aws_iam_user.deploy.id}"`), `name:deploy` for a literal.
 */
export function awsUserKey(source: string): string | undefined {
  const ref = /\baws_iam_user\.([\w-]+)\.(?:name|id|unique_id)\b/.exec(source);
  if (ref) return `aws_iam_user.${ref[1]}`;
  const literal = /^"([\w+=,.@-]{1,64})"$/.exec(source.trim());
  return literal ? `name:${literal[1]}` : undefined;
}

/** The Terraform resource a reference points at: `aws_secretsmanager_secret.db.id` → `aws_secretsmanager_secret.db`. */
export function resourceReference(source: string, type: string): string | undefined {
  const m = new RegExp(`\\b${type}\\.([\\w-]+)\\b`).exec(source);
  return m ? `${type}.${m[1]}` : undefined;
}
