// Measures `keyhole fix` on a copy of the labelled corpus (test/corpus):
//
//   node scripts/build.mjs && npx tsx scripts/eval-fix.ts [--verbose] [--keep] [--reach]
//
// With --reach it runs on the reach corpus (test/corpus-reach) and counts the iam/agent/lifecycle
// findings that the narrowing fixes clear, per rule, and the findings that appear after them.
//
// Copies the corpus to a temporary folder, runs the built CLI (`keyhole fix .`), rescans, and reports:
// the share of secret findings cleared; whether any value was lost (every removed value must sit in
// the git-ignored .env, or stay in a file that is now git-ignored); and whether every changed file
// that has a grammar still parses without new ERROR/MISSING nodes (JSON, notebooks, Python,
// JavaScript and the rest). Values are never printed, only redacted.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { isGitIgnored, parseDotenv } from '../src/core/fixes/env';
import { decodeEscapes } from '../src/core/fixes/literals';
import { detectLanguage, isTreeLanguage } from '../src/core/lang/languages';
import { splitRegions } from '../src/core/regions';
import { redact } from '../src/core/text';
import type { Finding } from '../src/core/types';
import { nodeWasmSource } from '../src/node/wasmSource';
import { ParserHost } from '../src/parsing/parserHost';
import { makeEngine } from '../test/harness';

const root = join(__dirname, '..');
const verbose = process.argv.includes('--verbose');
const keep = process.argv.includes('--keep');
const reach = process.argv.includes('--reach');
const measured = (f: Finding) => (reach ? f.category !== 'secret' : f.category === 'secret');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (!name.endsWith('.labels')) out.push(p);
  }
  return out;
}

async function scanAll(dir: string, gitignore: string | undefined): Promise<{ findings: Finding[]; texts: Map<string, string> }> {
  const engine = makeEngine();
  const findings: Finding[] = [];
  const texts = new Map<string, string>();
  for (const abs of walk(dir)) {
    const rel = relative(dir, abs).split('\\').join('/');
    if (isGitIgnored(gitignore, rel)) continue;
    const text = readFileSync(abs, 'utf8');
    texts.set(rel, text);
    const r = await engine.scan({ path: rel, text });
    findings.push(...r.findings.filter(measured));
  }
  return { findings, texts };
}

const host = new ParserHost(nodeWasmSource());

function countErrors(node: Node): number {
  let n = node.isError || node.isMissing ? 1 : 0;
  for (const child of node.children) if (child) n += countErrors(child);
  return n;
}

/** ERROR/MISSING nodes over every region of the file that has a grammar; null when nothing parses it. */
async function syntaxErrors(path: string, text: string): Promise<number | null> {
  const language = detectLanguage(path);
  if (language === 'notebook') {
    try {
      JSON.parse(text);
    } catch {
      return 1000;
    }
  }
  let total: number | null = null;
  for (const region of splitRegions(text, language)) {
    if (!isTreeLanguage(region.language)) continue;
    const { tree } = await host.parse(region.language, region.text);
    if (!tree) continue;
    total = (total ?? 0) + countErrors(tree.rootNode);
    tree.delete();
  }
  return total;
}

(async () => {
  const work = mkdtempSync(join(tmpdir(), 'keyhole-fix-eval-'));
  cpSync(join(root, 'test', reach ? 'corpus-reach' : 'corpus'), work, { recursive: true });
  const before = await scanAll(work, undefined);
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(root, 'bin', 'keyhole.js'), 'fix', '.'], { cwd: work, encoding: 'utf8' });
  const elapsed = Date.now() - started;
  if (run.status === 2) throw new Error(`keyhole fix failed: ${run.stderr}`);
  const gitignore = existsSync(join(work, '.gitignore')) ? readFileSync(join(work, '.gitignore'), 'utf8') : undefined;
  const after = await scanAll(work, gitignore);
  const env = existsSync(join(work, '.env')) ? parseDotenv(readFileSync(join(work, '.env'), 'utf8')) : [];
  const envValues = env.map((e) => e.value);

  const remainingKeys = new Set(after.findings.map((f) => f.fingerprint));
  const cleared = before.findings.filter((f) => !remainingKeys.has(f.fingerprint));
  const lost: string[] = [];
  let inEnv = 0;
  let inIgnoredFile = 0;
  for (const f of reach ? [] : cleared) {
    const v = f.valueSpan ?? f.span;
    const raw = before.texts.get(f.path)!.slice(v.start, v.end);
    const joined = [...raw.matchAll(/"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'/g)].map((m) => decodeEscapes(m[1] ?? m[2])).join('');
    const candidates = [...new Set([raw, decodeEscapes(raw), safeJsonDecode(raw), raw.replace(/''/g, "'"), joined].filter(Boolean))];
    if (envValues.some((e) => candidates.some((c) => e === c || (c.length >= 8 && e.includes(c))))) {
      inEnv++;
      continue;
    }
    const file = join(work, f.path);
    if (isGitIgnored(gitignore, f.path) && existsSync(file) && readFileSync(file, 'utf8').includes(raw)) {
      inIgnoredFile++;
      continue;
    }
    lost.push(`${f.path}:${f.range.start.line + 1} ${f.ruleId} ${redact(raw)}`);
  }
  const duplicated = envValues.filter((v, i) => envValues.indexOf(v) !== i).length;

  const invalid: string[] = [];
  const checkedKinds = new Map<string, number>();
  for (const [path, text] of after.texts) {
    const old = before.texts.get(path);
    if (old === undefined || old === text) continue;
    const was = await syntaxErrors(path, old);
    const now = await syntaxErrors(path, text);
    if (now === null) continue;
    const kind = detectLanguage(path);
    checkedKinds.set(kind, (checkedKinds.get(kind) ?? 0) + 1);
    if (now > (was ?? 0)) invalid.push(`${path}: ${was} → ${now} error nodes`);
  }
  const changed = [...after.texts].filter(([p, t]) => before.texts.get(p) !== undefined && before.texts.get(p) !== t).length;

  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  if (reach) {
    const beforeKeys = new Set(before.findings.map((f) => f.fingerprint));
    const appeared = after.findings.filter((f) => !beforeKeys.has(f.fingerprint));
    console.log(`reach findings before: ${before.findings.length}; cleared by keyhole fix: ${cleared.length} (${pct(cleared.length, before.findings.length)}); new after the fixes: ${appeared.length}`);
    const rules = [...new Set(before.findings.map((f) => f.ruleId))].sort();
    for (const rule of rules) {
      const n = before.findings.filter((f) => f.ruleId === rule).length;
      console.log(`  ${rule}: ${cleared.filter((f) => f.ruleId === rule).length}/${n}`);
    }
    for (const f of appeared) console.log(`  NEW ${f.path}:${f.range.start.line + 1} ${f.ruleId}`);
    console.log(`files changed: ${changed}; with new syntax errors: ${invalid.length}; keyhole fix took ${elapsed} ms (exit ${run.status})`);
    for (const i of invalid) console.log(`  INVALID ${i}`);
    if (verbose) for (const f of after.findings) console.log(`  left ${f.path}:${f.range.start.line + 1} ${f.ruleId}`);
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    return;
  }
  console.log(`secret findings before: ${before.findings.length}`);
  console.log(`cleared by keyhole fix: ${cleared.length} (${pct(cleared.length, before.findings.length)}); remaining: ${after.findings.length}`);
  console.log(`  value moved to .env: ${inEnv}; file git-ignored (value kept in place): ${inIgnoredFile}; lost: ${lost.length}`);
  console.log(`.env entries: ${env.length}; values stored more than once: ${duplicated}`);
  console.log(`files changed: ${changed}; re-parsed: ${[...checkedKinds.values()].reduce((a, b) => a + b, 0)} (${[...checkedKinds].map(([k, n]) => `${k} ${n}`).join(', ')}); with new syntax errors: ${invalid.length}`);
  console.log(`keyhole fix took ${elapsed} ms (exit ${run.status})`);
  for (const l of lost) console.log(`  LOST ${l}`);
  for (const i of invalid) console.log(`  INVALID ${i}`);
  if (verbose) for (const f of after.findings) console.log(`  left ${f.path}:${f.range.start.line + 1} ${f.ruleId} ${f.redacted ?? ''}`);
  if (keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
})();

function safeJsonDecode(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
