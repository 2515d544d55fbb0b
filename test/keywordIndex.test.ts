import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeywordSet } from '../src/core/keywordIndex';
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
