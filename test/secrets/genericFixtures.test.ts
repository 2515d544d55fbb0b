// Every fixture under test/fixtures/generic/ must produce exactly the findings its markers expect.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertFixture } from '../harness';

const dir = join(__dirname, '..', 'fixtures', 'generic');

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(folder, e.name)) : [join(folder, e.name)]);
}

const fixtures = files(dir);

test('the generic fixture folder is not empty', () => {
  assert.ok(fixtures.length >= 20, `found ${fixtures.length} fixtures`);
});

for (const file of fixtures) {
  const display = file.slice(dir.length + 1);
  test(`generic fixture ${display}`, () => assertFixture(file, display));
}
