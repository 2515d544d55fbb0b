import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG, parseConfig } from '../../src/core/config';
import { formatSeconds, goDurationSeconds, timeSpanSeconds } from '../../src/core/lifecycle/durations';
import { makeEngine, scanText } from '../harness';

test('Go / Vault durations', () => {
  assert.equal(goDurationSeconds('768h'), 768 * 3600);
  assert.equal(goDurationSeconds('1h30m'), 5400);
  assert.equal(goDurationSeconds('30d'), 30 * 86400);
  assert.equal(goDurationSeconds('3600'), 3600);
  assert.equal(goDurationSeconds(86400), 86400);
  assert.equal(goDurationSeconds('1500ms'), 1.5);
  assert.equal(goDurationSeconds('forever'), undefined);
  assert.equal(goDurationSeconds('12x'), undefined);
});

test('ms-style time spans, as jsonwebtoken reads them', () => {
  assert.equal(timeSpanSeconds('365d'), 365 * 86400);
  assert.equal(timeSpanSeconds('2 days'), 2 * 86400);
  assert.equal(timeSpanSeconds('1y'), 31557600);
  assert.equal(timeSpanSeconds('15m'), 900);
  assert.equal(timeSpanSeconds('120'), 0.12, 'a string without a unit is milliseconds');
  assert.equal(timeSpanSeconds('soon'), undefined);
  assert.equal(formatSeconds(365 * 86400), '365 days');
  assert.equal(formatSeconds(36 * 3600), '36 hours');
});

test('thresholds come from the configuration', async () => {
  const vault = 'resource "vault_token" "t" {\n  policies = ["app"]\n  ttl      = "72h"\n}\n';
  const jwt = 'import jwt from "jsonwebtoken";\nexport const t = (k: string) => jwt.sign({}, k, { expiresIn: "7d" });\n';
  const role = 'resource "aws_iam_role" "r" {\n  name = "r"\n  max_session_duration = 7200\n}\n';
  const ids = async (path: string, text: string, engine = makeEngine()) => (await scanText(path, text, engine)).findings.map((f) => f.ruleId);
  assert.deepEqual(await ids('vault.tf', vault), ['lifecycle/vault-long-ttl']);
  assert.deepEqual(await ids('auth.ts', jwt), ['lifecycle/long-token-expiry']);
  assert.deepEqual(await ids('role.tf', role), ['lifecycle/long-session-duration']);

  const relaxed = makeEngine(parseConfig(JSON.stringify({ lifecycle: { maxTokenTtlHours: 96, maxSignedTokenHours: 24 * 7, maxSessionHours: 2 } }), '.keyhole.json'));
  assert.deepEqual(await ids('vault.tf', vault, relaxed), []);
  assert.deepEqual(await ids('auth.ts', jwt, relaxed), []);
  assert.deepEqual(await ids('role.tf', role, relaxed), []);
  assert.deepEqual(DEFAULT_CONFIG.lifecycle, { maxTokenTtlHours: 24, maxSessionHours: 1, maxSignedTokenHours: 24, maxKeyAgeDays: 90 });
});

test('an application password within the key age limit is fine; one beyond it is reported', async () => {
  const password = (end: string) => `resource "azuread_application_password" "p" {\n  application_id = azuread_application.a.id\n  end_date = "${end}"\n}\n`;
  const soon = new Date(Date.now() + 30 * 86400e3).toISOString();
  const late = new Date(Date.now() + 200 * 86400e3).toISOString();
  assert.deepEqual((await scanText('app.tf', password(soon))).findings, []);
  assert.deepEqual((await scanText('app.tf', password(late))).findings.map((f) => f.ruleId), ['lifecycle/azure-app-password-expiry']);
  const tf = 'resource "azuread_application_password" "p" {\n  application_id = azuread_application.a.id\n  end_date = timeadd(timestamp(), "4320h")\n}\n';
  assert.deepEqual((await scanText('app.tf', tf)).findings.map((f) => f.ruleId), ['lifecycle/azure-app-password-expiry']);
});
