// The CLI's scan (src/cli/scanFiles.ts, scanPool.ts, scanWorker.ts, readText.ts): the main thread
// scans from the first file and workers join when the scan proves long (`--workers N` starts N at
// once, which these small trees need to use them at all); reads, skips and the order of results.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { githubToken } from './tokens';

const bin = join(__dirname, '..', 'bin', 'keyhole.js');
const token = githubToken('Pq7rT2vW9xZ4bN6mK1jH8gF3dS5aL0');

/** `workersOnly`: the main thread leaves every file to the workers (small trees would not wait for them). */
function scanJson(dir: string, args: string[] = [], workersOnly = false) {
  const env = { ...process.env, KEYHOLE_WORKERS_ONLY: workersOnly ? '1' : '' };
  const r = spawnSync(process.execPath, [bin, 'scan', dir, '--format', 'json', ...args], { encoding: 'utf8', env });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as {
    summary: { scannedFiles: number };
    findings: { path: string; ruleId: string; start: { line: number; column: number } }[];
    skipped: { path: string; reason: string }[];
  };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyhole-pool-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Files that exercise the reader: larger than its first buffer, a BOM, binary, over the size limit. */
function tricky(): Record<string, string | Buffer> {
  const filler = 'export const value = [1, 2, 3].map((n) => n * 2);\n'.repeat(6000); // about 300 KB
  return {
    'lib/large.js': `${filler}const GITHUB_TOKEN = "${token}";\n`,
    'lib/bom.py': `\uFEFFtoken = "${token}"\n`,
    'lib/blob.bin': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 2, 1, 1]),
    'lib/huge.txt': `${'x'.repeat(3 * 1024 * 1024)}\n`,
  };
}

test('workers read large, BOM-prefixed, binary and oversized files like a scan in one thread', () => {
  const small = scanJson(workspace(tricky()), ['--workers', '0']);
  const files: Record<string, string | Buffer> = tricky();
  for (let i = 0; i < 150; i++) files[`pkg/d${i % 7}/m${String(i).padStart(3, '0')}.ts`] = `export const n${i}: number = ${i};\n`;
  const dir = workspace(files);
  const pooled = scanJson(dir, ['--workers', '2'], true);
  const automatic = scanJson(dir);

  for (const report of [small, pooled, automatic]) {
    const found = report.findings.map((f) => `${f.path} ${f.ruleId} ${f.start.line}:${f.start.column}`);
    // The token after 300 KB is found on its line; the BOM does not shift the column (both 1-based).
    assert.deepEqual(found, ['lib/bom.py secret/github-pat-classic 1:10', 'lib/large.js secret/github-pat-classic 6001:23']);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.path, s.reason]));
    assert.equal(reasons['lib/blob.bin'], 'binary file');
    assert.match(reasons['lib/huge.txt'], /larger than the 2.0 MB limit/);
  }
  assert.equal(small.summary.scannedFiles, 2);
  assert.equal(pooled.summary.scannedFiles, 152);
  assert.deepEqual(automatic, pooled);
});

test('findings come back in path order however the files were spread over the threads', () => {
  const files: Record<string, string> = {};
  const expected: string[] = [];
  for (let i = 0; i < 400; i++) {
    const path = `src/f${String(i).padStart(3, '0')}.js`;
    const leaky = i % 37 === 5;
    files[path] = leaky ? `const GITHUB_TOKEN = "${token}";\n` : `export default ${i};\n`;
    if (leaky) expected.push(path);
  }
  const dir = workspace(files);
  for (const workers of ['0', '1', '3']) {
    const report = scanJson(dir, ['--workers', workers], workers !== '0');
    assert.equal(report.summary.scannedFiles, 400);
    assert.deepEqual(report.findings.map((f) => f.path), expected, `--workers ${workers}`);
  }
});

test('--workers takes a whole number from 0 to 64', () => {
  const r = spawnSync(process.execPath, [bin, 'scan', '.', '--workers', 'many'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--workers must be a whole number/);
});
