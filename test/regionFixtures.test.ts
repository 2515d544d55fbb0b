// Markdown and notebook fixtures through the real engine: findings inside fences, cells and
// outputs must land on the marked characters of the original file.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertFixture } from './harness';

const dir = join(import.meta.dirname, 'fixtures', 'regions');

for (const name of readdirSync(dir)) {
  test(`fixture regions/${name}`, () => assertFixture(join(dir, name)));
}
