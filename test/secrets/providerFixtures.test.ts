// Every file under test/fixtures/providers/ (code, config, Markdown, dotfiles, a lock file) must
// produce exactly the findings its inline markers expect.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertFixture } from '../harness';

const dir = join(import.meta.dirname, '..', 'fixtures', 'providers');
const fixtures = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

test('the provider fixtures cover many file kinds', () => {
  assert.ok(fixtures.length >= 12, `found ${fixtures.length} fixtures`);
});

for (const entry of fixtures) {
  const file = join(entry.parentPath, entry.name);
  const display = `providers/${file.slice(dir.length + 1)}`;
  test(`provider fixture ${display}`, () => assertFixture(file, display));
}
