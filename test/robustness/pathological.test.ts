// Pathological files: each is scanned or skipped with a reason, through the CLI (size cap, binary
// check, worker pool) and through the engine, and a real token beside them is still found.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/core/config';
import type { Finding } from '../../src/core/types';
import { makeEngine, scanText } from '../harness';
import {
  CRLF_TOKEN_COLUMN, MINIFIED_BYTES, TOKEN, bomEnv, buildHostileFolder, crlfShell, deepJson, deepYaml, minifiedJavaScript, mixedEndings, singleLineEnv,
} from './hostileFiles';

const bin = join(__dirname, '..', '..', 'bin', 'keyhole.js');
const RULE = 'secret/github-pat-classic';
const FOLDER_BUDGET_MS = 120_000;

interface JsonReport {
  findings: Finding[];
  skipped: { path: string; reason: string }[];
  summary: { scannedFiles: number };
}

const folder = buildHostileFolder();
after(() => rmSync(folder.dir, { recursive: true, force: true }));

test('the CLI finishes a folder of hostile inputs in bounded time, skipping with reasons and finding the tokens', { timeout: FOLDER_BUDGET_MS + 10_000 }, () => {
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, 'scan', folder.dir, '--format', 'json', '--verbose'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: FOLDER_BUDGET_MS });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < FOLDER_BUDGET_MS, `took ${elapsed} ms`);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}, signal ${r.signal}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as JsonReport;
  const skipped = new Map(report.skipped.map((s) => [s.path, s.reason]));
  assert.match(skipped.get('dist/bundle.min.js') ?? '', /larger than the 2\.0 MB limit \(50\.0 MB\)/);
  assert.match(skipped.get('config/huge.env') ?? '', /larger than the 2\.0 MB limit/);
  assert.equal(skipped.get('data/nul.bin.txt'), 'binary file');
  const withToken = new Set(report.findings.filter((f) => f.ruleId === RULE).map((f) => f.path));
  for (const file of folder.tokenFiles) assert.ok(withToken.has(file), `token not found in ${file}`);
  assert.ok(!report.findings.some((f) => f.path === 'assets/blob.json'), `findings inside base64 blobs: ${report.findings.filter((f) => f.path === 'assets/blob.json').map((f) => f.ruleId)}`);
  assert.ok(report.summary.scannedFiles >= 90, `scanned ${report.summary.scannedFiles} files`);
  assert.ok(!r.stdout.includes(TOKEN), 'raw token in the report');
});

test('the engine, with the size cap raised, scans 50 MB of minified JavaScript in bounded time', { timeout: 60_000 }, async () => {
  const engine = makeEngine({ ...DEFAULT_CONFIG, maxFileSize: 2 * MINIFIED_BYTES });
  const text = minifiedJavaScript();
  const started = Date.now();
  const result = await engine.scan({ path: 'dist/bundle.min.js', text });
  const elapsed = Date.now() - started;
  // About 1 s here; the budget leaves room for a slow CI machine but still catches a quadratic pass.
  assert.ok(elapsed < 20_000, `took ${elapsed} ms`);
  assert.equal(result.skipped, undefined);
  const found = result.findings.find((f) => f.ruleId === RULE);
  assert.ok(found, 'token in the minified file not found');
  assert.equal(text.slice(found.valueSpan?.start ?? found.span.start, found.valueSpan?.end ?? found.span.end), TOKEN);
  const byDefault = await scanText('dist/bundle.min.js', text);
  assert.match(byDefault.skipped ?? '', /larger than .* \(maxFileSize\)/);
});

test('a 5 MB single-line .env is scanned in bounded time with the cap raised', { timeout: 30_000 }, async () => {
  const engine = makeEngine({ ...DEFAULT_CONFIG, maxFileSize: 8 * 1024 * 1024 });
  const text = singleLineEnv();
  const started = Date.now();
  const result = await engine.scan({ path: '.env', text });
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  const found = result.findings.find((f) => f.ruleId === RULE);
  assert.ok(found, 'token at the end of the line not found');
  assert.equal(found.range.start.line, 0);
  assert.equal(found.range.start.character, text.indexOf(TOKEN));
});

test('JSON and YAML nested 20,000 levels are scanned without a stack overflow', async () => {
  for (const [path, text] of [['deep.json', deepJson()], ['deep.yaml', deepYaml()]]) {
    const result = await scanText(path, text);
    assert.ok(result.findings.some((f) => f.ruleId === RULE), `${path}: token not found (${result.skipped ?? 'not skipped'})`);
  }
});

test('a token on a CRLF line is reported at its line and column', async () => {
  const result = await scanText('scripts/deploy.sh', crlfShell());
  const found = result.findings.find((f) => f.ruleId === RULE);
  assert.ok(found);
  assert.deepEqual(found.range.start, { line: 2, character: CRLF_TOKEN_COLUMN });
  assert.deepEqual(found.range.end, { line: 2, character: CRLF_TOKEN_COLUMN + TOKEN.length });
});

test('mixed line endings (\\n, \\r\\n, lone \\r) keep offsets right and count lines at \\n', async () => {
  const text = mixedEndings();
  const result = await scanText('config/app.toml', text);
  const found = result.findings.find((f) => f.ruleId === RULE);
  assert.ok(found);
  assert.equal(text.slice(found.valueSpan?.start ?? found.span.start, found.valueSpan?.end ?? found.span.end), TOKEN);
  // Lines end at \n (with or without \r), as in git and tree-sitter; a lone \r (classic Mac) is no break.
  const before = text.slice(0, text.indexOf(TOKEN));
  const line = before.split('\n').length - 1;
  assert.deepEqual(found.range.start, { line, character: before.length - (before.lastIndexOf('\n') + 1) });
});

test('a BOM does not shift positions', async () => {
  const text = bomEnv();
  const result = await scanText('.env', text);
  const found = result.findings.find((f) => f.ruleId === RULE);
  assert.ok(found);
  assert.deepEqual(found.range.start, { line: 1, character: 'GITHUB_TOKEN='.length });
  assert.equal(found.span.start, text.indexOf(TOKEN));
});
