// The bar the project is measured on: recall and precision of secret findings on an independent,
// labelled corpus (test/corpus, scored by scripts/eval-corpus.ts). The corpus is not tuned to
// the detectors; a failure here names a real gap or a real false positive (run the scorer with
// --verbose to list them, redacted).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateCorpus, formatScore, match } from '../scripts/eval-corpus';
import type { Finding } from '../src/core/types';

const BAR = 0.95;

test('secret detection reaches recall and precision of 0.95 on the independent corpus', async () => {
  const score = await evaluateCorpus();
  assert.ok(score.labels >= 200, `corpus too small: ${score.labels} labels`);
  const summary = formatScore(score, true);
  assert.ok(score.recall >= BAR, `recall ${score.recall.toFixed(3)} < ${BAR}\n${summary}`);
  assert.ok(score.precision >= BAR, `precision ${score.precision.toFixed(3)} < ${BAR}\n${summary}`);
});

function finding(startLine: number, startChar: number, endLine: number, endChar: number): Finding {
  return {
    ruleId: 'secret/x', category: 'secret', severity: 'high', confidence: 'context', message: '', path: 'p',
    range: { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } },
    span: { start: 0, end: 0 }, fingerprint: '', tags: [], evidence: [],
  };
}

test('the scorer pairs a label with the finding under its caret, else with one on its line', () => {
  const onCaret = finding(3, 10, 3, 40);
  const elsewhere = finding(3, 50, 3, 60);
  const multiLine = finding(7, 0, 12, 5);
  const r = match([{ line: 3, column: 12 }, { line: 3, column: 0 }, { line: 9, column: 4 }, { line: 20, column: 1 }], [elsewhere, onCaret, multiLine]);
  assert.equal(r.tp, 3);
  assert.deepEqual(r.missed, [{ line: 20, column: 1 }]);
  assert.deepEqual(r.extra, []);
  const fp = match([], [onCaret]);
  assert.equal(fp.extra.length, 1);
});
