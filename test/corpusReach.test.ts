// The reach rules' bar: precision and recall per category (iam, agent, lifecycle) on the labelled
// reach corpus (test/corpus-reach, written by labellers who did not read the detectors; scored by
// scripts/eval-reach.ts). A failure names a real gap or a real false alarm: run the scorer with
// --verbose to list them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORIES, evaluateReach, formatReach, ratio } from '../scripts/eval-reach';

const BAR = 0.95;

test('reach rules reach precision and recall of 0.95 per category on the labelled corpus', async () => {
  const r = await evaluateReach();
  const summary = formatReach(r, true).join('\n');
  assert.deepEqual(r.errors, [], summary);
  for (const category of CATEGORIES) {
    const s = r.scores[category];
    assert.ok(s.labels >= 25, `${category}: corpus too small (${s.labels} labels)`);
    assert.ok(ratio(s.tp, s.labels) >= BAR, `${category} recall ${ratio(s.tp, s.labels).toFixed(3)} < ${BAR}\n${summary}`);
    assert.ok(ratio(s.tp, s.tp + s.fp) >= BAR, `${category} precision ${ratio(s.tp, s.tp + s.fp).toFixed(3)} < ${BAR}\n${summary}`);
  }
});
