import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../src/core/config';
import { Engine, type TreeProvider } from '../src/core/engine';
import { jsonWindows } from '../src/core/jsonWindows';
import { changedSpan, type LiveMemory } from '../src/core/liveDocuments';
import { liveJsonWindows } from '../src/core/liveJsonWindows';
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

test('JSON windows keep, of an object of more than 32 members with an anchor of its own, its anchored members and the first 33', () => {
  const members = Array.from({ length: 60 }, (_, i) => `"Message_${i}": "Unexpected value ${i}."`);
  members.splice(45, 0, '"apiToken": "tk_9f8e7d6c5b4a3z2y1x0w"');
  const text = `{\n  ${members.join(',\n  ')}\n}`;
  const kept = squeezed(stream(text, [text.indexOf('apiToken')]));
  const expected = `{${[...members.slice(0, 33), '"apiToken": "tk_9f8e7d6c5b4a3z2y1x0w"'].join(',')}}`;
  assert.equal(kept, squeezed(expected));
  // 32 members or fewer: the walker may read any of them (a `name` key's sibling `value`), so all are kept.
  const small = `{ ${members.slice(40, 46).join(', ')} }`;
  assert.equal(squeezed(stream(small, [small.indexOf('apiToken')])), squeezed(small));
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
    `"messages": { ${Array.from({ length: 50 }, (_, i) => `"Unexpected_token_${i}": "Unexpected token ${i}."`).join(', ')}, "mailerPassword": "Mlr-Pw-2024!zq", "name": "RELAY_PASSWORD", "value": "Relay-Pw-Not-Paired-9" }`,
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
  for (const value of ['Pg-Orders-2024!x', 'S3cret-Deploy-Pw-77', 'Js0n-Smtp-Pw!', 'wkNhFdnXsiVpzz63FfkC', 'Mlr-Pw-2024!zq']) {
    assert.ok(reported.some((r) => r.includes(value)), `${value} is reported`);
  }
  // Not read: ciphertext, and a name/value pair among more than 32 keys (so every key must be in the parse).
  assert.ok(!reported.some((r) => r.startsWith('AgBy8') || r === 'Smtp-Relay-Pw-42' || r === 'Relay-Pw-Not-Paired-9'), reported.join(', '));
  // Only a small part of the file was parsed.
  assert.ok(parsed < total * 0.4, `${parsed} of ${total} characters parsed`);
});

/** A memory of one open document between two revisions, as `LiveDocuments` gives it; `next` is what this revision keeps. */
function memoryBetween(before: string, after: string, kept: Map<string, unknown>, next = new Map<string, unknown>()): LiveMemory {
  return {
    change: changedSpan(before, after),
    recall: <T>(key: string) => kept.get(key) as T | undefined,
    keep: (key, value) => void next.set(key, value),
    lowerAround: () => undefined,
  };
}

/** Services with secrets, and small objects whose insides are about as long as the size rule. */
function liveServices(count: number): string {
  const service = (i: number) => `  "service-${i}": {
    "image": "registry.example.com/orders/service-${i}:1.${i}.0",
    "replicas": ${i % 5},
    ${i % 3 === 1 ? '"password"' : '"passwordRef"'}: "vault:secret/data/orders#db_${i}",
    "limits": { "cpu": "500m", "mem": "${'9'.repeat(i % 6)}Mi" },
    // owner:  team-${i}
    "path": "dir\\ ", "glob": "/ *.json* /",
    "labels": { "team": "orders", "tier": "worker" }
  }`;
  return `{\n${Array.from({ length: count }, (_, i) => service(i)).join(',\n')}\n}\n`;
}

const anchorsOf = (text: string) => [...text.matchAll(/"password"|api_?key/gi)].map((m) => m.index);

test('an open document carries its JSON windows over an edit of plain characters or blanks, and only then', () => {
  const before = liveServices(6);
  const anchors = anchorsOf(before);
  // Windows the last revision kept; the marker end shows whether they were carried over.
  const marker = [{ start: 0, end: 7 }, { start: 200, end: before.length }];
  const moved = (delta: number) => [{ start: 0, end: 7 }, { start: 200, end: before.length + delta }];
  const revise = (after: string, newAnchors = anchorsOf(after), oldAnchors = anchors, windows = marker) => {
    const memory = memoryBetween(before, after, new Map([['jsonWindows', { text: before, anchors: oldAnchors, windows }]]));
    return liveJsonWindows(after, newAnchors, memory);
  };
  // Carried over (the marker moved), and right (the last revision's real windows moved are the fresh ones).
  const carried = (after: string) => {
    assert.deepEqual(revise(after), moved(after.length - before.length));
    assert.deepEqual(revise(after, anchorsOf(after), anchors, jsonWindows(before, anchors)), jsonWindows(after, anchorsOf(after)));
  };
  const edit = (at: number, remove: number, insert: string) => before.slice(0, at) + insert + before.slice(at + remove);
  const image = before.indexOf('orders/service-1:');
  const indent = before.indexOf('    "replicas": 1');
  // A letter typed or deleted amid a string's word, a blank amid indentation: moved.
  assert.ok(image > 200);
  carried(edit(image + 2, 0, 'x'));
  carried(edit(image + 2, 1, ''));
  carried(edit(indent + 2, 1, ''));
  // At either end of a word or number: the string or the number grows or shrinks.
  const version = before.indexOf(':1.1.0"', image) + 6;
  carried(edit(version, 0, 'x'));
  carried(edit(version - 1, 1, ''));
  const word = before.lastIndexOf('"registry', image) + 1;
  carried(edit(word, 0, 'x'));
  carried(edit(word, 1, ''));
  const replicas = before.indexOf('"replicas": 1,', image) + 12;
  carried(edit(replicas, 0, '7'));
  carried(edit(replicas + 1, 0, '7'));
  // Unchanged text and anchors: the same windows.
  assert.equal(revise(before), marker);
  // Computed again: a quote, a letter next to a quote or after a line break, a letter turned blank,
  // an edit next to an anchor, anchors that do not move with the edit.
  const fresh = (after: string, newAnchors = anchorsOf(after), oldAnchors = anchors) => assert.deepEqual(revise(after, newAnchors, oldAnchors), jsonWindows(after, newAnchors));
  fresh(edit(image + 2, 0, '"'));
  fresh(edit(image + 2, 0, '\\'));
  fresh(edit(before.indexOf('"image"'), 0, 'x'));
  fresh(edit(indent, 0, 'x'));
  fresh(edit(image + 2, 1, ' '));
  const typed = edit(image + 2, 0, 'x');
  fresh(typed, [...anchorsOf(typed), image + 2].sort((a, b) => a - b), [...anchors, image + 2].sort((a, b) => a - b));
  fresh(typed, anchors);
  const blankAfterColon = before.indexOf('": "vault', image) + 2;
  const withAnchor = (at: number, list: number[]) => [...list, at].sort((a, b) => a - b);
  const joined = edit(blankAfterColon, 1, '');
  fresh(joined, withAnchor(blankAfterColon - 1, anchorsOf(joined)), withAnchor(blankAfterColon, anchors));
  fresh(edit(image + 2, 0, 'x'), anchorsOf(before).slice(1));
  // Blanks deleted or inserted between tokens: a window end before the edit stays, one after it moves.
  const colon = before.indexOf('": "vault', image);
  carried(edit(colon + 2, 1, ''));
  carried(edit(colon + 2, 0, '  '));
  carried(edit(colon + 3, 0, '\t'));
  // Around windows that end and start there: an emptied object's inside, a kept member after blanks.
  const labels = before.indexOf('"labels": { ', image) + 11;
  carried(edit(labels, 1, ''));
  carried(edit(labels, 0, '\t'));
  carried(edit(labels + 1, 0, ' '));
  const service = before.indexOf('"service-1"');
  carried(edit(service, 0, ' '));
  carried(edit(service - 1, 1, ''));
  // Computed again: blanks inserted where a window end could be either side, or next to a
  // backslash or a comment mark, or a line break typed amid blanks (it ends a comment).
  fresh(edit(colon + 1, 0, ' '));
  fresh(edit(before.indexOf('\\ "') + 1, 1, ''));
  fresh(edit(before.indexOf('/ *'), 0, ' '));
  fresh(edit(before.indexOf('/ *') + 1, 1, ''));
  fresh(edit(before.indexOf('* /') + 1, 1, ''));
  fresh(edit(before.indexOf(':  team') + 2, 0, '\n'));
  // A small object grown or shrunk across the size rule (its inside was 32 characters long).
  const limits = before.indexOf('"mem": "9999Mi"');
  assert.equal(before.indexOf('}', limits) - before.lastIndexOf('{', limits) - 1, 32);
  fresh(edit(limits + 9, 1, ''));
  carried(edit(limits + 9, 0, '9'));
});

test('an open JSON document edited at random gets the windows a fresh computation gives', () => {
  let text = liveServices(40);
  let kept = new Map<string, unknown>();
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let carried = 0;
  for (let step = 0; step < 600; step++) {
    let at = Math.floor(random() * text.length);
    const roll = random();
    // Mostly edits amid words and indentation (the carried-over case), some that change the syntax.
    if (roll < 0.7) while (at < text.length - 1 && !/[\w ]/.test(text[at])) at++;
    const insert = roll < 0.35 ? 'x' : roll < 0.45 ? ' ' : roll < 0.55 ? '' : ['"', '{', '}', ',', ':', '\n', '/*', '*/', '//', '\\', '9', 'x'][Math.floor(random() * 12)];
    const remove = insert === '' || random() < 0.3 ? 1 : 0;
    const after = text.slice(0, at) + insert + text.slice(at + remove);
    // Anchors mostly follow the text; sometimes one is missing.
    const anchors = anchorsOf(after);
    if (random() < 0.1) anchors.splice(Math.floor(random() * anchors.length), 1);
    const next = new Map<string, unknown>();
    const windows = liveJsonWindows(after, anchors, memoryBetween(text, after, kept, next));
    assert.deepEqual(windows, jsonWindows(after, anchors), `edit ${step}: ${JSON.stringify(insert)} at ${at}, ${remove} removed`);
    // Whether they were carried over: then windows the last revision did not compute come back moved.
    const last = kept.get('jsonWindows') as { text: string; anchors: number[] } | undefined;
    const unreal = [{ start: -10, end: -5 }];
    if (last && liveJsonWindows(after, anchors, memoryBetween(text, after, new Map([['jsonWindows', { ...last, windows: unreal }]])))[0].start === -10) carried++;
    kept = next;
    text = after;
  }
  // The comparison means something only if many windows were carried over.
  assert.ok(carried > 60, `${carried} of 600 carried over`);
});

test('carried-over JSON windows that end right after a number, or start right at one, are those a fresh computation gives', () => {
  const note = '"note": "a note long enough to keep the arrays above the size rule"';
  const before = `{\n  "first": [{ "password": "p4ss-Word-1", ${note} } 12, 34],\n  "second": [34, 56 { "password": "p4ss-Word-2", ${note} }]\n}\n`;
  const anchors = anchorsOf(before);
  const windows = jsonWindows(before, anchors);
  const afterNumber = before.indexOf(' 12,') + 3;
  const atNumber = before.indexOf(' 56 ') + 1;
  // The kept member `{…} 12` ends after the number; the kept member `56 {…}` starts at it.
  assert.ok(windows.some((w) => w.end === afterNumber) && windows.some((w) => w.start === atNumber));
  for (const [at, remove, insert] of [[afterNumber, 0, '7'], [afterNumber - 1, 1, ''], [atNumber, 0, '7'], [atNumber, 1, '']] as const) {
    const after = before.slice(0, at) + insert + before.slice(at + remove);
    const memory = memoryBetween(before, after, new Map([['jsonWindows', { text: before, anchors, windows }]]));
    assert.deepEqual(liveJsonWindows(after, anchorsOf(after), memory), jsonWindows(after, anchorsOf(after)), `${JSON.stringify(insert)} at ${at}`);
    // Carried over, not computed again: the last windows, moved, come back.
    const marked = memoryBetween(before, after, new Map([['jsonWindows', { text: before, anchors, windows: [{ start: 0, end: 1 }, { start: 2, end: before.length }] }]]));
    assert.deepEqual(liveJsonWindows(after, anchorsOf(after), marked), [{ start: 0, end: 1 }, { start: 2, end: after.length }]);
  }
});
