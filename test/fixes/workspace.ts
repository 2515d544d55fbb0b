// Fix cases: a small workspace before and after `keyhole fix`, in one text file (a real `.env` or
// `.gitignore` inside the repository would be git-ignored or act as one). Format:
//
//   # what the case shows
//   --- before src/app.py
//   <file text>
//   --- after src/app.py
//   <file text>
//   --- after .env
//   <file text>
//
// Every file the fixes change or create must have an `after` section; a file without one must stay
// as it was. Each section's text runs to the line before the next header.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Node } from 'web-tree-sitter';
import { isGitIgnored, parseDotenv } from '../../src/core/fixes/env';
import { planFixes, type FixPlan } from '../../src/core/fixes/plan';
import { detectLanguage, isTreeLanguage } from '../../src/core/lang/languages';
import { splitRegions } from '../../src/core/regions';
import type { Finding } from '../../src/core/types';
import { nodeWasmSource } from '../../src/node/wasmSource';
import { ParserHost } from '../../src/parsing/parserHost';
import { scanText } from '../harness';

export interface FixCase {
  comment: string;
  before: Map<string, string>;
  after: Map<string, string>;
}

const HEADER = /^--- (before|after) (\S+)$/;

export function parseCase(text: string): FixCase {
  const c: FixCase = { comment: '', before: new Map(), after: new Map() };
  let current: { side: 'before' | 'after'; path: string; lines: string[] } | undefined;
  const flush = () => {
    if (current) c[current.side].set(current.path, current.lines.join('\n'));
  };
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const m = HEADER.exec(line);
    if (m) {
      flush();
      current = { side: m[1] as 'before' | 'after', path: m[2], lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else {
      c.comment += `${line}\n`;
    }
  }
  flush();
  // Each section ends with its last line's break.
  for (const side of [c.before, c.after]) for (const [p, t] of side) side.set(p, t === '' ? '' : `${t}\n`);
  return c;
}

export function formatCase(c: FixCase): string {
  let out = c.comment;
  for (const [side, files] of [['before', c.before], ['after', c.after]] as const) {
    for (const [path, text] of files) out += `--- ${side} ${path}\n${text}`;
  }
  return out;
}

export interface CaseRun {
  findings: { finding: Finding; text: string }[];
  plan: FixPlan;
  files: Map<string, string>;
}

/** Scans every `before` file that git does not ignore (as `keyhole fix` does) and plans the preferred fix of every secret finding. */
export async function runCase(before: Map<string, string>): Promise<CaseRun> {
  const findings: { finding: Finding; text: string }[] = [];
  for (const [path, text] of before) {
    if (isGitIgnored(before.get('.gitignore'), path)) continue;
    const r = await scanText(path, text);
    for (const finding of r.findings) if (finding.category === 'secret') findings.push({ finding, text });
  }
  const plan = planFixes(findings.map(({ finding, text }) => ({ finding, doc: { path: finding.path, text } })), { read: (p) => before.get(p) });
  const files = new Map(before);
  for (const f of plan.files) files.set(f.path, f.after);
  return { findings, plan, files };
}

const host = new ParserHost(nodeWasmSource());

function errorNodes(node: Node): number {
  let n = node.isError || node.isMissing ? 1 : 0;
  for (const child of node.children) if (child) n += errorNodes(child);
  return n;
}

/** ERROR and MISSING nodes over the regions of a file that have a grammar (notebooks must also stay JSON). */
export async function syntaxErrors(path: string, text: string): Promise<number> {
  const language = detectLanguage(path);
  let total = 0;
  if (language === 'notebook') {
    try {
      JSON.parse(text);
    } catch {
      total += 1000;
    }
  }
  for (const region of splitRegions(text, language)) {
    if (!isTreeLanguage(region.language)) continue;
    const { tree } = await host.parse(region.language, region.text);
    if (!tree) continue;
    total += errorNodes(tree.rootNode);
    tree.delete();
  }
  return total;
}

/** The checks every fix must pass, on a case's workspace after the plan ran. */
export async function assertFixed(name: string, before: Map<string, string>, run: CaseRun): Promise<void> {
  const gitignore = run.files.get('.gitignore');
  const env = parseDotenv(run.files.get('.env') ?? '');
  for (const { finding, text } of run.findings) {
    const where = `${name}: ${finding.path}:${finding.range.start.line + 1} ${finding.ruleId}`;
    const after = run.files.get(finding.path)!;
    if (isGitIgnored(gitignore, finding.path)) {
      assert.equal(after, text, `${where}: a git-ignored file keeps its content`);
      continue;
    }
    // The rescan no longer reports the finding.
    const again = await scanText(finding.path, after);
    assert.deepEqual(again.findings.filter((f) => f.category === 'secret').map((f) => `${f.ruleId}@${f.range.start.line + 1}`), [], `${where}: rescan is clean`);
    // The value sits in .env exactly once.
    const v = finding.valueSpan ?? finding.span;
    const raw = text.slice(v.start, v.end);
    const holding = env.filter((e) => e.value === raw || (raw.length >= 8 && e.value.includes(raw)) || e.value.includes(decoded(raw)) || e.value === joinedLiterals(raw));
    assert.ok(holding.length >= 1, `${where}: the value is stored in .env (entries: ${env.map((e) => e.name).join(', ')})`);
    // Once, apart from names a tool requires (TF_VAR_x, a lookup's own variable), which may repeat a value.
    assert.ok(holding.filter((e) => !requiredName(e.name, before)).length <= 1 || holding.length === 1, `${where}: the value is stored once (${holding.map((e) => e.name).join(', ')})`);
  }
  for (const [path, text] of run.files) {
    const old = before.get(path);
    if (old === undefined || old === text) continue;
    assert.ok(await syntaxErrors(path, text) <= await syntaxErrors(path, old), `${name}: ${path} still parses`);
  }
  if (run.files.has('.env')) assert.ok(isGitIgnored(gitignore, '.env'), `${name}: .env is git-ignored`);
}

/** A name a tool or the code itself reads (TF_VAR_x, AWS_ACCESS_KEY_ID, a variable the file already named). */
function requiredName(name: string, before: Map<string, string>): boolean {
  return /^(?:TF_VAR_|NOMAD_VAR_|ORG_GRADLE_PROJECT_|AWS_|AZURE_)|__/.test(name) || [...before.values()].some((t) => new RegExp(`\\b${name}\\b`).test(t));
}

function decoded(raw: string): string {
  try {
    return JSON.parse(`"${raw.replace(/"/g, '\\"')}"`) as string;
  } catch {
    return raw;
  }
}

/** `"pa" + "ss"` → `pass` (a secret split over concatenated literals). */
function joinedLiterals(raw: string): string {
  return [...raw.matchAll(/"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'/g)].map((m) => m[1] ?? m[2]).join('');
}

export function readCase(file: string): FixCase {
  return parseCase(readFileSync(file, 'utf8'));
}

export function writeCase(file: string, c: FixCase): void {
  writeFileSync(file, formatCase(c));
}
