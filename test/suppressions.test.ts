import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseConfig } from '../src/core/config';
import { customRulesDetector } from '../src/core/customRules';
import { Engine } from '../src/core/engine';
import { detectLanguage } from '../src/core/lang/languages';
import { coversRule, findSuppressions, formatSuppressionList, suppressionFor } from '../src/core/suppressions';
import { LineIndex } from '../src/core/text';
import type { Suppression } from '../src/core/types';
import { assertFixture, scanText } from './harness';

// Only the custom rules from this configuration run, so these tests do not depend on other detectors.
const config = parseConfig(JSON.stringify({
  customRules: [
    { id: 'secret/custom-khtest', title: 'Keyhole test token', pattern: 'KHTEST_[A-Z0-9]{20}', keywords: ['khtest_'], severity: 'high' },
    { id: 'secret/acme/widget-key', title: 'Acme widget key', pattern: 'WIDGET-(?<secret>[a-f0-9]{32})', keywords: ['widget-'], severity: 'medium' },
  ],
}), 'test config');
const engine = new Engine([customRulesDetector(config.customRules)], null, config);

const FIXTURES = join(import.meta.dirname, 'fixtures', 'suppressions');
const TOKENS = /KHTEST_[A-Z0-9]{20}|WIDGET-[a-f0-9]{32}/g;

for (const name of readdirSync(FIXTURES)) {
  test(`suppressions fixture ${name}`, async () => {
    const file = join(FIXTURES, name);
    await assertFixture(file, name, engine);
    // Every token is found: the ones not expected as findings were suppressed, not missed.
    const text = readFileSync(file, 'utf8');
    const result = await scanText(name, text, engine);
    assert.equal(result.findings.length + result.suppressed.length, text.match(TOKENS)?.length);
    assert.ok(result.suppressed.length > 0, 'the fixture suppresses something');
  });
}

/** Every case is parsed twice: searching the text, and reading the markers from the shared keyword pass (as the engine does). */
function parse(path: string, text: string): Suppression[] {
  const searched = findSuppressions(text, detectLanguage(path), path, new LineIndex(text));
  const fromPass = findSuppressions(text, detectLanguage(path), path, new LineIndex(text), { text });
  assert.deepEqual(fromPass, searched);
  return searched;
}

function summary(s: Suppression) {
  return { kind: s.kind, marker: s.marker, ruleIds: s.ruleIds, reason: s.reason, lines: [s.firstLine, s.lastLine] };
}

test('same-line, next-line and block markers with ids and reasons', () => {
  const text = [
    'const a = x; // keyhole-ignore secret/github-pat, secret/generic-password -- test fixture for the login form',
    '# not a comment in TypeScript: keyhole-ignore',
    '/* keyhole-ignore-next-line secret */',
    'const b = y;',
    '// keyhole-disable secret/ iam -- generated',
    'const c = z;',
    '// keyhole-enable',
    '// keyhole-disable',
    'const d = w;',
  ].join('\n');
  assert.deepEqual(parse('a.ts', text).map(summary), [
    { kind: 'ignore', marker: 'keyhole-ignore', ruleIds: ['secret/github-pat', 'secret/generic-password'], reason: 'test fixture for the login form', lines: [0, 0] },
    { kind: 'ignore-next-line', marker: 'keyhole-ignore-next-line', ruleIds: ['secret'], reason: undefined, lines: [3, 3] },
    { kind: 'disable-block', marker: 'keyhole-disable', ruleIds: ['secret/', 'iam'], reason: 'generated', lines: [4, 6] },
    { kind: 'disable-block', marker: 'keyhole-disable', ruleIds: [], reason: undefined, lines: [7, 8] },
  ]);
});

test('the range covers the marker and its arguments, not the comment close', () => {
  const [s] = parse('a.ts', 'x = 1; /* keyhole-ignore secret -- why */ y();');
  assert.deepEqual(s.range, { start: { line: 0, character: 10 }, end: { line: 0, character: 38 } });
  assert.equal(s.path, 'a.ts');
});

test('a next-line marker in a multi-line block comment covers the line after the comment', () => {
  const text = '/* keyhole-ignore-next-line -- reason\n   continues here */\nconst a = 1;\n';
  assert.deepEqual(parse('a.ts', text).map((s) => [s.firstLine, s.lastLine]), [[2, 2]]);
});

test('a marker must start a comment and not sit inside a string or prose', () => {
  const cases: [string, string][] = [
    ['a.ts', 'const s = "// keyhole-ignore";'],
    ['a.ts', "const s = '/* keyhole-disable */';"],
    ['a.ts', 'const s = `keyhole-ignore`; // see the keyhole-ignore docs'],
    ['a.py', 'x = "# keyhole-ignore"'],
    ['a.py', 'x = 1  # we never write keyhole-ignore in prose'],
    ['a.go', 'var s = `// keyhole-ignore`'],
    ['a.properties', 'password=hunter2 # keyhole-ignore'],
    ['a.yaml', 'key: "value # keyhole-ignore"'],
    ['a.ts', 'const glob = "src/**/*.ts";\nconst a = "gitleaks:allow";'],
    ['a.ts', 'const k = 1; // keyhole-ignored'],
    ['a.ts', 'const k = 1; // keyhole-ignore-this-line'],
  ];
  for (const [path, text] of cases) assert.deepEqual(parse(path, text), [], `${path}: ${text}`);
});

test('comment syntax of each language', () => {
  const cases: [string, string][] = [
    ['a.js', '// keyhole-ignore'], ['a.java', '/* keyhole-ignore */'], ['a.rs', '//! keyhole-ignore'],
    ['a.cs', '/// keyhole-ignore'], ['a.kt', 'val x = 1 // keyhole-ignore'], ['a.php', '# keyhole-ignore'],
    ['a.py', '#keyhole-ignore'], ['a.rb', '## keyhole-ignore'], ['a.sh', 'x=1 # keyhole-ignore'],
    ['a.yaml', 'k: v # keyhole-ignore'], ['a.toml', 'k = "v" # keyhole-ignore'], ['a.tf', '// keyhole-ignore'],
    ['a.tf', '# keyhole-ignore'], ['a.json', '"k": "v", // keyhole-ignore'], ['a.ini', 'k = v ; keyhole-ignore'],
    ['a.ini', '# keyhole-ignore'], ['a.properties', '! keyhole-ignore'], ['a.properties', '  # keyhole-ignore'],
    ['.env', 'K=v # keyhole-ignore'], ['Dockerfile', '# keyhole-ignore'], ['a.md', '<!-- keyhole-ignore -->'],
    ['a.sql', 'select 1; -- keyhole-ignore'], ['a.xml', '<k>v</k> <!-- keyhole-ignore-->'],
  ];
  for (const [path, text] of cases) assert.equal(parse(path, text).length, 1, `${path}: ${text}`);
  const wrongSyntax: [string, string][] = [['a.ts', '# keyhole-ignore'], ['a.py', '// keyhole-ignore'], ['a.yaml', '; keyhole-ignore']];
  for (const [path, text] of wrongSyntax) assert.equal(parse(path, text).length, 0, `${path}: ${text}`);
});

test('JSDoc continuation lines and multi-line HTML comments', () => {
  const ts = '/**\n * Fixture.\n * keyhole-ignore-next-line secret -- doc\n */\nconst a = 1;';
  assert.deepEqual(parse('a.ts', ts).map(summary), [
    { kind: 'ignore-next-line', marker: 'keyhole-ignore-next-line', ruleIds: ['secret'], reason: 'doc', lines: [4, 4] },
  ]);
  const md = '<!--\n  keyhole-disable secret -- sample output\n-->\ntext\n<!-- keyhole-enable -->\n';
  assert.deepEqual(parse('a.md', md).map((s) => [s.kind, s.firstLine, s.lastLine]), [['disable-block', 1, 4]]);
});

test('enable closes the blocks opened with the same ids; an unterminated block runs to the end', () => {
  const text = [
    '# keyhole-disable secret/a, secret/b', // 0
    '# keyhole-disable iam', // 1
    '# keyhole-enable secret/b secret/a', // 2
    'x = 1', // 3
    '# keyhole-enable secret/c', // 4: matches no open block
    'y = 2', // 5
  ].join('\n');
  assert.deepEqual(parse('a.py', text).map((s) => [s.ruleIds.join(' '), s.firstLine, s.lastLine]), [
    ['secret/a secret/b', 0, 2],
    ['iam', 1, 5],
  ]);
});

test('foreign markers cover every secret rule on their line or the next', () => {
  const text = [
    'a = "x"  # gitleaks:allow',
    'b = "x"  # pragma: allowlist secret',
    '# pragma: allowlist nextline secret',
    'c = "x"',
    'd = "x"  # secretlint-disable-line @secretlint/secretlint-rule-preset-recommend -- vendored',
    '# secretlint-disable-next-line',
    'e = "x"',
  ].join('\n');
  assert.deepEqual(parse('a.py', text).map(summary), [
    { kind: 'foreign', marker: 'gitleaks:allow', ruleIds: ['secret'], reason: undefined, lines: [0, 0] },
    { kind: 'foreign', marker: 'pragma: allowlist secret', ruleIds: ['secret'], reason: undefined, lines: [1, 1] },
    { kind: 'foreign', marker: 'pragma: allowlist nextline secret', ruleIds: ['secret'], reason: undefined, lines: [3, 3] },
    { kind: 'foreign', marker: 'secretlint-disable-line', ruleIds: ['secret'], reason: 'vendored', lines: [4, 4] },
    { kind: 'foreign', marker: 'secretlint-disable-next-line', ruleIds: ['secret'], reason: undefined, lines: [6, 6] },
  ]);
  assert.equal(suppressionFor('iam/wildcard-action', 0, parse('a.py', text)), undefined);
});

test('notebook cell sources: markers inside the JSON strings of cells', () => {
  const text = '{"cells": [{"source": [\n    "# keyhole-ignore-next-line secret -- demo key\\n",\n    "key = \\"x\\""\n  ]}]}';
  assert.deepEqual(parse('demo.ipynb', text).map(summary), [
    { kind: 'ignore-next-line', marker: 'keyhole-ignore-next-line', ruleIds: ['secret'], reason: 'demo key', lines: [2, 2] },
  ]);
});

test('rule ids, category prefixes and the all-rules form', () => {
  assert.ok(coversRule('secret/github-pat', 'secret/github-pat'));
  assert.ok(coversRule('secret', 'secret/github-pat'));
  assert.ok(coversRule('secret/', 'secret/github-pat'));
  assert.ok(coversRule('secret/acme', 'secret/acme/widget-key'));
  assert.ok(!coversRule('secret/github', 'secret/github-pat'));
  assert.ok(!coversRule('secret', 'iam/wildcard-action'));
  const [all] = parse('a.py', '# keyhole-ignore');
  assert.equal(suppressionFor('iam/anything', 0, [all]), all);
  assert.equal(suppressionFor('iam/anything', 1, [all]), undefined);
});

test('the suppression list for reviewers, flagging suppressions without a reason', () => {
  const a = parse('src/login.py', 'x = 1\n# keyhole-ignore-next-line secret/generic-password -- test fixture for the login form\npw = "x"\n');
  const b = parse('api/client.ts', 'const k = 1; // gitleaks:allow\n/* keyhole-disable */\n');
  assert.equal(formatSuppressionList([...a, ...b]), [
    'api/client.ts:1  gitleaks:allow            secret                   NO REASON',
    'api/client.ts:2  keyhole-disable           all rules                NO REASON',
    'src/login.py:2   keyhole-ignore-next-line  secret/generic-password  test fixture for the login form',
    '',
    '3 suppressions, 2 without a reason',
    '',
  ].join('\n'));
  assert.equal(formatSuppressionList([]), 'No suppressions.\n');
});

test('the engine reports suppressions and moves suppressed findings aside', async () => {
  const text = 'a = "KHTEST_7Q2M9XK4ZT8RW3LN5VBP"  # keyhole-ignore -- fixture\nb = "KHTEST_H6D2QW9TZ4MX8RK3PL7N"\n';
  const result = await scanText('app.py', text, engine);
  assert.deepEqual(result.findings.map((f) => f.range.start.line), [1]);
  assert.deepEqual(result.suppressed.map((f) => f.range.start.line), [0]);
  assert.deepEqual(result.suppressions.map((s) => s.reason), ['fixture']);
});

test('a large file without markers is cheap, and one with many markers stays linear', () => {
  const timed = (text: string, expected: number) => {
    const started = performance.now();
    assert.equal(parse('big.ts', text).length, expected);
    return performance.now() - started;
  };
  const plainMs = timed('const value = computeSomething(input); // ordinary comment\n'.repeat(50_000), 0);
  const markedMs = timed('const value = computeSomething(input); // keyhole-ignore secret -- reason\n'.repeat(20_000), 20_000);
  // Markers in strings are rejected after a bounded look back for an open block comment.
  const inStringsMs = timed('const note = "gitleaks:allow";\n'.repeat(20_000), 0);
  assert.ok(plainMs < 50, `no markers: ${plainMs.toFixed(1)} ms`);
  // Generous bounds: a quadratic scan of these 1.5 MB inputs takes many seconds.
  assert.ok(markedMs < 1000, `20,000 markers: ${markedMs.toFixed(1)} ms`);
  assert.ok(inStringsMs < 1000, `20,000 markers in strings: ${inStringsMs.toFixed(1)} ms`);
});
