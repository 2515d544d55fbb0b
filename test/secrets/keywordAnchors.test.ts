import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScanContext } from '../../src/core/detector';
import { SECRET_FORMATS } from '../../src/core/secrets/formats';
import { token, type SecretFormat } from '../../src/core/secrets/format';
import { anchorKeyword, leadingLiteral } from '../../src/core/secrets/keywordAnchors';
import { createProviderDetector } from '../../src/core/secrets/providerDetector';
import { LineIndex } from '../../src/core/text';

test('leadingLiteral: the fixed text every match starts with, after lookbehinds and group openings', () => {
  assert.equal(leadingLiteral(token('ghp_[A-Za-z0-9]{36}').source), 'ghp_');
  assert.equal(leadingLiteral(String.raw`(?<=(?<![\w+.-])(?<scheme>[a-z]{1,20})):\/\/(?<user>[^:]{1,9}):`), '://');
  assert.equal(leadingLiteral(String.raw`(?<secret>sl\.[A-Za-z0-9_-]{40})`), 'sl.');
  assert.equal(leadingLiteral(String.raw`(?<secret>sk_live_)[a-z]{8}`), 'sk_live_');
  assert.equal(leadingLiteral(String.raw`ab+c`), 'ab', 'a repeated character ends the literal');
  assert.equal(leadingLiteral(String.raw`a[bc]d`), 'a');
});

test('leadingLiteral: nothing when a match may start otherwise', () => {
  assert.equal(leadingLiteral(String.raw`abc|def`), '', 'top-level alternative');
  assert.equal(leadingLiteral(String.raw`(?<secret>abc|def)x`), '', 'alternative in the opened group');
  assert.equal(leadingLiteral(String.raw`(?:abc)?def`), '', 'optional group');
  assert.equal(leadingLiteral(String.raw`(?:abc){0,2}def`), '', 'group that may repeat zero times');
  assert.equal(leadingLiteral(String.raw`ab?c`), 'a', 'optional character');
  assert.equal(leadingLiteral(String.raw`ab*c`), 'a');
  assert.equal(leadingLiteral(String.raw`ab{0,3}c`), 'a');
  assert.equal(leadingLiteral(String.raw`\d{3}abc`), '');
  assert.equal(leadingLiteral(String.raw`(?=abc)abc`), '', 'a lookahead is not skipped');
  assert.equal(leadingLiteral(String.raw`(?<![\w])[MNO][A-Za-z]{23}`), '');
  assert.equal(leadingLiteral(String.raw`(ab`), '', 'unbalanced');
});

test('anchorKeyword: the longest keyword that prefixes the literal, ignoring case', () => {
  assert.equal(anchorKeyword(token('AIza[\\w-]{35}').source, ['aiza', 'ai', 'google']), 'aiza');
  assert.equal(anchorKeyword(String.raw`(?<=(?<scheme>postgres)):\/\/(?<secret>x)`, ['postgres', '://']), '://');
  assert.equal(anchorKeyword(token('EAA[A-Za-z0-9]{90}').source, ['eaaa', 'meta']), undefined, 'a keyword longer than the literal proves nothing');
  assert.equal(anchorKeyword(token('[0-9a-f]{32}-us[0-9]').source, ['-us']), undefined);
});

test('catalogue formats with a fixed prefix are anchored on their own keyword', () => {
  const keywords = [...new Set(SECRET_FORMATS.flatMap((f) => f.keywords))];
  const anchorOf = (id: string) => anchorKeyword(SECRET_FORMATS.find((f) => f.id === id)!.pattern.source, keywords);
  assert.equal(anchorOf('github-pat-classic'), 'ghp_');
  assert.equal(anchorOf('airtable-pat'), 'pat');
  assert.equal(anchorOf('url-basic-auth'), '://');
  assert.equal(anchorOf('postgres-url-password'), '://');
  assert.equal(anchorOf('segment-write-key'), undefined);
});

function context(text: string, generated = false): ScanContext {
  return { path: 'sample.txt', language: 'text', text, lines: new LineIndex(text), lower: text.toLowerCase(), tree: null, generated };
}

const TEST_FORMAT: SecretFormat = {
  id: 'acme-token', title: 'Acme token', provider: 'Acme', keywords: ['acme_'],
  pattern: token('acme_[a-z0-9]{16}'), structure: 'test', severity: 'high',
  docsUrl: 'https://example.com', rotationUrl: 'https://example.com', tags: ['OWASP-NHI2'],
};
const VALUE = 'acme_k3j9x2m7q4w8z1v6';

test('an anchored format finds tokens at every occurrence of its prefix, not inside longer words', () => {
  const detector = createProviderDetector([TEST_FORMAT]);
  const values = (text: string) => detector.detect(context(text)).map((f) => text.slice(f.valueSpan!.start, f.valueSpan!.end));
  // A minified line: filler with many near-misses, two real tokens far apart.
  const filler = 'var a=acme_;b=ACME_x;c=xacme_k3j9x2m7q4w8z1v6;'.repeat(2000);
  const line = `${filler}t="${VALUE}";${filler}u='acme_p0o9i8u7y6t5r4e3'`;
  assert.deepEqual(values(line), [VALUE, 'acme_p0o9i8u7y6t5r4e3']);
  assert.deepEqual(values(`x${VALUE}`), [], 'preceded by a word character');
  assert.deepEqual(values(`${VALUE}x`), [], 'followed by a word character');
  assert.deepEqual(values(`a\n${VALUE}\nb`), [VALUE], 'at a line start');
});

test('a required context missing from a window skips it; present within reach of a value, the value is reported', () => {
  const format: SecretFormat = {
    ...TEST_FORMAT, id: 'acme-secret', keywords: ['acme'], structure: undefined,
    pattern: token('[a-f0-9]{24}'), context: { pattern: /zeta_secret/i, lines: 1, required: true, what: 'a Zeta secret name' },
  };
  const detector = createProviderDetector([format]);
  const hex = '9f8e7d6c5b4a39281706f5e4';
  const found = (text: string) => detector.detect(context(text)).length;
  assert.equal(found(`acme = "${hex}"`), 0);
  assert.equal(found(`# ZETA_SECRET below\nacme = "${hex}"`), 1);
  // The keyword's window ends at the value's line; the context word lies one line further, still within the value's reach.
  assert.equal(found(`acme\n"${hex}"\nzeta_secret`), 1);
  assert.equal(found(`acme\n"${hex}"\n\nzeta_secret`), 0, 'two lines away is out of reach');
  assert.equal(found(`zeta_secret\n\n\nacme = "${hex}"`), 0);
});
