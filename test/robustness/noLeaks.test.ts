// No output of the CLI may carry a raw secret value: text, JSON (verbose, with dropped candidates),
// SARIF, the suppression list and the fix preview. The values are those the engine itself reports.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { FORMAT_SAMPLES } from '../secrets/formatSamples';
import { scanText } from '../harness';
import { githubToken } from '../tokens';

const bin = join(__dirname, '..', '..', 'bin', 'keyhole.js');

function sample(id: string): string {
  const line = FORMAT_SAMPLES[id]?.positives[0];
  assert.ok(line, `catalogue sample for ${id}`);
  return line;
}

const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const FILES: Record<string, string> = {
  'src/deploy.py': `import os\n\nGITHUB_TOKEN = "${githubToken('Lm4Np8Qr2St6Uv0Wx3Yz7Ab1Cd5Ef9')}"\n${sample('aws-access-key-id')}\n`,
  'src/billing.js': `const stripe = require('stripe');\n${sample('stripe-secret-key').replace('stripe.api_key', 'stripe.apiKey')};\n`,
  'config/.env': `${sample('slack-bot-token')}\n${sample('sendgrid-api-key')}\n${sample('postgres-url-password')}\n`,
  'config/database.yml': 'production:\n  adapter: postgresql\n  username: app\n  password: "Vr9!kQz2#mWp7Lx"\n',
  'keys/deploy_key.pem': pem,
  'ci/.gitlab-ci.yml': `variables:\n  ${sample('gitlab-pat')}\n`,
  'src/suppressed.ts': `// keyhole-ignore-next-line secret/openai-api-key -- test fixture for the suppression list\nconst key = "${sample('openai-api-key').split('"')[1]}";\n`,
  // Dropped candidates for --verbose: a broken checksum and a placeholder.
  'src/dropped.py': 'TOKEN = "ghp_DQjRBk4hVzGJfGM7XgUbH2JgiWK8QC4Cuv1L"\nPASSWORD = "changeme"\n',
};

const dir = mkdtempSync(join(tmpdir(), 'keyhole-leaks-'));
after(() => rmSync(dir, { recursive: true, force: true }));
for (const [name, content] of Object.entries(FILES)) {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), content);
}

/** Every value the engine finds or suppresses, read back from the text by its value span. */
async function secretValues(): Promise<{ values: Set<string>; rules: Set<string> }> {
  const values = new Set<string>();
  const rules = new Set<string>();
  for (const [name, text] of Object.entries(FILES)) {
    const result = await scanText(name, text);
    for (const f of [...result.findings, ...result.suppressed]) {
      const span = f.valueSpan ?? f.span;
      const value = text.slice(span.start, span.end);
      rules.add(f.ruleId);
      values.add(value);
      // A PEM block must not leak line by line either.
      for (const line of value.split('\n')) if (line.length >= 16 && !line.startsWith('-----')) values.add(line);
    }
  }
  return { values, rules };
}

function keyhole(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir });
  assert.ok(r.status !== null && r.status <= 1, `keyhole ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

function leaksIn(outputs: Record<string, string>, values: Set<string>): string[] {
  const leaks: string[] = [];
  for (const [name, out] of Object.entries(outputs)) {
    for (const value of values) if (out.includes(value)) leaks.push(`${name}: ${value.slice(0, 4)}… (${value.length} chars)`);
  }
  return leaks;
}

test('no raw secret value in text, JSON, SARIF or the suppression list', async () => {
  const { values, rules } = await secretValues();
  for (const expected of ['secret/github-pat-classic', 'secret/aws-access-key-id', 'secret/stripe-secret-key', 'secret/slack-bot-token', 'secret/sendgrid-api-key', 'secret/postgres-url-password', 'secret/private-key', 'secret/gitlab-pat', 'secret/openai-api-key']) {
    assert.ok(rules.has(expected), `${expected} not found, so its value would not be checked (found: ${[...rules].join(', ')})`);
  }
  assert.ok([...rules].some((r) => r.startsWith('secret/generic')), `no password finding (found: ${[...rules].join(', ')})`);
  const sarifFile = join(dir, 'report.sarif');
  const outputs: Record<string, string> = {
    text: keyhole(['scan', '.']),
    'text --verbose': keyhole(['scan', '.', '--verbose']),
    'json --verbose': keyhole(['scan', '.', '--format', 'json', '--verbose']),
    sarif: (keyhole(['scan', '.', '--format', 'sarif', '-o', sarifFile]), readFileSync(sarifFile, 'utf8')),
    '--list-suppressions': keyhole(['scan', '.', '--list-suppressions']),
  };
  const json = JSON.parse(outputs['json --verbose']) as { findings: unknown[]; dropped: unknown[] };
  assert.ok(json.findings.length >= 9 && json.dropped.length > 0, 'the JSON report lists findings and dropped candidates');
  assert.match(outputs['--list-suppressions'], /keyhole-ignore-next-line/);
  assert.deepEqual(leaksIn(outputs, values), []);
});

// A secret without a fix (the bare AWS key id beside the fixed GitHub token) sits in the diff's context lines.
test('no raw secret value in the fix preview (keyhole fix --dry-run)', async () => {
  const { values } = await secretValues();
  const preview = keyhole(['fix', '.', '--dry-run']);
  assert.match(preview, /^[-+]{3} /m, 'the fix preview is a diff');
  // Nothing was written: --dry-run means it.
  for (const [name, content] of Object.entries(FILES)) assert.equal(readFileSync(join(dir, name), 'utf8'), content, `${name} changed`);
  assert.deepEqual(leaksIn({ 'fix --dry-run': preview }, values), []);
});
