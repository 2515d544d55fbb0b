// Fuzzing: random bytes and mutated fixtures through every grammar and detector. No exception may
// escape, no single scan may take more than 5 s, and every finding must have a sane range and no raw value in its text.
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import type { FileScanResult } from '../../src/core/types';
import { scanText } from '../harness';
import { fixtureFiles, mutate, randomBytes, readBytes, seededRandom } from './fuzzInputs';

const SCAN_BUDGET_MS = 5000;
const RANDOM_PER_PATH = 8;
const MUTANTS_PER_FIXTURE = 3;
const PATHS = [
  'src/app.js', 'src/app.ts', 'src/App.tsx', 'app/main.py', 'cmd/main.go', 'src/Main.java', 'src/Program.cs',
  'lib/app.rb', 'web/index.php', 'src/main.rs', 'scripts/deploy.sh', 'config/settings.json', 'deploy/values.yaml',
  'infra/main.tf', 'Cargo.toml', 'setup.ini', 'app.properties', 'src/Main.kt', 'README.md', 'notebook.ipynb',
  '.env', 'Dockerfile', 'notes.txt',
];
const fixturesRoot = join(__dirname, '..', 'fixtures');
const decoder = new TextDecoder('utf-8', { fatal: false });

async function scanChecked(path: string, text: string, label: string): Promise<FileScanResult> {
  const started = performance.now();
  let result: FileScanResult;
  try {
    result = await scanText(path, text);
  } catch (err) {
    assert.fail(`${label} as ${path}: scan threw ${(err as Error).stack}`);
  }
  const ms = performance.now() - started;
  assert.ok(ms < SCAN_BUDGET_MS, `${label} as ${path}: scan took ${ms.toFixed(0)} ms`);
  assert.doesNotMatch(result.skipped ?? '', /detector .* failed/, `${label} as ${path}: a detector threw`);
  for (const f of [...result.findings, ...result.suppressed]) {
    const where = `${label} as ${path}: ${f.ruleId}`;
    assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${where}: span ${JSON.stringify(f.span)} outside 0..${text.length}`);
    const { start, end } = f.range;
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${where}: range ends before it starts`);
    assert.ok(start.line >= 0 && start.character >= 0, `${where}: negative position`);
    const value = f.valueSpan ? text.slice(f.valueSpan.start, f.valueSpan.end) : text.slice(f.span.start, f.span.end);
    if (f.valueSpan) assert.ok(f.valueSpan.start <= f.valueSpan.end && f.valueSpan.end <= text.length, `${where}: valueSpan outside the document`);
    // Values shorter than 12 characters may occur in a message by coincidence (a key name, a word);
    // IAM and agent findings quote the code they are about, which is no secret.
    if (f.category === 'secret' && value.trim().length >= 12) {
      for (const shown of [f.message, ...f.evidence, f.redacted ?? '']) {
        assert.ok(!shown.includes(value), `${where}: raw value shown in "${shown}"`);
      }
    }
  }
  return result;
}

test('random bytes decoded as text, as every language kind', { timeout: 120_000 }, async () => {
  const random = seededRandom(0x6b6579);
  let scans = 0;
  for (const path of PATHS) {
    for (let i = 0; i < RANDOM_PER_PATH; i++) {
      const text = decoder.decode(randomBytes(random, 16 + Math.floor(random() * 6000)));
      await scanChecked(path, text, `random input ${i}`);
      scans++;
    }
  }
  assert.equal(scans, PATHS.length * RANDOM_PER_PATH);
});

test('mutated fixtures of every language, as their own path and as another language', { timeout: 120_000 }, async () => {
  const random = seededRandom(0x686f6c65);
  const files = fixtureFiles(fixturesRoot);
  assert.ok(files.length > 50, 'fixtures found');
  let withFindings = 0;
  for (const [i, file] of files.entries()) {
    const label = `mutated ${relative(fixturesRoot, file)}`;
    const original = readBytes(file);
    const own = await scanChecked(relative(fixturesRoot, file), decoder.decode(mutate(random, original)), label);
    for (let k = 0; k < MUTANTS_PER_FIXTURE; k++) {
      await scanChecked(PATHS[(i + k * 7) % PATHS.length], decoder.decode(mutate(random, original)), label);
    }
    if (own.findings.length) withFindings++;
  }
  // Mutations are small: most fixtures with secrets still produce findings, so the detectors really ran.
  assert.ok(withFindings > files.length / 4, `only ${withFindings} of ${files.length} mutated fixtures produced findings`);
});
