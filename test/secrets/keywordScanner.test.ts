import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeywordScanner } from '../../src/core/secrets/keywordScanner';

/** Every start offset of `word` in `text`, ignoring ASCII case, by brute force. */
function naive(text: string, word: string): number[] | undefined {
  const out: number[] = [];
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  for (let i = lower.indexOf(word); i !== -1; i = lower.indexOf(word, i + 1)) out.push(i);
  return out.length ? out : undefined;
}

test('finds every occurrence of every keyword, overlapping ones included, in any ASCII case', () => {
  const keywords = ['ghp_', 'hp_', 'sk-ant-', 'sk-', 'aaa', 'a', '://', 'password='];
  const scanner = new KeywordScanner(keywords);
  const text = 'GHP_x sk-ANT-api03 aaaa https://x PASSWORD=1 Password=2 sk-sk-';
  const hits = scanner.scan(text);
  keywords.forEach((k, i) => assert.deepEqual(hits[i], naive(text, k), k));
});

test('agrees with brute force on random text', () => {
  const alphabet = 'abAB_-:/xyz';
  const keywords = ['ab', 'ba', 'a_b', 'xx', 'b-a', ':/', 'zzz'];
  const scanner = new KeywordScanner(keywords);
  for (let n = 0; n < 200; n++) {
    let text = '';
    for (let i = 0; i < 60; i++) text += alphabet[Math.floor(Math.random() * alphabet.length)];
    const hits = scanner.scan(text);
    keywords.forEach((k, i) => assert.deepEqual(hits[i], naive(text, k), `${k} in ${text}`));
  }
});

test('offsets stay exact after characters whose lower case is longer', () => {
  const scanner = new KeywordScanner(['ghp_']);
  const text = 'İİİ token: ghp_abc';
  assert.deepEqual(scanner.scan(text)[0], [text.indexOf('ghp_')]);
});

test('rejects keywords outside ASCII', () => {
  assert.throws(() => new KeywordScanner(['clé']));
});
