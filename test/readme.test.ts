import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { README, renderReadme } from '../scripts/gen-docs';

test('the README rule catalogue matches the rules (run `npm run docs` after changing rules)', () => {
  const current = readFileSync(README, 'utf8');
  assert.equal(renderReadme(current), current);
});
