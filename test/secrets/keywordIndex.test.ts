import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeywordSet } from '../../src/core/secrets/keywordIndex';
import { KeywordScanner } from '../../src/core/secrets/keywordScanner';

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
