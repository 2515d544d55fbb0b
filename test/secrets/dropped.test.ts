// Candidates that were looked at and not reported carry their reason to `FileScanResult.dropped`,
// and from there to the verbose reports; never their value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toJson } from '../../src/core/report/json';
import type { ScanReport } from '../../src/core/report/model';
import { toText } from '../../src/core/report/text';
import type { FileScanResult } from '../../src/core/types';
import { scanText } from '../harness';
import { githubToken } from '../tokens';

const VALID = githubToken('Kq9mWz2Lp7Hq7nVb3XcK2mTq8vLm2x');
const BROKEN = `${VALID.slice(0, -1)}${VALID.endsWith('A') ? 'B' : 'A'}`;

function report(...files: FileScanResult[]): ScanReport {
  return { toolVersion: 'test', root: '/repo', files, skipped: [], rules: [], scannedFiles: files.length };
}

test('a token with a broken checksum under a token name is dropped with the reason, not reported', async () => {
  const result = await scanText('deploy.py', `import os\n\ntoken = "${BROKEN}"\n`);
  assert.deepEqual(result.findings, []);
  const dropped = result.dropped ?? [];
  const generic = dropped.find((d) => d.ruleId === 'secret/generic-token');
  assert.ok(generic, JSON.stringify(dropped));
  assert.equal(generic.line, 3);
  assert.match(generic.reason, /checksum/);
  for (const d of dropped) assert.ok(!d.reason.includes(BROKEN.slice(4)), 'a reason never holds the value');
});

test('the same token with a valid checksum is reported, and nothing is dropped for it', async () => {
  const result = await scanText('deploy.py', `token = "${VALID}"\n`);
  assert.deepEqual(result.findings.map((f) => f.ruleId), ['secret/github-pat-classic']);
});

test('provider and generic rejections both give reasons: placeholders, references, public keys, ciphertext', async () => {
  const text = [
    'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
    'DB_PASSWORD=${VAULT_DB_PASSWORD}',
    'PUSHER_APP_KEY=200653274572ed1ac6c831bd8353c147',
    'API_TOKEN=ENC[AES256_GCM,data:Tq8vLm2xKp4wQ9,iv:Vn4kRt8YpQ2x,tag:Ty6pQm3Zw8Lk,type:str]',
  ].join('\n');
  const result = await scanText('.env', text);
  assert.deepEqual(result.findings, []);
  const reasons = (result.dropped ?? []).map((d) => `${d.line} ${d.ruleId}: ${d.reason}`);
  assert.ok(reasons.some((r) => r.startsWith('1 secret/aws-access-key-id: a placeholder')), reasons.join('\n'));
  assert.ok(reasons.some((r) => r.startsWith('2 secret/generic-password: a placeholder')), reasons.join('\n'));
  assert.ok(reasons.some((r) => r.startsWith('3 secret/generic-secret: a Pusher app key')), reasons.join('\n'));
  assert.ok(reasons.some((r) => r.startsWith('4 secret/generic-token: ciphertext')), reasons.join('\n'));
});

test('lines of dropped candidates in a Markdown fence are lines of the document', async () => {
  const md = "# Setup\n\nSet the variables:\n\n```bash\nexport API_TOKEN='<your-token>'\n```\n";
  const result = await scanText('README.md', md);
  assert.ok((result.dropped ?? []).some((d) => d.ruleId === 'secret/generic-token' && d.line === 6), JSON.stringify(result.dropped));
});

test('a file without candidates has no dropped list at all, and a file with many keeps 200', async () => {
  assert.equal((await scanText('a.py', 'x = 1\nprint(x)\n')).dropped, undefined);
  const many = Array.from({ length: 300 }, (_, i) => `DB_PASSWORD_${i}=<password>`).join('\n');
  assert.equal((await scanText('.env', many)).dropped?.length, 200);
});

test('the JSON report lists dropped candidates only when verbose; the text report prints them when verbose', async () => {
  const result = await scanText('deploy.py', `token = "${BROKEN}"\n`);
  const r = report(result);
  assert.equal('dropped' in toJson(r), false);
  const verbose = toJson(r, { verbose: true }) as { dropped: { path: string; line: number; ruleId: string; reason: string }[] };
  assert.ok(verbose.dropped.some((d) => d.path === 'deploy.py' && d.line === 1 && d.ruleId === 'secret/generic-token'));
  assert.ok(!JSON.stringify(verbose).includes(BROKEN.slice(4)));
  assert.doesNotMatch(toText(r), /deploy\.py:1/);
  assert.match(toText(r, { verbose: true }), /deploy\.py:1 secret\/generic-token: .*checksum/);
});
