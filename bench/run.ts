// `npm run bench`: throughput against secretlint, on-type latency, cold start and memory.
// Prints a table and writes bench/results.json. Ratios are measured side by side in one run.
// Flags: --quick (fewer edits, one throughput round), --no-throughput, --only-throughput, --rounds=N.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { DEFAULT_CONFIG } from '../src/core/config';
import { Engine } from '../src/core/engine';
import { builtinDetectors } from '../src/core/registry';
import { nodeWasmSource } from '../src/node/wasmSource';
import { IncrementalTrees } from '../src/parsing/incrementalTrees';
import { ParserHost } from '../src/parsing/parserHost';
import { generateDocument, type BenchLanguage } from './documents';

const root = join(__dirname, '..');
const work = join(root, 'bench', 'work');
const args = new Set(process.argv.slice(2));

/** Fixed versions: the tree must be the same on every machine and every run. */
const PACKAGES = [
  'typescript@5.9.3', 'rxjs@7.8.2', 'lodash@4.17.21', '@types/node@20.19.43', '@angular/core@20.0.0',
  'prettier@3.6.2', 'three@0.170.0', 'echarts@5.6.0', '@babel/types@7.28.0',
];
const SCANNED = /\.(?:js|mjs|cjs|ts|mts|cts|json)$/;
/** Both tools get the same files; Keyhole's default size cap (2 MB) applies to both. */
const MAX_FILE = 2 * 1024 * 1024;

interface Row { section: string; metric: string; value: string; target?: string; ok?: boolean }
const rows: Row[] = [];
const results: Record<string, unknown> = { machine: { cpus: cpus().length, node: process.version } };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function walkFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Installs the fixed packages once and copies their JS/TS/JSON files into a plain tree (no node_modules folders). */
function prepareTree(): { dir: string; files: number; bytes: number } {
  const dir = join(work, 'tree');
  const marker = join(work, 'tree.ok');
  if (!existsSync(marker)) {
    rmSync(work, { recursive: true, force: true });
    const pkgs = join(work, 'pkgs');
    mkdirSync(pkgs, { recursive: true });
    writeFileSync(join(pkgs, 'package.json'), JSON.stringify({ name: 'keyhole-bench-tree', private: true }));
    process.stderr.write(`Installing the benchmark tree (${PACKAGES.length} packages)…\n`);
    execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', ...PACKAGES], { cwd: pkgs, stdio: 'inherit' });
    for (const file of walkFiles(join(pkgs, 'node_modules'))) {
      if (!SCANNED.test(file) || statSync(file).size > MAX_FILE) continue;
      const rel = relative(join(pkgs, 'node_modules'), file).split('/').map((s) => (s === 'node_modules' ? 'nm' : s)).join('/');
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      cpSync(file, join(dir, rel));
    }
    writeFileSync(marker, '');
  }
  const files = walkFiles(dir);
  return { dir, files: files.length, bytes: files.reduce((n, f) => n + statSync(f).size, 0) };
}

/** CPU seconds used by reaped child processes so far (Linux `/proc`); undefined elsewhere. */
function childrenCpuSeconds(): number | undefined {
  try {
    // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (100 per second on Linux).
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

interface Timing { seconds: number; cpuSeconds?: number; status: number | null; stderr: string }

function timeCommand(cmd: string, argv: string[], cwd = root): Timing {
  const cpuBefore = childrenCpuSeconds();
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = childrenCpuSeconds();
  return { seconds, cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, status: r.status, stderr: r.stderr };
}

/** Rounds of the two tools, alternated; each tool's fastest round counts (the others met a busier machine). */
const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? (args.has('--quick') ? 1 : 3));

function throughput(): void {
  const tree = prepareTree();
  const mb = tree.bytes / 1e6;
  const secretlintBin = join(root, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const runKeyhole = () => {
    const t = timeCommand(process.execPath, [join(root, 'bin', 'keyhole.js'), 'scan', tree.dir, '--no-gitignore', '--format', 'json', '--output', join(work, 'keyhole.json')]);
    if (t.status !== 0 && t.status !== 1) throw new Error(`keyhole failed: ${t.stderr}`);
    return t;
  };
  // Run from inside the tree: secretlint honours the repository's .gitignore, which lists bench/work.
  const runSecretlint = () => {
    const t = timeCommand(process.execPath, [secretlintBin, '**/*', '--secretlintrc', join(root, 'bench', 'secretlintrc.json'), '--format', 'json', '--output', join(work, 'secretlint.json')], tree.dir);
    if (t.status !== 0 && t.status !== 1) throw new Error(`secretlint failed: ${t.stderr}`);
    return t;
  };
  const best = (a: Timing | undefined, b: Timing) => (a && a.seconds <= b.seconds ? a : b);
  let keyhole: Timing | undefined;
  let secretlint: Timing | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    keyhole = best(keyhole, runKeyhole());
    secretlint = best(secretlint, runSecretlint());
  }
  // Both tools must have read the same files, or the ratio means nothing.
  const secretlintFiles = (JSON.parse(readFileSync(join(work, 'secretlint.json'), 'utf8')) as unknown[]).length;
  const keyholeFiles = (JSON.parse(readFileSync(join(work, 'keyhole.json'), 'utf8')) as { summary: { scannedFiles: number } }).summary.scannedFiles;
  if (secretlintFiles !== tree.files || keyholeFiles !== tree.files) {
    throw new Error(`file counts differ: tree ${tree.files}, Keyhole ${keyholeFiles}, secretlint ${secretlintFiles}`);
  }
  const figures = (t: Timing) => ({ seconds: t.seconds, cpuSeconds: t.cpuSeconds, mbPerSecond: mb / t.seconds, filesPerSecond: tree.files / t.seconds });
  const k = figures(keyhole!);
  const s = figures(secretlint!);
  const ratio = s.seconds / k.seconds;
  const cpuRatio = k.cpuSeconds && s.cpuSeconds ? s.cpuSeconds / k.cpuSeconds : undefined;
  results.throughput = { tree: { files: tree.files, megabytes: mb, packages: PACKAGES }, rounds: ROUNDS, keyhole: k, secretlint: s, ratio, cpuRatio };
  const cpu = (t: { cpuSeconds?: number }) => (t.cpuSeconds === undefined ? '' : `, ${t.cpuSeconds.toFixed(1)} s CPU`);
  rows.push(
    { section: '1. Audit throughput', metric: `tree: ${tree.files} files, ${mb.toFixed(1)} MB; best of ${ROUNDS} alternated rounds`, value: '' },
    { section: '', metric: 'Keyhole CLI', value: `${k.mbPerSecond.toFixed(1)} MB/s, ${k.filesPerSecond.toFixed(0)} files/s (${k.seconds.toFixed(1)} s${cpu(k)})` },
    { section: '', metric: 'secretlint (recommended preset)', value: `${s.mbPerSecond.toFixed(1)} MB/s, ${s.filesPerSecond.toFixed(0)} files/s (${s.seconds.toFixed(1)} s${cpu(s)})` },
    { section: '', metric: 'ratio (Keyhole / secretlint)', value: `${ratio.toFixed(1)}x${cpuRatio ? ` (CPU time ${cpuRatio.toFixed(1)}x)` : ''}`, target: '>= 5x', ok: ratio >= 5 },
  );
}

async function latency(): Promise<void> {
  const host = new ParserHost(nodeWasmSource());
  const trees = new IncrementalTrees(host);
  const engine = new Engine(builtinDetectors(DEFAULT_CONFIG), trees, { ...DEFAULT_CONFIG, maxFileSize: 64 * 1024 * 1024 });
  const languages: BenchLanguage[] = ['typescript', 'python', 'yaml', 'json'];
  const sizes = [1000, 10000, 50000];
  const edits = args.has('--quick') ? 20 : 60;
  const out: Record<string, unknown> = {};
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (const language of languages) {
    for (const lines of sizes) {
      const { path, text: initial } = generateDocument(language, lines);
      const key = `bench:${path}`;
      let text = initial;
      await engine.scan({ path, text, documentKey: key });
      const times: number[] = [];
      for (let i = 0; i < edits; i++) {
        const at = Math.floor(random() * text.length);
        const insert = random() < 0.5;
        const newText = insert ? 'x' : '';
        const oldEnd = insert ? at : Math.min(text.length, at + 1);
        const before = text.slice(0, at);
        const row = before.split('\n').length - 1;
        const column = at - (before.lastIndexOf('\n') + 1);
        const removed = text.slice(at, oldEnd);
        const started = performance.now();
        text = before + newText + text.slice(oldEnd);
        trees.applyChanges(key, [{
          startIndex: at, oldEndIndex: oldEnd, newText,
          startPosition: { row, column },
          oldEndPosition: removed.includes('\n') ? { row: row + 1, column: 0 } : { row, column: column + removed.length },
        }]);
        await engine.scan({ path, text, documentKey: key });
        times.push(performance.now() - started);
      }
      trees.forget(key);
      times.sort((a, b) => a - b);
      const stats = { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
      out[`${language}-${lines}`] = stats;
      const target = lines === 10000 ? 10 : lines === 50000 ? 50 : undefined;
      rows.push({
        section: rows.some((r) => r.section.startsWith('2.')) ? '' : '2. On-type latency (edit → findings)',
        metric: `${language} ${lines} lines`,
        value: `p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, max ${stats.max.toFixed(1)} ms`,
        target: target ? `p95 <= ${target} ms` : undefined,
        ok: target ? stats.p95 <= target : undefined,
      });
    }
  }
  results.latency = out;
}

async function coldStartAndMemory(): Promise<void> {
  const t0 = performance.now();
  const host = new ParserHost(nodeWasmSource());
  const engine = new Engine(builtinDetectors(DEFAULT_CONFIG), host, DEFAULT_CONFIG);
  const activation = performance.now() - t0;
  const doc = generateDocument('typescript', 1000);
  const t1 = performance.now();
  await engine.scan(doc);
  const firstScan = performance.now() - t1;

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const kinds: BenchLanguage[] = ['typescript', 'python', 'yaml', 'json'];
  for (let i = 0; i < 500; i++) {
    const d = generateDocument(kinds[i % kinds.length], 200 + (i % 7) * 50, i);
    await engine.scan({ path: `f${i}/${d.path}`, text: d.text });
  }
  gc?.();
  const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  results.coldStart = { activationMs: activation, firstScanMs: firstScan, heapGrowthMb: heapGrowth, gcExposed: Boolean(gc) };
  rows.push(
    { section: '3. Cold start and memory', metric: 'engine initialisation (grammars lazy)', value: `${activation.toFixed(1)} ms`, target: '< 50 ms', ok: activation < 50 },
    { section: '', metric: 'first scan of a 1k-line TypeScript file (loads its grammar)', value: `${firstScan.toFixed(1)} ms` },
    { section: '', metric: 'heap growth after scanning 500 files', value: `${heapGrowth.toFixed(1)} MB`, target: '< 100 MB', ok: heapGrowth < 100 },
  );
}

function printTable(): void {
  const w = [38, 58, 44];
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w[0])} ${b.padEnd(w[1])} ${c.padEnd(w[2])} ${d}`;
  console.log(line('Section', 'Metric', 'Value', 'Target'));
  console.log('-'.repeat(160));
  for (const r of rows) console.log(line(r.section, r.metric, r.value, r.target ? `${r.target} ${r.ok ? 'met' : 'NOT MET'}` : ''));
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  if (!args.has('--only-throughput')) await coldStartAndMemory();
  if (!args.has('--no-throughput')) throughput();
  if (!args.has('--only-throughput')) await latency();
  printTable();
  const file = join(root, 'bench', 'results.json');
  // A partial run keeps the other sections' last figures.
  const partial = args.has('--only-throughput') || args.has('--no-throughput');
  const previous = partial && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, JSON.stringify({ ...previous, date: new Date().toISOString(), ...results }, null, 2));
  console.log('\nWritten bench/results.json');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
