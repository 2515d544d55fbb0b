import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { githubToken } from './tokens';

const root = join(__dirname, '..');
const bin = join(root, 'bin', 'keyhole.js');

function keyhole(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyhole-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const token = githubToken('Kx8vQm2LpR7tNw4ZbYc9HdJf3GsA1e');
const dbPassword = 'Vr9!kQz2#mWp7Lx';

function leakyWorkspace() {
  return workspace({
    'src/deploy.py': `import requests\n\nGITHUB_TOKEN = "${token}"\nrequests.get("https://api.github.com/user", headers={"Authorization": f"token {GITHUB_TOKEN}"})\n`,
    'config/database.yml': `production:\n  adapter: postgresql\n  password: "${dbPassword}"\n`,
    'README.md': '# Demo\n\nNothing to see here.\n',
  });
}

test('exit 0 and a clean summary for a folder without secrets', () => {
  const dir = workspace({ 'app.js': 'const token = process.env.GITHUB_TOKEN;\nconsole.log("hello");\n' });
  const r = keyhole(['scan', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /0 findings; 1 files scanned/);
});

test('exit 1 and findings grouped by file in text output', () => {
  const dir = leakyWorkspace();
  const r = keyhole(['scan', dir]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^src\/deploy\.py$/m);
  assert.match(r.stdout, /^\s+3:17\s+\w+\s+secret\/github/m);
  assert.match(r.stdout, /config\/database\.yml/);
});

test('--fail-on raises the threshold for the exit code', () => {
  const dir = workspace({ 'notes.txt': `token: ${token}\n` });
  assert.equal(keyhole(['scan', dir, '--fail-on', 'info']).code, 1);
  const r = keyhole(['scan', dir, '--format', 'json']);
  const severities = (JSON.parse(r.stdout).findings as { severity: string }[]).map((f) => f.severity);
  assert.ok(severities.length > 0);
  // Every finding here is below "critical" or not: the exit code must agree with the severities.
  const critical = severities.includes('critical');
  assert.equal(keyhole(['scan', dir, '--fail-on', 'critical']).code, critical ? 1 : 0);
});

test('usage and runtime errors exit 2 with a one-line message', () => {
  const missing = keyhole(['scan', '/nonexistent/keyhole/path']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^keyhole: path not found: \/nonexistent\/keyhole\/path\n$/);

  const badFlag = keyhole(['scan', '.', '--format', 'xml']);
  assert.equal(badFlag.code, 2);
  assert.match(badFlag.stderr, /--format must be text, json or sarif/);

  const dir = workspace({ '.keyhole.json': '{ "ignore": [', 'a.txt': 'hello' });
  const broken = keyhole(['scan', dir]);
  assert.equal(broken.code, 2);
  assert.equal(broken.stderr.trim().split('\n').length, 1, broken.stderr);
  assert.match(broken.stderr, /\.keyhole\.json/);

  assert.equal(keyhole(['scan', dir, '--config', join(dir, 'nope.json')]).code, 2);
  assert.equal(keyhole(['frobnicate']).code, 2);
});

test('SARIF output is valid against the SARIF 2.1.0 schema and carries rules, regions and fingerprints', () => {
  const dir = leakyWorkspace();
  const out = join(dir, 'out.sarif');
  const r = keyhole(['scan', dir, '--format', 'sarif', '--output', out]);
  assert.equal(r.code, 1, r.stderr);
  const sarifText = readFileSync(out, 'utf8');
  const sarif = JSON.parse(sarifText);
  // The official schema's language pattern is not valid under the u flag; validate patterns without it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv as never);
  const validate = ajv.compile(JSON.parse(readFileSync(join(__dirname, 'schemas', 'sarif-2.1.0.json'), 'utf8')));
  assert.ok(validate(JSON.parse(sarifText)), JSON.stringify(validate.errors, null, 2));

  const run = sarif.runs[0];
  const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(run.results.length >= 2);
  for (const result of run.results) {
    assert.ok(ruleIds.includes(result.ruleId), `rule ${result.ruleId} described in tool.driver.rules`);
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    const loc = result.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, 'SRCROOT');
    assert.ok(!loc.artifactLocation.uri.startsWith('/'), 'relative URI');
    assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    assert.match(result.partialFingerprints['keyhole/v1'], /^secret\/[\w-]+:[0-9a-f]{16}$/);
  }
  for (const rule of run.tool.driver.rules) {
    assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.helpUri && rule.help.text);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  const deploy = run.results.find((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
    x.locations[0].physicalLocation.artifactLocation.uri === 'src/deploy.py');
  assert.deepEqual([deploy.locations[0].physicalLocation.region.startLine, deploy.locations[0].physicalLocation.region.startColumn], [3, 17]);
});

test('a raw secret value never appears in any output format', () => {
  const dir = leakyWorkspace();
  for (const format of ['text', 'json', 'sarif']) {
    const r = keyhole(['scan', dir, '--format', format, '--verbose']);
    assert.equal(r.code, 1, r.stderr);
    for (const value of [token, dbPassword, token.slice(4, 30)]) {
      assert.ok(!r.stdout.includes(value), `${format} output leaks a secret`);
      assert.ok(!r.stderr.includes(value), `${format} stderr leaks a secret`);
    }
  }
  const json = JSON.parse(keyhole(['scan', dir, '--format', 'json']).stdout);
  assert.ok(json.findings.some((f: { redacted?: string }) => f.redacted?.startsWith('ghp_…')));
});

test('the same finding keeps its fingerprint when lines move', () => {
  const a = workspace({ 'x.py': `GITHUB_TOKEN = "${token}"\n` });
  const b = workspace({ 'x.py': `import os\n\n\n# moved down\nGITHUB_TOKEN = "${token}"\n` });
  const fp = (dir: string) => JSON.parse(keyhole(['scan', dir, '--format', 'json']).stdout).findings.map((f: { fingerprint: string }) => f.fingerprint);
  assert.deepEqual(fp(a), fp(b));
  assert.equal(fp(a).length, 1);
});

test('.gitignore is honoured unless --no-gitignore; binary and oversized files are skipped with a reason', () => {
  const dir = workspace({
    '.gitignore': 'secrets/\n*.log\n',
    'secrets/prod.env': `GITHUB_TOKEN=${token}\n`,
    'debug.log': `token ${token}\n`,
    'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
    'big.txt': 'a'.repeat(4096),
    'ok.txt': 'nothing here\n',
  });
  symlinkSync('/nonexistent-target', join(dir, 'dangling'));
  const withIgnore = JSON.parse(keyhole(['scan', dir, '--format', 'json', '--max-file-size', '2048']).stdout);
  assert.equal(withIgnore.findings.length, 0);
  const reasons = Object.fromEntries(withIgnore.skipped.map((s: { path: string; reason: string }) => [s.path, s.reason]));
  assert.equal(reasons['image.png'], 'binary file');
  assert.match(reasons['big.txt'], /larger than the 2 KB limit/);
  assert.match(reasons['dangling'], /symbolic link/);

  const all = JSON.parse(keyhole(['scan', dir, '--format', 'json', '--no-gitignore']).stdout);
  const paths = all.findings.map((f: { path: string }) => f.path).sort();
  assert.deepEqual(paths, ['debug.log', 'secrets/prod.env']);
});

test('--list-suppressions lists each suppression with its reason', () => {
  const dir = workspace({
    'app.py': `# keyhole-ignore-next-line secret -- rotated test token kept for the replay test\nGITHUB_TOKEN = "${token}"\n`,
  });
  const scanned = keyhole(['scan', dir]);
  assert.equal(scanned.code, 0, scanned.stdout);
  const r = keyhole(['scan', dir, '--list-suppressions']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /app\.py:1/);
  assert.match(r.stdout, /rotated test token kept for the replay test/);
});

test('keyhole rules lists the catalogue; --version prints the version', () => {
  const rules = JSON.parse(keyhole(['rules', '--format', 'json']).stdout) as { id: string }[];
  assert.ok(rules.length >= 80, `${rules.length} rules`);
  assert.ok(rules.every((r) => /^(secret|iam|agent|lifecycle)\//.test(r.id)));
  assert.match(keyhole(['--version']).stdout, /^\d+\.\d+\.\d+/);
});

test('a large scan runs in worker threads and reports the same findings, in path order', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 90; i++) files[`pkg/mod${String(i).padStart(2, '0')}.js`] = `export const n${i} = ${i};\n`;
  files['pkg/mod57.js'] = `const GITHUB_TOKEN = "${token}";\n`;
  files['pkg/mod12.py'] = `password = "${dbPassword}"\n`;
  const dir = workspace(files);
  const r = keyhole(['scan', dir, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.summary.scannedFiles, 91);
  assert.deepEqual(json.findings.map((f: { path: string }) => f.path), ['pkg/mod12.py', 'pkg/mod57.js']);
});
