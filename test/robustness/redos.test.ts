// Every regular expression of the provider catalogue checked for catastrophic backtracking by recheck.
// A pattern recheck calls vulnerable fails, unless the complexity is polynomial and the attack string,
// pumped to 50,000 characters, still runs in bounded time: bounded quantifiers ({0,300}) make such a
// pattern linear with a large constant, which recheck's step-count growth reads as polynomial.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, type Diagnostics } from 'recheck';
import { SECRET_FORMATS } from '../../src/core/secrets/formats';

// 1 s keeps the test near 50 s here; KEYHOLE_RECHECK_TIMEOUT_MS=2000 decides more patterns (about 90 s).
const PER_PATTERN_TIMEOUT_MS = Number(process.env.KEYHOLE_RECHECK_TIMEOUT_MS) || 1000;
const CONCURRENT_CHECKS = 3;
const ATTACK_LENGTH = 50_000;
const ATTACK_BUDGET_MS = 250;

interface CataloguePattern {
  where: string;
  regex: RegExp;
}

function cataloguePatterns(): CataloguePattern[] {
  const out: CataloguePattern[] = [];
  for (const f of SECRET_FORMATS) {
    out.push({ where: `${f.id}.pattern`, regex: f.pattern });
    if (f.context) out.push({ where: `${f.id}.context`, regex: f.context.pattern });
    if (f.paths) out.push({ where: `${f.id}.paths`, regex: f.paths });
  }
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.regex.toString()) && Boolean(seen.add(p.regex.toString())));
}

/** Milliseconds to run the pattern over recheck's attack string grown to ATTACK_LENGTH, as detectors do (global scan). */
function timeAttack(regex: RegExp, d: Diagnostics): number {
  if (d.status !== 'vulnerable') return 0;
  const { pumps, suffix } = d.attack;
  const unit = pumps.map((p) => p.prefix + p.pump).join('');
  const body = pumps.map((p) => p.prefix).join('') + pumps.map((p) => p.pump).join('').repeat(Math.ceil(ATTACK_LENGTH / Math.max(1, unit.length)));
  const input = body + suffix;
  const global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  const started = performance.now();
  while (global.exec(input)) if (global.lastIndex === 0) break;
  return performance.now() - started;
}

test('no catalogue regex is vulnerable to catastrophic backtracking (recheck)', { timeout: 300_000 }, async () => {
  const patterns = cataloguePatterns();
  assert.ok(patterns.length > 100, `expected the whole catalogue, got ${patterns.length} patterns`);
  const results: (CataloguePattern & { diagnostics: Diagnostics })[] = [];
  let next = 0;
  // recheck's timeout runs from the start of a check, so a few at a time keeps 2 cores from starving them.
  await Promise.all(Array.from({ length: CONCURRENT_CHECKS }, async () => {
    while (next < patterns.length) {
      const p = patterns[next++];
      results.push({ ...p, diagnostics: await check(p.regex.source, p.regex.flags, { timeout: PER_PATTERN_TIMEOUT_MS, randomSeed: 42 }) });
    }
  }));
  const counts = { safe: 0, vulnerable: 0, unknown: 0, boundedPolynomial: 0 };
  const failures: string[] = [];
  const unknown: string[] = [];
  for (const r of results) {
    const d = r.diagnostics;
    if (d.status === 'safe') counts.safe++;
    else if (d.status === 'unknown') {
      counts.unknown++;
      unknown.push(`${r.where}: ${d.error.kind}`);
    } else {
      counts.vulnerable++;
      const ms = timeAttack(r.regex, d);
      const polynomial = d.complexity.type === 'polynomial';
      if (polynomial && ms < ATTACK_BUDGET_MS) counts.boundedPolynomial++;
      else failures.push(`${r.where}: ${d.complexity.summary}, attack ${d.attack.pattern} took ${ms.toFixed(0)} ms at ${ATTACK_LENGTH} chars`);
    }
  }
  console.log(`recheck over ${patterns.length} patterns: ${JSON.stringify(counts)}`);
  if (unknown.length) console.log(`warning: recheck could not decide ${unknown.length} patterns (counted, not failed):\n  ${unknown.join('\n  ')}`);
  assert.deepEqual(failures, [], `vulnerable patterns:\n${failures.join('\n')}`);
});
