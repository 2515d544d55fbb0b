// Before/after cases for every fix kind and language (test/fixtures/fixes/*.case). Each case checks
// the exact result, that a rescan is clean, that each moved value sits once in the git-ignored .env,
// that changed files still parse, and that fixing again changes nothing.
// KEYHOLE_UPDATE_FIXES=1 rewrites the `after` sections from the current output (review the diff!).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertFixed, readCase, runCase, writeCase } from './workspace';

const dir = join(__dirname, '..', 'fixtures', 'fixes');
const update = process.env.KEYHOLE_UPDATE_FIXES === '1';

for (const file of readdirSync(dir).filter((f) => f.endsWith('.case')).sort()) {
  test(`fix case ${file}`, async () => {
    const c = readCase(join(dir, file));
    assert.ok(c.before.size > 0, 'a case has files before');
    const run = await runCase(c.before);
    assert.ok(run.findings.length > 0, 'the case has findings to fix');
    assert.deepEqual(run.plan.skipped.map((s) => `${s.finding.path}:${s.finding.range.start.line + 1} ${s.finding.ruleId}: ${s.reason}`), [], 'every finding got a fix');
    if (update) {
      c.after = new Map([...run.files].filter(([p, t]) => c.before.get(p) !== t));
      writeCase(join(dir, file), c);
    }
    const changed = [...run.files].filter(([p, t]) => c.before.get(p) !== t).map(([p]) => p).sort();
    assert.deepEqual(changed, [...c.after.keys()].sort(), 'the files that change');
    for (const [path, expected] of c.after) assert.equal(run.files.get(path), expected, `${file}: ${path}`);
    await assertFixed(file, c.before, run);
    // Idempotent: a second run over the fixed workspace finds nothing left to change.
    const again = await runCase(run.files);
    assert.deepEqual(again.plan.files.map((f) => f.path), [], 'fixing again changes nothing');
  });
}
