import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeywordSet } from '../src/core/keywordIndex';
import { LiveDocuments } from '../src/core/liveDocuments';
import { KeywordScanner } from '../src/core/secrets/keywordScanner';

/** The scanner leaves holes for words without hits; a set lists them as undefined. */
const dense = (hits: (number[] | undefined)[]) => Array.from(hits);

const TEXT = 'const DB_PASSWORD = process.env.PASS; // Pragma: keep\nsetToken(apiKey, "Bearer x")\npassword=1';

test('each set gets the hits of its own words, as a scanner of those words alone would find them', () => {
  const secrets = new KeywordSet(['password', 'pass', 'token', 'bearer']);
  const markers = new KeywordSet(['pragma', 'keyhole-', 'pass']);
  const holder = { text: TEXT };
  assert.deepEqual(secrets.hits(holder), dense(new KeywordScanner(secrets.words).scan(TEXT)));
  assert.deepEqual(markers.hits(holder), dense(new KeywordScanner(markers.words).scan(TEXT)));
  assert.equal(markers.any(holder), true);
  assert.equal(new KeywordSet(['keyhole-']).any(holder), false);
});

test('a set declared after a text was scanned still finds its words in that text', () => {
  const first = new KeywordSet(['const']);
  const holder = { text: TEXT };
  assert.deepEqual(first.hits(holder), [[0]]);
  const later = new KeywordSet(['settoken', 'apikey']);
  assert.deepEqual(later.hits(holder), [[TEXT.indexOf('setToken')], [TEXT.indexOf('apiKey')]]);
  assert.deepEqual(first.hits(holder), [[0]]);
});

test('each holder has its own hits', () => {
  const set = new KeywordSet(['token']);
  assert.deepEqual(set.hits({ text: 'a token' }), [[2]]);
  assert.deepEqual(set.hits({ text: 'none here' }), [undefined]);
});

test('words must be lower-case ASCII', () => {
  assert.throws(() => new KeywordSet(['Token']), /lower-case ASCII/);
  assert.throws(() => new KeywordSet(['clé']), /lower-case ASCII/);
});

test('any: a hit made of non-ASCII characters that fold onto the word does not count', () => {
  const set = new KeywordSet(['fullaccess']);
  // By their low 7 bits U+0166 reads as 'f' and U+00EC as 'l'.
  const folded = '\u0166u\u00ec\u00ecaccess';
  assert.ok(set.hits({ text: folded })[0], 'the pass reports a candidate');
  assert.equal(set.any({ text: folded }), false);
  assert.equal(set.any({ text: 'AmazonS3FullAccess' }), true);
  assert.equal(set.any({ text: 'full access' }), false);
});

test('has: one word of the set, like lower.includes(word)', () => {
  const set = new KeywordSet(['aws-cdk', 'accesskey']);
  const holder = { text: "import * as cdk from 'AWS-CDK-lib';" };
  assert.equal(set.has(holder, 'aws-cdk'), true);
  assert.equal(set.has(holder, 'accesskey'), false);
  assert.throws(() => set.has(holder, 'secretsmanager'), /not a word of this set/);
});

test('in an open document the hits, found again only on the lines an edit touched, equal a whole pass over the new text', () => {
  const words = new KeywordSet(['token', 'pass', 'gh auth', '://', 'key', 'scope']);
  const live = new LiveDocuments();
  let text = [
    'const token = "tk-live-0a9s8d7f6g"; // pass the key', 'gh auth refresh -s repo', 'url = "https://x.example/path"',
    'SCOPE=repo', 'İstanbul keyKEYkey', '', 'end',
  ].join('\n').repeat(4);
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pieces = ['\n', 'to', 'ken', 'k', 'ey', ' ', 'gh', ' auth', ':', '//', 'İ', '😀', 'PASS', ''];
  let redone = 0;
  for (let step = 0; step < 300; step++) {
    const revision = live.revise('doc', text, 'text', false);
    const holder = { text, live: revision.memory };
    assert.deepEqual(words.hits(holder), words.hits({ text }), `step ${step}`);
    if (revision.memory.change) redone++;
    // Edits that make and break words, join and split lines, at the start, the end and in between.
    const at = step % 17 === 0 ? 0 : step % 19 === 0 ? text.length : Math.floor(random() * text.length);
    const removed = Math.floor(random() * 4);
    text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at + removed);
  }
  assert.ok(redone > 250, `${redone} revisions redid the pass around their edit`);
});

test('in an open document, a word the text did not hold before an edit is found once the edit writes it', () => {
  const words = new KeywordSet(['ghp_', 'token', 'const', 'export']);
  const live = new LiveDocuments();
  // Typing a line at the end of a file that held neither `token` nor `ghp_`, then a line break and more.
  const texts = ['export const answer = 42;\n'];
  texts.push(`${texts[0]}const token = "ghp_abc";`, `${texts[0]}const token = "ghp_abc";\n`, `${texts[0]}const token = "ghp_abc";\nexport { token };\n`);
  for (const text of texts) {
    const revision = live.revise('doc', text, 'typescript', false);
    assert.deepEqual(words.hits({ text, live: revision.memory }), words.hits({ text }), JSON.stringify(text));
  }
});
