// Scores the reach rules (iam, agent, lifecycle) on the independent labelled corpus in test/corpus-reach.
//
//   npx tsx scripts/eval-reach.ts [--verbose]
//
// Labels: inline `^ iam` / `^ agent` / `^ lifecycle` marker lines (test/harness.ts format) under the
// line holding an over-broad grant, or a sidecar `<file>.labels` with `LINE:COL category` lines
// (1-based) where a marker line would break the file (a comment inside a heredoc JSON policy).
// Scoring is by line: a label is found when any finding of its category covers its line; a finding
// of a category that covers no label line of that category is a false positive, counted once per
// distinct line. Always exits 0: it measures, it does not gate.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from '../src/core/types';
import { expectationsOf, scanText } from '../test/harness';
import { corpusFiles, SIDECAR } from './eval-corpus';

const CORPUS_DIR = join(__dirname, '..', 'test', 'corpus-reach');
export const CATEGORIES = ['iam', 'agent', 'lifecycle'] as const;
export type Category = (typeof CATEGORIES)[number];

interface Label { line: number; category: Category }
interface Miss { path: string; line: number; ruleId: string; message: string }
export interface Score { labels: number; tp: number; fp: number; fn: number; falsePositives: Miss[]; falseNegatives: Miss[] }

function categoryOf(id: string): Category | undefined {
  const head = id.split('/')[0];
  return (CATEGORIES as readonly string[]).includes(head) ? (head as Category) : undefined;
}

function labelsOf(text: string, sidecar: string | undefined): Label[] {
  const labels: Label[] = [];
  for (const e of expectationsOf(text)) {
    const category = categoryOf(e.ruleId);
    if (category) labels.push({ line: e.line, category });
  }
  for (const raw of sidecar?.split('\n') ?? []) {
    const m = /^(\d+):(\d+)\s+([a-z]+)/.exec(raw.trim());
    const category = m && categoryOf(m[3]);
    if (m && category) labels.push({ line: Number(m[1]) - 1, category });
  }
  return labels;
}

function covers(f: Finding, line: number): boolean {
  return f.range.start.line <= line && line <= f.range.end.line;
}

function emptyScore(): Score {
  return { labels: 0, tp: 0, fp: 0, fn: 0, falsePositives: [], falseNegatives: [] };
}

export interface ReachEvaluation {
  files: number;
  filesWithLabels: number;
  scores: Record<Category, Score>;
  errors: string[];
}

export const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** Scans the corpus and scores each category by line. */
export async function evaluateReach(): Promise<ReachEvaluation> {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, emptyScore()])) as Record<Category, Score>;
  const files = corpusFiles(CORPUS_DIR);
  let filesWithLabels = 0;
  const errors: string[] = [];

  for (const file of files) {
    const path = relative(CORPUS_DIR, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');
    const sidecarPath = file + SIDECAR;
    const labels = labelsOf(text, existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : undefined);
    if (labels.length) filesWithLabels++;
    let findings: Finding[];
    try {
      findings = (await scanText(path, text)).findings;
    } catch (err) {
      errors.push(`${path}: ${(err as Error).message}`);
      findings = [];
    }
    for (const category of CATEGORIES) {
      const score = scores[category];
      const mine = findings.filter((f) => categoryOf(f.ruleId) === category);
      const labelLines = labels.filter((l) => l.category === category).map((l) => l.line);
      for (const line of labelLines) {
        score.labels++;
        if (mine.some((f) => covers(f, line))) score.tp++;
        else {
          score.fn++;
          score.falseNegatives.push({ path, line, ruleId: category, message: text.split('\n')[line]?.trim() ?? '' });
        }
      }
      const seen = new Set<number>();
      for (const f of mine) {
        if (labelLines.some((line) => covers(f, line))) continue;
        const line = f.range.start.line;
        if (seen.has(line)) continue;
        seen.add(line);
        score.fp++;
        score.falsePositives.push({ path, line, ruleId: f.ruleId, message: f.message });
      }
    }
  }

  return { files: files.length, filesWithLabels, scores, errors };
}

/** The scores as printed lines; with `verbose`, every false positive and miss. */
export function formatReach(r: ReachEvaluation, verbose: boolean): string[] {
  const { scores } = r;
  const out = [`reach corpus: ${r.files} files, ${r.filesWithLabels} with at least one label`];
  for (const category of CATEGORIES) {
    const s = scores[category];
    const precision = ratio(s.tp, s.tp + s.fp);
    const recall = ratio(s.tp, s.labels);
    out.push(
      `${category.padEnd(9)} labels ${String(s.labels).padStart(3)}  tp ${String(s.tp).padStart(3)}  fp ${String(s.fp).padStart(3)}  fn ${String(s.fn).padStart(3)}  precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}`,
    );
  }
  if (verbose) {
    for (const category of CATEGORIES) {
      const s = scores[category];
      for (const m of s.falsePositives) out.push(`FP ${m.path}:${m.line + 1} ${m.ruleId} ${m.message}`);
      for (const m of s.falseNegatives) out.push(`FN ${m.path}:${m.line + 1} ${m.ruleId} (unflagged: ${m.message})`);
    }
  }
  for (const e of r.errors) out.push(`error ${e}`);
  return out;
}

if (require.main === module) {
  evaluateReach()
    .then((r) => console.log(formatReach(r, process.argv.includes('--verbose')).join('\n')))
    .catch((err) => console.error(err))
    .finally(() => process.exit(0));
}
