import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../src/core/config';
import { Engine, type TreeProvider } from '../src/core/engine';
import { jsonWindows } from '../src/core/jsonWindows';
import { builtinDetectors } from '../src/core/registry';
import type { FileScanResult } from '../src/core/types';
import { nodeWasmSource } from '../src/node/wasmSource';
import { ParserHost } from '../src/parsing/parserHost';

/** What the parser reads: the text of the windows, one after the other. */
const stream = (text: string, anchors: number[]) => jsonWindows(text, anchors).map((w) => text.slice(w.start, w.end)).join('');
const squeezed = (s: string) => s.replace(/\s+/g, '');

const SERVICES = `{
  "logging": { "level": "info", "format": "json", "targets": ["stdout", "file"] },
  "database": { "host": "db.internal", "password": "Pg-Orders-2024!x", "pool": { "min": 2, "max": 20 } },
  "cache": { "host": "redis.internal", "port": 6379, "note": "a \\"quoted\\" brace { in a string" }
}`;

test('JSON windows keep the members around an anchor and empty the objects and arrays without one', () => {
  const at = SERVICES.indexOf('password');
  assert.equal(squeezed(stream(SERVICES, [at])), squeezed(`{
  "database": { "host": "db.internal", "password": "Pg-Orders-2024!x", "pool": { "min": 2, "max": 20 } }
}`));
  // An anchor in a key keeps its value whole (a `(user, password)` pair, a secret in pieces).
  const keyed = '{ "other": { "x": "a long enough value to be left out of the parse" }, "credentials": ["deploy-user-name", "S3cret-Deploy-Pw-77"] }';
  assert.equal(squeezed(stream(keyed, [keyed.indexOf('credentials')])), squeezed('{ "other": {}, "credentials": ["deploy-user-name", "S3cret-Deploy-Pw-77"] }'));
  // Brackets inside strings and comments are not structure.
  const tricky = '{ "a": { "s": "}}]] \\" {{", "t": "padding padding padding" }, // } a comment {\n "token": "abc" }';
  assert.equal(squeezed(stream(tricky, [tricky.indexOf('token')])), squeezed('{ "a": {}, // } a comment {\n "token": "abc" }'));
});

test('JSON windows keep every member of an object whose own keys or strings hold an anchor, and the commas between kept members', () => {
  const text = `[
  { "name": "LOG_LEVEL", "value": "debug", "extra": { "padding": "padding padding padding padding" } },
  { "name": "DB_PASSWORD", "value": "Pg-Orders-2024!x" },
  { "name": "REGION", "value": "eu-west-1" },
  { "name": "API_TOKEN", "value": "tk_9f8e7d6c5b4a3z2y1x0w" }
]`;
  const anchors = [text.indexOf('DB_PASSWORD'), text.indexOf('API_TOKEN')];
  assert.equal(squeezed(stream(text, anchors)), squeezed(`[
  { "name": "DB_PASSWORD", "value": "Pg-Orders-2024!x" },
  { "name": "API_TOKEN", "value": "tk_9f8e7d6c5b4a3z2y1x0w" }
]`));
  // An anchor in a comment between members keeps all of them.
  const commented = text.replace('{ "name": "REGION"', '// password rotation below\n  { "name": "REGION"');
  assert.equal(squeezed(stream(commented, [commented.indexOf('password rotation')])), '[{},{},//passwordrotationbelow{},{}]');
  assert.equal(
    squeezed(stream(commented, [commented.indexOf('password rotation'), commented.indexOf('API_TOKEN')])),
    '[{},{},//passwordrotationbelow{},{"name":"API_TOKEN","value":"tk_9f8e7d6c5b4a3z2y1x0w"}]',
  );
});

test('JSON windows close what is left open at the end, and keep everything when there is no anchor', () => {
  const open = '{ "a": { "x": "a long enough value to be left out of the parse" }, "b": { "password": "Pg-Orders-2024!x", "c": { "y": "another value long enough to be left out" },';
  assert.equal(squeezed(stream(open, [open.indexOf('password')])), '{"b":{"password":"Pg-Orders-2024!x","c":{},');
  assert.deepEqual(jsonWindows(SERVICES, []), [{ start: 0, end: SERVICES.length }]);
});

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'generic', name), 'utf8');

/** Settings shapes the generic walker reads around a value: sibling name/value keys, large objects, sections of ciphertext, pieces, pairs. */
function largeSettings(): string {
  const filler = (i: number) => `"service-${i}": { "image": "registry.example.com/orders/service-${i}:1.${i % 40}.0", "replicas": ${1 + (i % 5)}, "labels": { "team": "orders", "tier": "backend" } }`;
  const env = Array.from({ length: 40 }, (_, i) => `{ "name": "SETTING_${i}", "value": "value-${i}" }`);
  env.splice(7, 0, '{ "name": "DB_PASSWORD", "value": "Pg-Orders-2024!x" }');
  const wide = Array.from({ length: 40 }, (_, i) => `"key_${i}": "value-${i}"`);
  wide.splice(12, 0, '"name": "SMTP_PASSWORD"', '"value": "Smtp-Relay-Pw-42"');
  const members = [
    ...Array.from({ length: 60 }, (_, i) => filler(i)),
    `"appsettings": ${fixture('appsettings.json')}`,
    `"renovate": ${fixture('ciphertext/renovate.json')}`,
    `"env": [${env.join(',\n    ')}]`,
    `"wide": { ${wide.join(', ')} }`,
    '"sealed": { "spec": { "encryptedData": { "password": "AgBy8hCF8x3rW2Kq9LmN0pQ7sT1uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2oP4qR6sT8u" } } }',
    '"release": { "appSecretParts": ["wkNhFdnXsiVpzz63FfkC", "zJr4i0B3JrTAq8Lm2Xv9"], "credentials": ["deploy-bot", "S3cret-Deploy-Pw-77"] }',
    ...Array.from({ length: 60 }, (_, i) => filler(100 + i)),
  ];
  return `{\n  ${members.join(',\n  ')}\n}\n`;
}

function shown(r: FileScanResult) {
  return {
    findings: r.findings.map((f) => `${f.ruleId}@${f.span.start}-${f.span.end} ${f.confidence} ${f.message}`),
    dropped: (r.dropped ?? []).map((d) => `${d.ruleId}:${d.line}:${d.reason}`).sort(),
    skipped: r.skipped,
  };
}

test('a large JSON file parsed in windows reports what a parse of the whole file reports', async () => {
  const host = new ParserHost(nodeWasmSource());
  const detectors = builtinDetectors(DEFAULT_CONFIG);
  let parsed = 0;
  let total = 0;
  const windowed: TreeProvider = {
    parse: (language, text, documentKey, windows) => {
      total += text.length;
      parsed += windows ? windows.reduce((n, w) => n + w.endIndex - w.startIndex, 0) : text.length;
      return host.parse(language, text, documentKey, windows);
    },
  };
  const whole: TreeProvider = { parse: (language, text) => host.parse(language, text) };
  const text = largeSettings();
  assert.ok(text.length > 20 * 1024);
  const a = await new Engine(detectors, windowed, DEFAULT_CONFIG).scan({ path: 'config/services.json', text });
  const b = await new Engine(detectors, whole, DEFAULT_CONFIG).scan({ path: 'config/services.json', text });
  assert.deepEqual(shown(a), shown(b));
  const reported = a.findings.map((f) => text.slice(f.valueSpan?.start ?? f.span.start, f.valueSpan?.end ?? f.span.end));
  for (const value of ['Pg-Orders-2024!x', 'S3cret-Deploy-Pw-77', 'Js0n-Smtp-Pw!', 'wkNhFdnXsiVpzz63FfkC']) {
    assert.ok(reported.some((r) => r.includes(value)), `${value} is reported`);
  }
  // Not read: ciphertext, and a name/value pair among more than 32 keys (so every key must be in the parse).
  assert.ok(!reported.some((r) => r.startsWith('AgBy8') || r === 'Smtp-Relay-Pw-42'), reported.join(', '));
  // Only a small part of the file was parsed.
  assert.ok(parsed < total * 0.4, `${parsed} of ${total} characters parsed`);
});
