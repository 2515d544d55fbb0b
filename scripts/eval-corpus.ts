// Scores the secret detectors on the independent, labelled corpus in test/corpus.
//
//   npx tsx scripts/eval-corpus.ts [--verbose] [--dir <another labelled corpus>]
//
// Labels: inline `^ secret` marker lines (test/harness.ts format) under the line holding a secret,
// or a sidecar `<file>.labels` with `LINE:COL secret` lines (1-based) for formats without comments.
// A `secret/*` finding whose range covers a label's line and column is a true positive (failing
// that, one that covers the label's line); other secret findings are false positives; labels
// left unmatched are false negatives. Each file is scanned under its path inside the corpus, so
// that file names (lock files, .env, test files) mean what they would in a real repository.
// Output never shows a secret value: only `redact()`ed forms.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { redact } from '../src/core/text';
import type { FileScanResult, Finding } from '../src/core/types';
import { expectationsOf, makeEngine, scanText } from '../test/harness';

export const CORPUS_DIR = join(__dirname, '..', 'test', 'corpus');
export const SIDECAR = '.labels';

export interface Label {
  /** Zero-based line and column. */
  line: number;
  column: number;
}

export interface Miss {
  path: string;
  line: number;
  ruleId: string;
  redacted: string;
  /** For a missed label: the candidates the engine dropped on that line, and why. */
  dropped?: string[];
}

export interface KindScore {
  files: number;
  labels: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface CorpusScore {
  files: number;
  filesWithSecrets: number;
  labels: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  byKind: Record<string, KindScore>;
  falsePositives: Miss[];
  falseNegatives: Miss[];
  errors: { path: string; message: string }[];
}

/** Every corpus file under `dir`, in a stable order; `.labels` sidecars are read with their file, not on their own. */
export function corpusFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) corpusFiles(p, out);
    else if (!name.endsWith(SIDECAR)) out.push(p);
  }
  return out;
}

/** The kind a file is counted under: its extension, or its name when it has none (Dockerfile, .npmrc). */
export function kindOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/^\.env(\.|$)/.test(name)) return '.env';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1) : name;
}

export function labelsOf(text: string, sidecar: string | undefined): Label[] {
  const labels: Label[] = expectationsOf(text)
    .filter((e) => e.ruleId === 'secret' || e.ruleId.startsWith('secret/'))
    .map((e) => ({ line: e.line, column: e.column }));
  for (const raw of sidecar?.split('\n') ?? []) {
    const m = /^\s*(\d+):(\d+)\s+secret\b/.exec(raw);
    if (m) labels.push({ line: Number(m[1]) - 1, column: Number(m[2]) - 1 });
  }
  return labels;
}

function covers(f: Finding, l: Label, withColumn: boolean): boolean {
  const { start, end } = f.range;
  if (l.line < start.line || l.line > end.line) return false;
  if (!withColumn) return true;
  return (start.line < l.line || start.character <= l.column) && (end.line > l.line || l.column < end.character);
}

/** Pairs labels with findings: first by line and column, then by line alone. */
export function match(labels: Label[], findings: Finding[]): { tp: number; missed: Label[]; extra: Finding[] } {
  const left = [...findings];
  const missed: Label[] = [];
  const byLineOnly: Label[] = [];
  let tp = 0;
  for (const l of labels) {
    const i = left.findIndex((f) => covers(f, l, true));
    if (i === -1) byLineOnly.push(l);
    else {
      left.splice(i, 1);
      tp++;
    }
  }
  for (const l of byLineOnly) {
    const i = left.findIndex((f) => covers(f, l, false));
    if (i === -1) missed.push(l);
    else {
      left.splice(i, 1);
      tp++;
    }
  }
  return { tp, missed, extra: left };
}

/** The value under a label, redacted, so a miss can be recognised without being shown. */
function redactedAt(text: string, l: Label): string {
  const line = text.split('\n')[l.line] ?? '';
  let start = l.column;
  let end = l.column;
  const part = /[^\s"'`,;<>(){}[\]=:]/;
  while (start > 0 && part.test(line[start - 1])) start--;
  while (end < line.length && part.test(line[end])) end++;
  return redact(line.slice(start, end));
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export async function evaluateCorpus(dir = CORPUS_DIR): Promise<CorpusScore> {
  const engine = makeEngine();
  const score: CorpusScore = {
    files: 0, filesWithSecrets: 0, labels: 0, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0,
    byKind: {}, falsePositives: [], falseNegatives: [], errors: [],
  };
  for (const file of corpusFiles(dir)) {
    const path = relative(dir, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');
    const sidecar = existsSync(file + SIDECAR) ? readFileSync(file + SIDECAR, 'utf8') : undefined;
    const labels = labelsOf(text, sidecar);
    let findings: Finding[] = [];
    let dropped: FileScanResult['dropped'] = [];
    try {
      const result = await scanText(path, text, engine);
      findings = result.findings.filter((f) => f.category === 'secret');
      dropped = result.dropped ?? [];
    } catch (err) {
      score.errors.push({ path, message: (err as Error).message });
    }
    const { tp, missed, extra } = match(labels, findings);
    const kind = (score.byKind[kindOf(path)] ??= { files: 0, labels: 0, tp: 0, fp: 0, fn: 0 });
    kind.files++;
    kind.labels += labels.length;
    kind.tp += tp;
    kind.fp += extra.length;
    kind.fn += missed.length;
    score.files++;
    if (labels.length) score.filesWithSecrets++;
    score.labels += labels.length;
    score.tp += tp;
    score.fp += extra.length;
    score.fn += missed.length;
    for (const f of extra) {
      score.falsePositives.push({ path, line: f.range.start.line + 1, ruleId: f.ruleId, redacted: f.redacted ?? redact(text.slice(f.span.start, f.span.end)) });
    }
    for (const l of missed) {
      const why = dropped.filter((d) => d.line === l.line).map((d) => `${d.ruleId}: ${d.reason}`);
      score.falseNegatives.push({ path, line: l.line + 1, ruleId: '-', redacted: redactedAt(text, l), dropped: why.length ? why : undefined });
    }
  }
  score.precision = ratio(score.tp, score.tp + score.fp);
  score.recall = ratio(score.tp, score.tp + score.fn);
  score.f1 = score.precision + score.recall === 0 ? 0 : (2 * score.precision * score.recall) / (score.precision + score.recall);
  return score;
}

function pct(x: number): string {
  return x.toFixed(3);
}

export function formatScore(s: CorpusScore, verbose: boolean): string {
  const out: string[] = [];
  out.push(`corpus: ${s.files} files (${s.filesWithSecrets} with secrets), ${s.labels} labelled secrets`);
  out.push(`secret findings: TP ${s.tp}  FP ${s.fp}  FN ${s.fn}`);
  out.push(`precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
  out.push('');
  out.push(`${'kind'.padEnd(22)}${'files'.padStart(6)}${'labels'.padStart(8)}${'TP'.padStart(6)}${'FP'.padStart(6)}${'FN'.padStart(6)}`);
  const kinds = Object.entries(s.byKind).sort((a, b) => b[1].files - a[1].files || a[0].localeCompare(b[0]));
  for (const [kind, k] of kinds) {
    out.push(`${kind.padEnd(22)}${String(k.files).padStart(6)}${String(k.labels).padStart(8)}${String(k.tp).padStart(6)}${String(k.fp).padStart(6)}${String(k.fn).padStart(6)}`);
  }
  if (s.errors.length) {
    out.push('', 'errors:');
    for (const e of s.errors) out.push(`  ${e.path}: ${e.message}`);
  }
  if (verbose) {
    out.push('', `false positives (${s.falsePositives.length}):`);
    for (const m of s.falsePositives) out.push(`  ${m.path}:${m.line} ${m.ruleId} (${m.redacted})`);
    out.push('', `false negatives (${s.falseNegatives.length}):`);
    for (const m of s.falseNegatives) {
      out.push(`  ${m.path}:${m.line} ${m.ruleId} (${m.redacted})${m.dropped ? `  dropped: ${m.dropped.join('; ')}` : ''}`);
    }
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const dirAt = args.indexOf('--dir');
  const dir = dirAt >= 0 && args[dirAt + 1] ? args[dirAt + 1] : CORPUS_DIR;
  const started = Date.now();
  const score = await evaluateCorpus(dir);
  console.log(formatScore(score, verbose));
  console.log(`\nscanned in ${Date.now() - started} ms`);
}

if (process.argv[1] && /eval-corpus\.ts$/.test(process.argv[1])) {
  // `| head` closes the pipe early; that is not an error for a report
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  main().catch((err) => {
    console.error(err);
  });
}
