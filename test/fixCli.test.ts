import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { parseDotenv } from '../src/core/fixes/env';
import { githubToken } from './tokens';

const bin = join(__dirname, '..', 'bin', 'keyhole.js');

function keyhole(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyhole-fix-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const token = githubToken('Fq3LmZ8vRt2WxN6pKc9YbHd4JsA7gE');
const npmToken = githubToken('Hd4JsA7gEFq3LmZ8vRt2WxN6pKc9Yb', 'npm_');
const password = 'Vr9!kQz2#mWp7Lx';
const sqlPassword = 'Nimbus@2738ihHsDT';
const secrets = [token, npmToken, password, sqlPassword];

function leaky(extra: Record<string, string> = {}) {
  return workspace({
    'src/deploy.py': `import requests\n\nGITHUB_TOKEN = "${token}"\nrequests.get("https://api.github.com/user", headers={"Authorization": f"token {GITHUB_TOKEN}"})\n`,
    'config/database.yml': `production:\n  adapter: postgresql\n  password: "${password}"\n`,
    '.npmrc': `//registry.npmjs.org/:_authToken=${npmToken}\n`,
    ...extra,
  });
}

test('keyhole fix moves every value into a git-ignored .env written once, and exits 0 when nothing is left', () => {
  const dir = leaky();
  const r = keyhole(['fix', dir], dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^Fixed 3 findings in 3 files; updated \.env, \.env\.example, \.gitignore\./m);
  assert.match(r.stdout, /src\/deploy\.py:3 {2}secret\/github-pat-classic {2}Read GITHUB_TOKEN from the environment/);
  assert.match(r.stdout, /Rotate every secret that was moved/);
  for (const s of secrets) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), 'no secret value in the output');
  const files = snapshot(dir);
  assert.equal(files.get('src/deploy.py'), `import os\nimport requests\n\nGITHUB_TOKEN = os.environ["GITHUB_TOKEN"]\nrequests.get("https://api.github.com/user", headers={"Authorization": f"token {GITHUB_TOKEN}"})\n`);
  assert.equal(files.get('.npmrc'), '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n');
  assert.equal(files.get('.gitignore'), '.env\n');
  const env = parseDotenv(files.get('.env')!);
  assert.deepEqual(env.map((e) => e.value).sort(), [token, npmToken, password].sort(), 'each value once');
  assert.deepEqual(parseDotenv(files.get('.env.example')!).map((e) => e.value), ['', '', '']);
  const again = keyhole(['fix', dir], dir);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /^Fixed 0 findings in 0 files\./m);
  assert.deepEqual(snapshot(dir), files, 'a second run changes nothing');
  assert.equal(keyhole(['scan', dir], dir).code, 0, 'a scan afterwards is clean');
});

test('exit 1 when findings remain without an automatic fix, and they are listed', () => {
  const dir = leaky({ 'db/001_roles.sql': `CREATE ROLE app LOGIN PASSWORD '${sqlPassword}';\n` });
  const r = keyhole(['fix', dir], dir);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /1 finding left without an automatic fix:\n {2}db\/001_roles\.sql:1 {2}secret\/sql-password/);
  assert.ok(!r.stdout.includes(sqlPassword));
});

test('--dry-run prints a unified diff with every value redacted and writes nothing', () => {
  const dir = leaky();
  const before = snapshot(dir);
  const r = keyhole(['fix', dir, '--dry-run'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(snapshot(dir), before, 'nothing written');
  assert.match(r.stdout, /^--- a\/src\/deploy\.py\n\+\+\+ b\/src\/deploy\.py\n@@ /m);
  assert.match(r.stdout, /^-GITHUB_TOKEN = "ghp_…\w{5}"$/m, 'removed lines show the value redacted');
  assert.match(r.stdout, /^\+GITHUB_TOKEN = os\.environ\["GITHUB_TOKEN"\]$/m);
  assert.match(r.stdout, /^--- \/dev\/null\n\+\+\+ b\/\.env\n/m);
  assert.match(r.stdout, /^\+GITHUB_TOKEN=<redacted>$/m);
  assert.match(r.stdout, /^\+\.env$/m, 'the .gitignore change shows');
  assert.match(r.stdout, /^Would fix 3 findings in 3 files; would update \.env, \.env\.example, \.gitignore \(dry run: nothing written\)\./m);
  for (const s of secrets) assert.ok(!r.stdout.includes(s), 'no secret value in the diff');
});

test('--rule limits the fix to some rules; the others stay and exit 1', () => {
  const dir = leaky();
  const r = keyhole(['fix', dir, '--rule', 'secret/github-pat-classic'], dir);
  assert.equal(r.code, 0, 'only the selected rule counts');
  const files = snapshot(dir);
  assert.match(files.get('src/deploy.py')!, /os\.environ\["GITHUB_TOKEN"\]/);
  assert.ok(files.get('config/database.yml')!.includes(password), 'other rules untouched');
  assert.equal(keyhole(['scan', dir], dir).code, 1);
  const rest = keyhole(['fix', dir, '--rule', 'secret/generic', '--dry-run'], dir);
  assert.match(rest.stdout, /config\/database\.yml/);
});

test('an existing .env keeps its entries; the configured envFile is used', () => {
  const dir = leaky({ '.env': `# mine\nGITHUB_TOKEN=${token}\n`, '.gitignore': 'node_modules/\n.env\n', '.keyhole.json': '{ "envFile": ".env" }\n' });
  const r = keyhole(['fix', dir], dir);
  assert.equal(r.code, 0, r.stdout);
  const env = readFileSync(join(dir, '.env'), 'utf8');
  assert.ok(env.startsWith(`# mine\nGITHUB_TOKEN=${token}\n`));
  assert.equal(parseDotenv(env).filter((e) => e.value === token).length, 1, 'the value already there is reused');
  assert.equal(readFileSync(join(dir, '.gitignore'), 'utf8'), 'node_modules/\n.env\n');
  const other = leaky({ '.keyhole.json': '{ "envFile": "config/secrets.env" }\n' });
  assert.equal(keyhole(['fix', other], other).code, 0);
  assert.ok(existsSync(join(other, 'config', 'secrets.env')) && !existsSync(join(other, '.env')));
  assert.match(readFileSync(join(other, '.gitignore'), 'utf8'), /^\/config\/secrets\.env$/m);
});

test('usage errors exit 2', () => {
  const dir = leaky();
  assert.equal(keyhole(['fix', dir, '--bogus'], dir).code, 2);
  assert.equal(keyhole(['fix', join(dir, 'missing')], dir).code, 2);
  assert.equal(keyhole(['fix', '--rule'], dir).code, 2);
});

test('keyhole fix narrows an agent grant: the diff shows the grant as written, the summary says what to review, no rotation advice', () => {
  const dir = workspace({
    'package.json': JSON.stringify({ name: 'web', scripts: { build: 'tsc -p .', lint: 'eslint .' } }, null, 2),
    '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(*)", "Read(./src/**)"]\n  }\n}\n',
  });
  const dry = keyhole(['fix', dir, '--dry-run'], dir);
  assert.equal(dry.code, 0, dry.stdout + dry.stderr);
  assert.match(dry.stdout, /^-\s+"allow": \["Bash\(\*\)", "Read\(\.\/src\/\*\*\)"\]$/m, 'the narrowed grant is not redacted');
  assert.match(dry.stdout, /\.claude\/settings\.json:3 {2}agent\/claude-unrestricted-bash/);
  assert.doesNotMatch(dry.stdout, /Rotate every secret/);
  assert.equal(readFileSync(join(dir, '.claude/settings.json'), 'utf8').includes('Bash(*)'), true, 'dry run writes nothing');
  const r = keyhole(['fix', dir], dir);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const settings = JSON.parse(readFileSync(join(dir, '.claude/settings.json'), 'utf8'));
  assert.ok(settings.permissions.allow.includes('Bash(npm run build)'));
  assert.ok(!settings.permissions.allow.includes('Bash(*)'));
  assert.ok(!existsSync(join(dir, '.env')), 'nothing moved to .env');
});
