import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectationsOf } from './harness';

test('fixture markers point at the line above them', () => {
  const e = expectationsOf('a = "x"\n#   ^ secret/generic-password\n');
  assert.deepEqual(e, [{ line: 0, column: 4, ruleId: 'secret/generic-password', confidence: undefined }]);
});
