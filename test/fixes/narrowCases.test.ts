// Before/after cases for the narrowing fixes (test/fixtures/fixes-narrow/**/*.case, same format as
// the secret fix cases). Each case runs the preferred fix of every iam/agent/lifecycle finding, in
// rounds as `keyhole fix` does, and checks the exact result, that nothing is reported afterwards but the
// rules the case allows, that changed files still parse, and that fixing again changes nothing. A finding that
// may stay is named in the case's comment: `expect-unfixed: <rule-id> [<rule-id>...]`.
// KEYHOLE_UPDATE_FIXES=1 rewrites the `after` sections from the current output (review the diff!).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { planFixes } from '../../src/core/fixes/plan';
import { awsCallSites } from '../../src/core/iam/aws/callSites';
import type { FixWorkspace } from '../../src/core/fixes/draft';
import type { Finding } from '../../src/core/types';
import { scanText } from '../harness';
import { readCase, syntaxErrors, writeCase } from './workspace';

const dir = join(__dirname, '..', 'fixtures', 'fixes-narrow');
const update = process.env.KEYHOLE_UPDATE_FIXES === '1';
const ROUNDS = 4;

const isReach = (f: Finding) => f.category !== 'secret';

async function reachFindings(files: Map<string, string>): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const [path, text] of files) out.push(...(await scanText(path, text)).findings.filter(isReach));
  return out;
}

/** Preferred fixes of every reach finding, in rounds; the files as the fixes left them. */
export async function runNarrowCase(before: Map<string, string>, workspace: Partial<FixWorkspace> = {}): Promise<{ files: Map<string, string> }> {
  const files = new Map(before);
  for (let round = 0; round < ROUNDS; round++) {
    const findings = await reachFindings(files);
    const plan = planFixes(findings.map((finding) => ({ finding, doc: { path: finding.path, text: files.get(finding.path)! } })), { ...workspace, read: (p) => files.get(p) });
    if (plan.files.length === 0) break;
    for (const f of plan.files) files.set(f.path, f.after);
  }
  return { files };
}

/** The AWS SDK calls in the case's code files, as a host collects them. */
function awsCallsOf(files: Map<string, string>): FixWorkspace['awsCalls'] {
  return [...files].flatMap(([path, text]) => awsCallSites(path, text));
}

function caseFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? caseFiles(join(folder, e.name)) : e.name.endsWith('.case') ? [join(folder, e.name)] : []);
}

for (const file of caseFiles(dir).sort()) {
  const name = relative(dir, file);
  test(`narrowing fix case ${name}`, async () => {
    const c = readCase(file);
    const allowed = new Set(/^#?\s*expect-unfixed:(.*)$/m.exec(c.comment)?.[1].trim().split(/\s+/).filter(Boolean) ?? []);
    const found = await reachFindings(c.before);
    assert.ok(found.length > 0, 'the case has reach findings to fix');
    const awsCalls = awsCallsOf(c.before);
    const run = await runNarrowCase(c.before, { awsCalls });
    if (update) {
      c.after = new Map([...run.files].filter(([p, t]) => c.before.get(p) !== t));
      writeCase(file, c);
    }
    const changed = [...run.files].filter(([p, t]) => c.before.get(p) !== t).map(([p]) => p).sort();
    assert.deepEqual(changed, [...c.after.keys()].sort(), 'the files that change');
    for (const [path, expected] of c.after) assert.equal(run.files.get(path), expected, `${name}: ${path}`);
    // What is left: only findings of the rules the case allows.
    const left = await reachFindings(run.files);
    const unexpected = left.filter((f) => !allowed.has(f.ruleId));
    assert.deepEqual(unexpected.map((f) => `${f.path}:${f.range.start.line + 1} ${f.ruleId}`), [], `${name}: rescan`);
    for (const path of changed) {
      const old = c.before.get(path);
      if (old !== undefined) assert.ok(await syntaxErrors(path, run.files.get(path)!) <= await syntaxErrors(path, old), `${name}: ${path} still parses`);
    }
    const again = await runNarrowCase(run.files, { awsCalls });
    assert.deepEqual([...again.files].filter(([p, t]) => run.files.get(p) !== t).map(([p]) => p), [], 'fixing again changes nothing');
  });
}
