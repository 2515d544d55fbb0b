import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig, type ResolvedConfig } from '../src/core/config';
import { customRulesDetector } from '../src/core/customRules';
import type { ScanContext } from '../src/core/detector';
import { Engine } from '../src/core/engine';
import { builtinDetectors } from '../src/core/registry';
import { LineIndex } from '../src/core/text';

const KHTEST = { id: 'secret/custom-khtest', title: 'Keyhole test token', pattern: 'KHTEST_[A-Z0-9]{20}', keywords: ['khtest_'], severity: 'high' };
const WIDGET = {
  id: 'secret/acme/widget-key', title: 'Acme widget key', pattern: 'WIDGET-(?<secret>[a-f0-9]{32})', keywords: ['widget-'],
  severity: 'medium', description: 'Keys for the Acme widget API.',
};

function configOf(...customRules: object[]): ResolvedConfig {
  return parseConfig(JSON.stringify({ customRules }), 'test config');
}

function contextOf(text: string, path = 'app.ts', generated = false): ScanContext {
  return { path, language: 'typescript', text, lines: new LineIndex(text), lower: text.toLowerCase(), tree: null, generated };
}

function detect(text: string, config: ResolvedConfig, generated = false) {
  return customRulesDetector(config.customRules).detect(contextOf(text, 'app.ts', generated));
}

test('reports the whole match, or the secret group as the value', () => {
  const text = 'const a = "KHTEST_7Q2M9XK4ZT8RW3LN5VBP";\nconst b = "WIDGET-5f0c2a9e7b3d4168a2c9e0f7b6d31a48";\n';
  const found = detect(text, configOf(KHTEST, WIDGET));
  assert.deepEqual(found.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end), text.slice(f.valueSpan!.start, f.valueSpan!.end), f.severity, f.confidence]), [
    ['secret/custom-khtest', 'KHTEST_7Q2M9XK4ZT8RW3LN5VBP', 'KHTEST_7Q2M9XK4ZT8RW3LN5VBP', 'high', 'heuristic'],
    ['secret/acme/widget-key', 'WIDGET-5f0c2a9e7b3d4168a2c9e0f7b6d31a48', '5f0c2a9e7b3d4168a2c9e0f7b6d31a48', 'medium', 'heuristic'],
  ]);
  for (const f of found) {
    assert.ok(!f.message.includes('7Q2M9XK4') && !f.message.includes('5f0c2a9e'), 'no value in the message');
    assert.ok(!f.evidence.join(' ').includes('7Q2M9XK4') && !f.evidence.join(' ').includes('5f0c2a9e'), 'no value in the evidence');
  }
  assert.equal(found[0].message, 'Keyhole test token: matches the custom rule secret/custom-khtest from the workspace configuration.');
});

test('the pattern runs only when a keyword is present (case-insensitive)', () => {
  const rule = { id: 'secret/custom-zq', title: 'ZQ code', pattern: 'ZQ[0-9]{8}', keywords: ['ZQ-Service'], severity: 'low' };
  assert.deepEqual(detect('code = "ZQ48271930"', configOf(rule)), []);
  assert.equal(detect('# zq-service\ncode = "ZQ48271930"', configOf(rule)).length, 1);
});

test('placeholders and documentation values are skipped', () => {
  const text = [
    'a = "KHTEST_EXAMPLE0EXAMPLE0EXAM"',
    'c = "WIDGET-00000000000000000000000000000000"',
    'd = "WIDGET-0123456789abcdef0123456789abcdef"',
    'e = "KHTEST_FAKE0TOKEN0FOR0DOCS"',
    'f = "KHTEST_N5MTMO3OQSG5LO50DJZD"',
  ].join('\n');
  const found = detect(text, configOf(KHTEST, WIDGET));
  assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), ['KHTEST_N5MTMO3OQSG5LO50DJZD']);
});

test('the confidence the user sets, and generated files only for validated rules', () => {
  const text = '"KHTEST_7Q2M9XK4ZT8RW3LN5VBP"';
  assert.deepEqual(detect(text, configOf({ ...KHTEST, confidence: 'context' })).map((f) => f.confidence), ['context']);
  assert.deepEqual(detect(text, configOf(KHTEST), true), []);
  assert.deepEqual(detect(text, configOf({ ...KHTEST, confidence: 'validated' }), true).map((f) => f.confidence), ['validated']);
});

test('every match of a rule, across lines, and a detector reused across documents', () => {
  const detector = customRulesDetector(configOf(KHTEST).customRules);
  const text = 'x KHTEST_7Q2M9XK4ZT8RW3LN5VBP y KHTEST_H6D2QW9TZ4MX8RK3PL7N\nz KHTEST_UJZDE8GXD6NCF10EPF91';
  assert.equal(detector.detect(contextOf(text)).length, 3);
  assert.equal(detector.detect(contextOf(text)).length, 3, 'the regex state does not leak between scans');
  assert.equal(detector.detect(contextOf('no tokens here, khtest_ only as a word')).length, 0);
});

test('rule metadata comes from the configuration', () => {
  const detector = customRulesDetector(configOf(KHTEST, WIDGET).customRules);
  assert.deepEqual(detector.rules.map((r) => [r.id, r.title, r.category, r.severity, r.description, r.tags]), [
    ['secret/custom-khtest', 'Keyhole test token', 'secret', 'high', 'Keyhole test token (custom rule from the workspace configuration).', ['custom']],
    ['secret/acme/widget-key', 'Acme widget key', 'secret', 'medium', 'Keys for the Acme widget API.', ['custom']],
  ]);
  assert.ok(detector.rules.every((r) => r.docsUrl.startsWith('https://')));
});

test('registered with the built-in detectors, and redacted in findings', async () => {
  const config = configOf(KHTEST);
  const engine = new Engine(builtinDetectors(config), null, config);
  assert.ok(engine.rule('secret/custom-khtest'), 'the custom rule is known to the engine');
  const result = await engine.scan({ path: 'settings.py', text: 'API_TOKEN = "KHTEST_7Q2M9XK4ZT8RW3LN5VBP"\n' });
  const mine = result.findings.filter((f) => f.ruleId === 'secret/custom-khtest');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].redacted, 'KHTEST_…N5VBP');
  assert.deepEqual(mine[0].range, { start: { line: 0, character: 13 }, end: { line: 0, character: 40 } });
});
