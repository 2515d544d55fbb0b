import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAnchors } from '../../src/core/secrets/generic/anchors';

const anchors = (text: string, quoted = true) => findAnchors({ text }, quoted);

test('an anchor is the offset of the keyword in the original text, also after characters that lower-case to two', () => {
  // `İ` lower-cases to two characters: offsets into a lower-cased copy drift by one after each.
  const text = '# İzmir İİ office\napi_key = "AbCdEf0123456789xyz"\nconst dbPassword = "Pw-9xq-Zk3r-77"\n';
  assert.deepEqual(anchors(text), [text.indexOf('key ='), text.indexOf('Password')]);
});

test('one anchor per name: keywords inside a name already looked at are skipped', () => {
  const text = 'const dbPasswordToken = "Pw-9xq-Zk3r-77"\nconst authToken = "tk-live-0a9s8d7f6g"\n';
  assert.deepEqual(anchors(text), [text.indexOf('Password'), text.indexOf('authToken')]);
});

test('a non-ASCII letter the keyword pass folds onto an ASCII one makes no anchor', () => {
  // `ë` (U+00EB) folds onto `k` in the pass: `tokën` reads `token` there, not in the text.
  assert.deepEqual(anchors('tokën = "AbCdEf0123456789xyz"\n'), []);
  assert.deepEqual(anchors('token = "AbCdEf0123456789xyz"\n'), [0]);
});

test('a literal that is never a secret makes no anchor where values are quoted, and does where they are not', () => {
  const text = 'password = os.getenv("DB_HOST")\n';
  assert.deepEqual(anchors(text, true), []);
  assert.deepEqual(anchors(text, false), [text.indexOf('password')]);
});

test('anchors of a window of lines are those of the whole text that start in it', () => {
  const block = [
    'db_password =', '    "Pw-9xq-Zk3r-77"', 'token = os.environ.get("API_TOKEN",', '  "tk-live-0a9s8d7f6g")',
    '# secret: hunter2-but-longer', '"apiKey": "AbCdEf0123456789xyz",', 'auth(', "  'user', 'pa55word-Q')", 'İ plain = 1',
  ].join('\n');
  const text = Array.from({ length: 12 }, () => block).join('\n') + '\n';
  const whole = anchors(text);
  assert.ok(whole.length > 40);
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  for (let i = 0; i < lineStarts.length; i += 5) {
    for (const span of [3, 11]) {
      const from = lineStarts[i];
      const to = lineStarts[Math.min(lineStarts.length - 1, i + span)];
      assert.deepEqual(findAnchors({ text }, true, from, to), whole.filter((a) => a >= from && a < to), `lines ${i}..${i + span}`);
    }
  }
});
