import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correlate } from '../../src/core/correlate/correlate';
import type { FileScanResult, Finding } from '../../src/core/types';
import { scanText } from '../harness';

async function scanAll(files: Record<string, string>): Promise<FileScanResult[]> {
  return Promise.all(Object.entries(files).map(([path, text]) => scanText(path, text)));
}

function only(results: FileScanResult[], path: string, ruleId: string): Finding {
  const found = results.find((r) => r.path === path)?.findings.filter((f) => f.ruleId === ruleId) ?? [];
  assert.equal(found.length, 1, `${path}: expected one ${ruleId}, got ${found.length}`);
  return found[0];
}

const USERS_TF = `resource "aws_iam_user" "deploy" {
  name = "deploy-bot"
}

resource "aws_iam_user_policy_attachment" "deploy_admin" {
  user       = aws_iam_user.deploy.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
`;
const KEY_TF = `resource "aws_iam_access_key" "deploy" {
  user = aws_iam_user.deploy.name
}
`;

test('an IaC-minted key of an admin user: both findings linked, raised, and both halves stated', async () => {
  const before = await scanAll({ 'infra/iam/users.tf': USERS_TF, 'infra/iam/keys.tf': KEY_TF });
  const snapshot = JSON.stringify(before);
  const after = correlate(before);
  assert.equal(JSON.stringify(before), snapshot, 'correlate must not change its input');

  const key = only(after, 'infra/iam/keys.tf', 'lifecycle/aws-iam-access-key');
  assert.equal(only(before, 'infra/iam/keys.tf', 'lifecycle/aws-iam-access-key').severity, 'medium');
  assert.equal(key.severity, 'critical');
  assert.match(key.message, /never expires.*Reach: the key belongs to IAM user `deploy-bot`, an administrator \(AdministratorAccess/s);
  assert.deepEqual(key.related?.map((r) => [r.path, r.range.start.line]), [['infra/iam/users.tf', 6]]);

  const grant = after.find((r) => r.path === 'infra/iam/users.tf')!.findings.find((f) => f.related?.length);
  assert.ok(grant, 'the admin grant finding links back to the key');
  assert.match(grant.message, /Exposure: a long-lived access key of IAM user `deploy-bot` is created or stored at infra\/iam\/keys.tf:1/);
  assert.deepEqual(grant.related?.map((r) => r.path), ['infra/iam/keys.tf']);
});

test('Terraform addresses only meet within a module folder; literal IAM names meet anywhere', async () => {
  const apart = correlate(await scanAll({ 'modules/iam/users.tf': USERS_TF, 'envs/prod/keys.tf': KEY_TF }));
  assert.equal(only(apart, 'envs/prod/keys.tf', 'lifecycle/aws-iam-access-key').related, undefined);
  assert.equal(only(apart, 'envs/prod/keys.tf', 'lifecycle/aws-iam-access-key').severity, 'medium');

  const byName = correlate(await scanAll({
    'modules/iam/users.tf': USERS_TF,
    'envs/prod/keys.tf': 'resource "aws_iam_access_key" "deploy" {\n  user = "deploy-bot"\n}\n',
  }));
  assert.equal(only(byName, 'envs/prod/keys.tf', 'lifecycle/aws-iam-access-key').severity, 'critical');
});

test('a key of a user without admin rights is left alone', async () => {
  const results = correlate(await scanAll({
    'iam/users.tf': 'resource "aws_iam_user" "deploy" {\n  name = "deploy-bot"\n}\nresource "aws_iam_user_policy_attachment" "ro" {\n  user       = aws_iam_user.deploy.name\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n',
    'iam/keys.tf': KEY_TF,
  }));
  const key = only(results, 'iam/keys.tf', 'lifecycle/aws-iam-access-key');
  assert.equal(key.severity, 'medium');
  assert.equal(key.related, undefined);
});

test('a committed state file: the key secrets of an admin user are linked to the attachment', async () => {
  const state = JSON.stringify({
    version: 4,
    resources: [
      { mode: 'managed', type: 'aws_iam_access_key', name: 'deploy', instances: [{ attributes: { id: 'AKIAQX3RJ7N2VK5LMZPA', secret: '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', status: 'Active', user: 'deploy-bot' } }] },
      { mode: 'managed', type: 'aws_iam_user_policy_attachment', name: 'admin', instances: [{ attributes: { policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess', user: 'deploy-bot' } }] },
    ],
  }, null, 2);
  const [result] = correlate(await scanAll({ 'terraform.tfstate': state }));
  const secrets = result.findings.filter((f) => f.category === 'secret');
  assert.ok(secrets.length >= 2, 'the key id and the secret are reported');
  for (const f of secrets) {
    assert.equal(f.severity, 'critical');
    assert.match(f.message, /IAM user `deploy-bot`, an administrator/);
    assert.equal(f.related?.[0].range.start.line, state.split('\n').findIndex((l) => l.includes('AdministratorAccess')));
  }
});

test('an MCP server token beside an allow rule for all its tools: linked both ways', async () => {
  const before = await scanAll({
    'app/.mcp.json': '{ "mcpServers": { "linear": { "command": "npx", "args": ["-y", "mcp-remote", "https://mcp.linear.app/sse", "--header", "Authorization: Bearer OL8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR"] },\n  "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oO" } } } }\n',
    'app/.claude/settings.json': '{ "permissions": { "allow": ["mcp__linear", "Bash(npm test)"] } }\n',
    'other/.claude/settings.json': '{ "permissions": { "defaultMode": "bypassPermissions" } }\n',
  });
  const after = correlate(before);
  const literal = only(after, 'app/.mcp.json', 'agent/mcp-literal-credential');
  assert.equal(literal.severity, 'critical');
  assert.match(literal.message, /Reach: the agent may use every tool of `linear` without asking \(app\/.claude\/settings.json:1\)/);
  const allow = only(after, 'app/.claude/settings.json', 'agent/claude-whole-mcp-server');
  assert.equal(allow.severity, 'high');
  assert.match(allow.message, /Exposure: MCP server `linear` runs with a literal credential written in app\/.mcp.json:1/);
  // The GitHub token: a secret finding, with the MCP context added but no reach (only `linear` is allowed, in this project).
  const token = only(after, 'app/.mcp.json', 'secret/generic-token');
  assert.match(token.message, /credential of MCP server `gh`/);
  assert.equal(token.related, undefined);
  assert.equal(only(after, 'other/.claude/settings.json', 'agent/claude-bypass-permissions').related, undefined);
});

test('a CI job with static cloud keys and write-all: linked; a job-level map is not write-all', async () => {
  const workflow = (permissions: string) => `on: push
${permissions}
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
`;
  const linked = correlate(await scanAll({ '.github/workflows/a.yml': workflow('permissions: write-all') }));
  const keys = only(linked, '.github/workflows/a.yml', 'iam/gha-static-cloud-credentials');
  assert.equal(keys.severity, 'high');
  assert.match(keys.message, /Reach: the job's GITHUB_TOKEN also has `write-all` \(.github\/workflows\/a.yml:2\)/);
  assert.equal(only(linked, '.github/workflows/a.yml', 'iam/gha-write-all').severity, 'critical');

  const apart = correlate(await scanAll({ '.github/workflows/b.yml': workflow('permissions:\n  contents: read') }));
  assert.equal(only(apart, '.github/workflows/b.yml', 'iam/gha-static-cloud-credentials').severity, 'medium');
});

test('a Secrets Manager secret rotated in another file of its module is dropped, with the reason', async () => {
  const secret = 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/db"\n}\n';
  const rotation = 'resource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = aws_lambda_function.rotate.arn\n}\n';
  const before = await scanAll({ 'db/secret.tf': secret, 'db/rotation.tf': rotation, 'cache/secret.tf': secret });
  assert.equal(before[0].findings.length, 1);
  const after = correlate(before);
  assert.deepEqual(after[0].findings, []);
  assert.deepEqual(after[0].dropped, [{ ruleId: 'lifecycle/aws-secret-no-rotation', line: 1, reason: 'rotation configured in db/rotation.tf:2' }]);
  assert.equal(after[2].findings.length, 1, 'another module keeps its finding');
  assert.equal(after[1], before[1], 'untouched results are returned as they were');
});

test('facts come from the file itself, not from examples in Markdown fences', async () => {
  const md = '# Rotation\n\n```hcl\nresource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id = aws_secretsmanager_secret.db.id\n}\n```\n';
  const [doc] = await scanAll({ 'db/README.md': md });
  assert.equal(doc.facts, undefined);
  const [tf] = await scanAll({ 'db/rotation.tf': md.split('```')[1].slice(4) });
  assert.deepEqual(tf.facts?.map((f) => [f.key, f.value, f.range.start.line]), [['aws.secretRotation', 'aws_secretsmanager_secret.db', 1]]);
});
