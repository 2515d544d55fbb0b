import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { editsBetween, unifiedDiff } from '../../src/core/fixes/diff';
import { computeFixes, filesFixesRead } from '../../src/core/fixes/index';
import { planAsFix, planFixes } from '../../src/core/fixes/plan';
import { applyTextEdits } from '../../src/core/fixes/suppress';
import { scanText } from '../harness';
import { assertFixed, readCase, runCase } from './workspace';

const token = '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';
const none = { read: () => undefined };

async function firstFinding(path: string, text: string) {
  const r = await scanText(path, text);
  assert.ok(r.findings[0], `a finding in ${path}`);
  return r.findings[0];
}

test('fixes never show the value, explain rotation with the rule\'s link, and one is preferred', async () => {
  const text = `TOKEN = "${token}"\n`;
  const f = await firstFinding('a.py', text);
  const fixes = computeFixes(f, { path: 'a.py', text }, none);
  assert.ok(fixes.length >= 1);
  assert.equal(fixes.filter((x) => x.preferred).length, 1);
  for (const fix of fixes) {
    assert.ok(!fix.title.includes(token) && !fix.description?.includes(token), 'no value in title or description');
    assert.match(fix.description ?? '', /Rotate the old value/);
    if (f.rotationUrl) assert.ok(fix.description?.includes(f.rotationUrl));
  }
});

test('fixes are computed on the text given (unsaved editor text), not on disk', async () => {
  const saved = `X = 1\nTOKEN = "${token}"\n`;
  const unsaved = `# a line typed but not saved\n${saved}`;
  const f = await firstFinding('a.py', unsaved);
  const fix = computeFixes(f, { path: 'a.py', text: unsaved }, { read: (p) => (p === 'a.py' ? saved : undefined) })[0];
  const edit = fix.edits.find((e) => e.path === 'a.py')!;
  assert.equal(applyTextEdits(unsaved, edit.edits), '# a line typed but not saved\nimport os\n\nX = 1\nTOKEN = os.environ["GITHUB_TOKEN"]\n');
});

test('the configured env file is used, and a fix reads only the files filesFixesRead lists', async () => {
  const text = `TOKEN = "${token}"\n`;
  const f = await firstFinding('src/a.py', text);
  const read: string[] = [];
  const fix = computeFixes(f, { path: 'src/a.py', text }, { envFile: 'config/secrets.env', read: (p) => { read.push(p); return undefined; } })[0];
  assert.deepEqual(fix.edits.map((e) => e.path).sort(), ['.gitignore', 'config/.env.example', 'config/secrets.env', 'src/a.py']);
  assert.match(applyTextEdits('', fix.edits.find((e) => e.path === '.gitignore')!.edits), /^\/config\/secrets\.env\n$/);
  const allowed = new Set(filesFixesRead('src/a.py', 'config/secrets.env'));
  assert.deepEqual(read.filter((p) => !allowed.has(p)), []);
});

test('no fix in minified bundles and lock files, none for findings outside the secret category', async () => {
  const minified = `!function(){var t="${token}";${'x=1;'.repeat(2000)}}();`;
  const f = await firstFinding('app.min.js', minified);
  assert.deepEqual(computeFixes(f, { path: 'app.min.js', text: minified }, none), []);
  assert.deepEqual(computeFixes({ ...f, category: 'iam', ruleId: 'iam/star-action' }, { path: 'a.py', text: `TOKEN = "${token}"\n` }, none), []);
});

test('planFixes: one fix per finding, names never clash, an import is added once, planAsFix turns the plan into one fix', async () => {
  const text = `A = "${token}"\nB = "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"\nC = "${token}"\n`;
  const r = await scanText('a.py', text);
  assert.equal(r.findings.length, 3);
  const plan = planFixes(r.findings.map((finding) => ({ finding, doc: { path: 'a.py', text } })), none);
  assert.equal(plan.applied.length, 3);
  const files = new Map(plan.files.map((f) => [f.path, f.after]));
  assert.equal(files.get('a.py'), 'import os\n\nA = os.environ["GITHUB_TOKEN"]\nB = os.environ["GITHUB_TOKEN_2"]\nC = os.environ["GITHUB_TOKEN"]\n');
  assert.equal(files.get('.env')!.split('\n').filter((l) => l.startsWith('GITHUB_TOKEN')).length, 2, 'the repeated value is stored once');
  const fix = planAsFix(plan, 'Fix all')!;
  for (const fe of fix.edits) {
    const before = fe.create ? '' : text;
    assert.equal(applyTextEdits(before, fe.edits), files.get(fe.path), `planAsFix reproduces ${fe.path}`);
  }
});

test('editsBetween and unifiedDiff', () => {
  const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
  const after = 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n';
  assert.equal(applyTextEdits(before, editsBetween(before, after)), after);
  assert.equal(unifiedDiff('x.txt', before, after), [
    '--- a/x.txt', '+++ b/x.txt',
    '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e',
    '@@ -8,3 +8,4 @@', ' h', ' i', ' j', '+k', '',
  ].join('\n'));
  assert.equal(unifiedDiff('new.txt', undefined, 'x\n'), '--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,1 @@\n+x\n');
  assert.equal(unifiedDiff('same.txt', 'x\n', 'x\n'), '');
  assert.equal(applyTextEdits('x', editsBetween('x', 'y\n')), 'y\n');
});

test('round trip over every case at once: one workspace, one .env', async () => {
  const dir = join(__dirname, '..', 'fixtures', 'fixes');
  const before = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.case'))) {
    const prefix = file.replace(/\.case$/, '');
    // Root files of a case (.env, .gitignore) stay at the root: their cases test what they do there.
    for (const [path, text] of readCase(join(dir, file)).before) before.set(/^\.(?:env|gitignore)$/.test(path) ? path : `${prefix}/${path}`, text);
  }
  const run = await runCase(before);
  assert.deepEqual(run.plan.skipped.map((s) => `${s.finding.path} ${s.finding.ruleId}: ${s.reason}`), []);
  await assertFixed('all cases', before, run);
  assert.deepEqual((await runCase(run.files)).plan.files, [], 'fixing again changes nothing');
});
