// Shared test helpers: a real engine over real grammars, and inline fixture expectations.
//
// Fixture format: a line whose content (after the language's comment marker) is `^ rule/id` marks
// an expected finding on the nearest line above that is not itself a marker line. The caret's
// column must fall inside the finding's range on that line. Several markers may stack. Every
// finding must be expected and every expectation found, so a fixture without markers asserts
// that the file produces no finding at all. `^ rule/id validated` also checks the confidence;
// `^ secret` (a category alone) accepts any rule of that category.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../src/core/config';
import { Engine } from '../src/core/engine';
import { builtinDetectors } from '../src/core/registry';
import type { FileScanResult, Finding } from '../src/core/types';
import { nodeWasmSource } from '../src/node/wasmSource';
import { ParserHost } from '../src/parsing/parserHost';

const host = new ParserHost(nodeWasmSource());

export function makeEngine(config: ResolvedConfig = DEFAULT_CONFIG): Engine {
  return new Engine(builtinDetectors(config), host, config);
}

const defaultEngine = makeEngine();

export function scanText(path: string, text: string, engine = defaultEngine): Promise<FileScanResult> {
  return engine.scan({ path, text });
}

export interface Expectation {
  line: number;
  column: number;
  ruleId: string;
  confidence?: string;
}

const MARKER = /^(\s*(?:\/\/|#|;|--|<!--|\/\*|\*|%|')?\s*)\^\s+([a-z]+(?:\/[\w.-]+)*)(?:\s+(validated|context|heuristic))?\s*(?:-->|\*\/)?\s*$/;

export function expectationsOf(text: string): Expectation[] {
  const lines = text.split('\n');
  const out: Expectation[] = [];
  let target = -1;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const m = MARKER.exec(line);
    if (!m) {
      target = i;
      return;
    }
    out.push({ line: target, column: line.indexOf('^'), ruleId: m[2], confidence: m[3] });
  });
  return out;
}

/** `secret/github-pat` matches exactly; a bare category such as `secret` matches any rule in it. */
export function matchesRule(ruleId: string, expected: string): boolean {
  return expected.includes('/') ? ruleId === expected : ruleId.startsWith(`${expected}/`);
}

function describe(f: Finding): string {
  return `${f.ruleId} at ${f.range.start.line + 1}:${f.range.start.character + 1} (${f.confidence}) ${f.message}`;
}

/** Scans a fixture file and checks its findings against its inline markers, both ways. */
export async function assertFixture(file: string, displayPath = file, engine = defaultEngine): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const result = await scanText(displayPath, text, engine);
  const expected = expectationsOf(text);
  const unmatched = [...result.findings];
  const missing: Expectation[] = [];
  for (const e of expected) {
    const i = unmatched.findIndex((f) =>
      matchesRule(f.ruleId, e.ruleId) &&
      f.range.start.line <= e.line && e.line <= f.range.end.line &&
      (f.range.start.line < e.line || f.range.start.character <= e.column) &&
      (f.range.end.line > e.line || e.column < f.range.end.character) &&
      (!e.confidence || f.confidence === e.confidence));
    if (i === -1) missing.push(e);
    else unmatched.splice(i, 1);
  }
  const problems = [
    ...missing.map((e) => `missing ${e.ruleId}${e.confidence ? ` (${e.confidence})` : ''} at ${e.line + 1}:${e.column + 1}`),
    ...unmatched.map((f) => `unexpected ${describe(f)}`),
  ];
  assert.deepEqual(problems, [], `${file}:\n  ${problems.join('\n  ')}`);
}
