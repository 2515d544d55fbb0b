// `proves: false` (src/core/secrets/format.ts): a format whose validator never proves a value is not
// run in generated files, where only proven and structural matches are reported. The findings must
// be those of a scan that runs it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScanContext } from '../../src/core/detector';
import type { SecretFormat } from '../../src/core/secrets/format';
import { SECRET_FORMATS } from '../../src/core/secrets/formats';
import { createProviderDetector } from '../../src/core/secrets/providerDetector';
import { LineIndex } from '../../src/core/text';
import type { RawFinding } from '../../src/core/types';
import { githubToken } from '../tokens';
import { samplesOf } from './formatSamples';

function context(text: string, path: string, generated: boolean): ScanContext {
  return { path, language: 'javascript', text, lines: new LineIndex(text), lower: text.toLowerCase(), tree: null, generated };
}

const flagged = SECRET_FORMATS.filter((f) => f.proves === false);
const unflagged = (formats: readonly SecretFormat[]) => formats.map((f) => ({ ...f, proves: undefined }));
const withFlag = createProviderDetector(SECRET_FORMATS);
const withoutFlag = createProviderDetector(unflagged(SECRET_FORMATS));

const summary = (found: RawFinding[]) => found.map((f) => `${f.ruleId} ${f.span.start}-${f.span.end} ${f.confidence}`).sort();

/** A minified bundle: every positive sample of the flagged formats on one line, and a checksummed GitHub token. */
function bundle(): string {
  const samples = flagged.filter((f) => !f.paths).flatMap((f) => samplesOf(f.id).positives.map((s) => s.replace(/\r?\n/g, ';')));
  const pat = githubToken('Zx8cV7bN6mQ5wE4rT3yU2iO1pA9sD0');
  return `!function(e){var t={};${samples.map((s, i) => `t.k${i}=${JSON.stringify(s)}`).join(';')};t.gh="${pat}";e.exports=t}(module);`;
}

test('the flag is set on formats that can run without it: a host or alphabet check never proves', () => {
  assert.ok(flagged.length >= 20, `${flagged.length} flagged formats`);
  for (const f of flagged) {
    assert.ok(f.validate, `${f.id} has a validator`);
    assert.equal(f.structure, undefined, `${f.id}: a structural match is validated, the flag would not apply`);
  }
});

test('a minified bundle gives the same findings with and without the flag', () => {
  const text = bundle();
  const found = withFlag.detect(context(text, 'dist/app.min.js', true));
  assert.deepEqual(summary(found), summary(withoutFlag.detect(context(text, 'dist/app.min.js', true))));
  const ids = found.map((f) => f.ruleId);
  assert.ok(ids.includes('secret/github-pat-classic'), `the checksummed token is still found: ${ids.join(' ')}`);
  assert.ok(!ids.some((id) => flagged.some((f) => `secret/${f.id}` === id)), ids.join(' '));
  // The same text outside a generated file: the flagged formats do find their candidates there.
  const plain = withFlag.detect(context(text, 'src/app.js', false)).map((f) => f.ruleId);
  assert.ok(plain.length > 10 && plain.some((id) => flagged.some((f) => `secret/${f.id}` === id)), plain.join(' '));
});

test('every flagged format\'s positive samples, as generated files, give the same findings with and without the flag', () => {
  for (const f of flagged) {
    for (const sample of samplesOf(f.id).positives) {
      const path = samplesOf(f.id).path ?? 'sample.txt';
      assert.deepEqual(summary(withFlag.detect(context(sample, path, true))), summary(withoutFlag.detect(context(sample, path, true))), `${f.id}: ${path}`);
    }
  }
});

test('the flag on a format that proves its values would lose findings: the comparison can fail', () => {
  const wrong = SECRET_FORMATS.map((f) => (f.id === 'github-pat-classic' ? { ...f, proves: false as const } : f));
  const text = bundle();
  const found = createProviderDetector(wrong).detect(context(text, 'dist/app.min.js', true));
  assert.notDeepEqual(summary(found), summary(withoutFlag.detect(context(text, 'dist/app.min.js', true))));
});
