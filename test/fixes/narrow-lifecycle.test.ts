// Lifecycle narrowing fixes: the unit writers, the date a Key Vault expiry gets (with an injected
// clock), changed text, CRLF and tabs, several findings planned together, configured limits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../../src/core/config';
import type { FixWorkspace } from '../../src/core/fixes/draft';
import { computeFixes } from '../../src/core/fixes/index';
import { lifecycleFixesAt } from '../../src/core/fixes/narrow/lifecycle';
import { goDurationText, jsSecondsText, timedeltaArgsText, timeSpanText } from '../../src/core/fixes/narrow/lifecycleDurations';
import { expiryDate } from '../../src/core/fixes/narrow/lifecycleTerraform';
import { planFixes } from '../../src/core/fixes/plan';
import { applyTextEdits } from '../../src/core/fixes/suppress';
import { goDurationSeconds, timeSpanSeconds } from '../../src/core/lifecycle/durations';
import type { Finding, Fix } from '../../src/core/types';
import { makeEngine, scanText } from '../harness';

const noFiles: FixWorkspace = { read: () => undefined };
const DAY = 86400;

async function lifecycleFindings(path: string, text: string, engine = makeEngine()): Promise<Finding[]> {
  return (await scanText(path, text, engine)).findings.filter((f) => f.category === 'lifecycle');
}

function applied(text: string, fix: Fix, path: string): string {
  return applyTextEdits(text, fix.edits.find((e) => e.path === path)?.edits ?? []);
}

test('Go / Vault durations keep their largest unit when the limit is whole in it', () => {
  assert.equal(goDurationText(DAY, '768h'), '24h');
  assert.equal(goDurationText(DAY, '30d'), '1d');
  assert.equal(goDurationText(3600, '30d'), '1h');
  assert.equal(goDurationText(DAY, '1h30m'), '24h');
  assert.equal(goDurationText(5400, '12h'), '90m');
  assert.equal(goDurationText(DAY, '2592000'), '86400');
  for (const written of ['768h', '30d', '1h30m', '9000s']) assert.equal(goDurationSeconds(goDurationText(5400, written)), 5400, written);
});

test('ms time spans keep unit, spelling and spacing; weeks and years fall back to days', () => {
  assert.equal(timeSpanText(DAY, '365d'), '1d');
  assert.equal(timeSpanText(DAY, '90 days'), '1 day');
  assert.equal(timeSpanText(30 * DAY, '90 days'), '30 days');
  assert.equal(timeSpanText(DAY, '1y'), '1d');
  assert.equal(timeSpanText(DAY, '52w'), '1d');
  assert.equal(timeSpanText(DAY, '1 year'), '1 day');
  assert.equal(timeSpanText(DAY, '8760h'), '24h');
  assert.equal(timeSpanText(DAY, '720 hrs'), '24 hrs');
  assert.equal(timeSpanText(DAY, '30D'), '1D');
  assert.equal(timeSpanText(3600, '7d'), '1h');
  assert.equal(timeSpanText(DAY, '31536000000'), '86400000', 'a bare string is milliseconds');
  assert.equal(timeSpanText(DAY, '31536000000ms'), '86400000ms');
  for (const written of ['365d', '2 days', '1y', '52w', '8760h', '99999999', '10 minutes']) {
    assert.equal(timeSpanSeconds(timeSpanText(7200, written)), 7200, written);
  }
});

test('JS seconds and timedelta arguments', () => {
  assert.equal(jsSecondsText(DAY, '60 * 60 * 24 * 365'), '60 * 60 * 24');
  assert.equal(jsSecondsText(DAY, '31536000'), '86400');
  assert.equal(jsSecondsText(90, '60 * 60 * 24'), '90');
  assert.equal(timedeltaArgsText(DAY, '(days=365)'), '(days=1)');
  assert.equal(timedeltaArgsText(DAY, '(days = 365)'), '(days = 1)');
  assert.equal(timedeltaArgsText(DAY, '(weeks=8)'), '(days=1)');
  assert.equal(timedeltaArgsText(DAY, '(hours=24 * 30)'), '(hours=24)');
  assert.equal(timedeltaArgsText(DAY, '(365)'), '(1)');
  assert.equal(timedeltaArgsText(5400, '(365)'), '(minutes=90)');
  assert.equal(timedeltaArgsText(5400, '(days=1)'), '(minutes=90)');
});

test('a Key Vault secret gets an expiry date from the injected clock; the rescan is clean', async () => {
  const path = 'infra/vault.tf';
  const text = 'resource "azurerm_key_vault_secret" "db" {\n  name         = "db-password"\n  value        = var.db_password\n  key_vault_id = azurerm_key_vault.main.id\n}\n';
  const [finding] = await lifecycleFindings(path, text);
  assert.equal(finding.ruleId, 'lifecycle/azure-key-vault-no-expiry');
  const fixes = lifecycleFixesAt(() => Date.UTC(2026, 0, 15, 17, 30))(finding, { path, text }, noFiles);
  assert.equal(fixes.length, 1);
  assert.match(fixes[0].title, /2026-04-15T00:00:00Z/);
  const after = applied(text, fixes[0], path);
  assert.equal(after, 'resource "azurerm_key_vault_secret" "db" {\n  name         = "db-password"\n  value        = var.db_password\n  key_vault_id = azurerm_key_vault.main.id\n  expiration_date = "2026-04-15T00:00:00Z"\n}\n');
  assert.deepEqual(await lifecycleFindings(path, after), []);
  assert.equal(expiryDate(Date.UTC(2026, 11, 31, 23, 59), 1), '2027-01-01T00:00:00Z');
});

test('the expiry follows lifecycle.maxKeyAgeDays', async () => {
  const engine = makeEngine(parseConfig(JSON.stringify({ lifecycle: { maxKeyAgeDays: 30 } }), '.keyhole.json'));
  const path = 'kv.tf';
  const text = 'resource "azurerm_key_vault_key" "k" {\n  name     = "k"\n  key_type = "RSA"\n}\n';
  const [finding] = await lifecycleFindings(path, text, engine);
  const [rotate, expire] = lifecycleFixesAt(() => Date.UTC(2026, 0, 1))(finding, { path, text }, noFiles);
  assert.match(applied(text, rotate, path), /expire_after {9}= "P30D"/);
  assert.match(applied(text, expire, path), /expiration_date = "2026-01-31T00:00:00Z"/);
});

test('no fix when the text at the remedy changed since the scan', async () => {
  const path = 'vault.tf';
  const text = 'resource "vault_token" "t" {\n  policies = ["app"]\n  ttl      = "768h"\n}\n';
  const [finding] = await lifecycleFindings(path, text);
  assert.equal(computeFixes(finding, { path, text }, noFiles).length, 1);
  assert.deepEqual(computeFixes(finding, { path, text: text.replace('768h', '700h') }, noFiles), []);
  const secret = 'resource "aws_secretsmanager_secret" "s" {\n  name = "s"\n}\n';
  const [rotation] = await lifecycleFindings('s.tf', secret);
  assert.deepEqual(computeFixes(rotation, { path: 's.tf', text: secret.replace('"s" {', '"t" {') }, noFiles), []);
});

test('CRLF and tab indentation are kept by the rotation resource and its variable', async () => {
  const path = 'secrets.tf';
  const text = 'resource "aws_secretsmanager_secret" "api" {\r\n\tname = "api"\r\n}\r\n';
  const [finding] = await lifecycleFindings(path, text);
  const [fix] = computeFixes(finding, { path, text }, noFiles);
  const after = applied(text, fix, path);
  assert.ok(!/[^\r]\n/.test(after), 'every line break is CRLF');
  assert.match(after, /\r\n\tsecret_id {11}= aws_secretsmanager_secret\.api\.id\r\n/);
  assert.match(after, /\r\n\trotation_rules \{\r\n\t\tautomatically_after_days = 30\r\n\t\}\r\n/);
  assert.match(after, /variable "api_rotation_lambda_arn" \{\r\n\tdescription/);
  assert.deepEqual(await lifecycleFindings(path, after), []);
});

test('no rotation resource for a secret with count, nor removal of a static access key', async () => {
  const counted = 'resource "aws_secretsmanager_secret" "s" {\n  count = 2\n  name  = "s-${count.index}"\n}\n';
  const [finding] = await lifecycleFindings('c.tf', counted);
  assert.deepEqual(computeFixes(finding, { path: 'c.tf', text: counted }, noFiles), []);
  const key = 'resource "aws_iam_access_key" "ci" {\n  user = aws_iam_user.ci.name\n}\n';
  const [keyFinding] = await lifecycleFindings('k.tf', key);
  assert.equal(keyFinding.ruleId, 'lifecycle/aws-iam-access-key');
  assert.deepEqual(computeFixes(keyFinding, { path: 'k.tf', text: key }, noFiles), []);
});

test('several secrets of one template are planned together, each with its own schedule', async () => {
  const path = 'template.yml';
  const text = [
    'Resources:',
    '    First:',
    '        Type: AWS::SecretsManager::Secret',
    '    Second:',
    '        Type: "AWS::SecretsManager::Secret"',
    '        Properties:',
    '            Description: second',
    '',
  ].join('\n');
  const findings = await lifecycleFindings(path, text);
  assert.equal(findings.length, 2);
  const plan = planFixes(findings.map((finding) => ({ finding, doc: { path, text } })), noFiles);
  assert.equal(plan.applied.length, 2);
  const after = plan.files[0].after;
  assert.match(after, /\n {4}FirstRotation:\n {8}Type: AWS::SecretsManager::RotationSchedule\n {8}Properties:\n {12}SecretId: !Ref First\n/);
  assert.match(after, /\n {12}Description: second\n {4}SecondRotation:\n/);
  assert.deepEqual(await lifecycleFindings(path, after), []);
});

test('a flow-style YAML resource gets no rotation (the block would not fit)', async () => {
  const path = 'flow.yaml';
  const text = 'Resources:\n  S: { Type: "AWS::SecretsManager::Secret" }\n';
  const [finding] = await lifecycleFindings(path, text);
  assert.equal(finding.ruleId, 'lifecycle/aws-secret-no-rotation');
  assert.deepEqual(computeFixes(finding, { path, text }, noFiles), []);
});

test('limits come from the configuration: sessions of two hours, refresh tokens of a week', async () => {
  const engine = makeEngine(parseConfig(JSON.stringify({ lifecycle: { maxSessionHours: 2, maxRefreshTokenHours: 168 } }), '.keyhole.json'));
  const role = 'resource "aws_iam_role" "r" {\n  name                 = "r"\n  max_session_duration = 43200\n}\n';
  const [session] = await lifecycleFindings('r.tf', role, engine);
  assert.match(applied(role, computeFixes(session, { path: 'r.tf', text: role }, noFiles)[0], 'r.tf'), /max_session_duration = 7200\n/);

  const code = "import jwt from 'jsonwebtoken';\nexport const refresh = (k: string) => jwt.sign({ typ: 'refresh' }, k, { expiresIn: '14d' });\n" +
    "export const access = (k: string) => jwt.sign({}, k, { expiresIn: '12h' });\n";
  const found = await lifecycleFindings('t.ts', code, engine);
  assert.deepEqual(found.map((f) => f.range.start.line), [1], 'only the refresh token is beyond its limit');
  assert.match(found[0].message, /refresh-token limit is 7 days/);
  assert.match(applied(code, computeFixes(found[0], { path: 't.ts', text: code }, noFiles)[0], 't.ts'), /expiresIn: '7d'/);
  assert.deepEqual(await lifecycleFindings('t.ts', code), [], 'default refresh limit (30 days) and access limit (24 hours)');
});

test('Python: a refresh exp claim by its function, an access one by default', async () => {
  const code = [
    'import jwt',
    'from datetime import datetime, timedelta',
    '',
    'def create_refresh_token(uid, key):',
    '    return jwt.encode({"sub": uid, "exp": datetime.utcnow() + timedelta(days=14)}, key)',
    '',
    'def create_token(uid, key):',
    '    return jwt.encode({"sub": uid, "exp": datetime.utcnow() + timedelta(days=14)}, key)',
    '',
  ].join('\n');
  const found = await lifecycleFindings('auth.py', code);
  assert.deepEqual(found.map((f) => f.range.start.line), [7]);
  const after = applied(code, computeFixes(found[0], { path: 'auth.py', text: code }, noFiles)[0], 'auth.py');
  assert.match(after, /def create_token[^]*timedelta\(days=1\)/);
  assert.match(after, /def create_refresh_token[^]*timedelta\(days=14\)/);
});

test('CDK constructs imported by name count; a local class of the same name does not', async () => {
  const imported = "import { Stack } from 'aws-cdk-lib';\nimport { Secret } from 'aws-cdk-lib/aws-secretsmanager';\n" +
    "export class S extends Stack {\n  constructor(scope: any) {\n    super(scope, 's');\n    new Secret(this, 'Api');\n  }\n}\n";
  assert.deepEqual((await lifecycleFindings('s.ts', imported)).map((f) => f.ruleId), ['lifecycle/aws-secret-no-rotation']);
  const local = imported.replace("import { Secret } from 'aws-cdk-lib/aws-secretsmanager';\n", 'class Secret { constructor(..._: unknown[]) {} }\n');
  assert.deepEqual(await lifecycleFindings('s.ts', local), []);
});
