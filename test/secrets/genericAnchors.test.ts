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

test('a name whose whole value is a literal the report refuses silently makes no anchor; one it judges or tells about does', () => {
  const refused = [
    'const apiKey = "https://api.github.com/v1";\n', // a URL without credentials
    'token: "GITHUB_SHA",\n', // an environment variable's name
    '  "secretKey": "Type it below",\n', // natural language
    'db_password = "./config/db.txt"  # read at start-up\n', // a file path
  ];
  for (const text of refused) assert.deepEqual(anchors(text), [], text);
  const judged = [
    'const apiKey = "AbCdEf0123456789xyzQ";\n', // random enough: judged
    'token: "Bearer AbCdEf0123456789xyzQ",\n', // a part of it (after the scheme) is judged
    '  "secretKey": "xxxxxxxxxxxxxxxx",\n', // a placeholder: the report tells why it is dropped
    'const apiKey = "https://api.github.com/v1" + suffix;\n', // not the whole value
    'const stripePublishableKey = "https://api.github.com/v1";\n', // a public key name: the report tells
  ];
  for (const text of judged) assert.equal(anchors(text).length, 1, text);
});

test('a literal after a comma outside the brackets opened since a name is not its value', () => {
  assert.deepEqual(anchors('defineInjectable({ token: PlatformRef, factory: "platform" });\n'), []);
  assert.deepEqual(anchors('import { InjectionToken, Type } from "@angular/core";\n'), []);
  assert.deepEqual(anchors('def connect(host, password=None, user="deploy-bot-42"):\n'), []);
  // Still anchors: more targets of one assignment, a comma inside a call, and a quoted name bound by its comma.
  const kept = [
    'signingKey, _ := hex.DecodeString("2c26b46b68ffc68ff99b453c1d30413413422d70")\n',
    'new NetworkCredential(user, "Zx8-kq2-Lm4");\n',
    'headers.set("Authorization", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");\n',
    '(user, password) = ("admin", "Zx8-kq2-Lm4")\n',
  ];
  for (const text of kept) assert.equal(anchors(text).length, 1, text);
});
