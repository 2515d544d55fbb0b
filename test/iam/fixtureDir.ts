// Registers one test per fixture file under test/fixtures/<area>/ (recursively); each file must produce
// exactly the findings its inline markers expect. Paths keep their layout (`.github/workflows/x.yml`,
// `.vscode/mcp.json`), since detectors of configuration files go by path.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertFixture } from '../harness';

export function fixtureDirTests(area: string, minimum: number): void {
  const dir = join(import.meta.dirname, '..', 'fixtures', area);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  test(`${area} fixtures: at least ${minimum} files`, () => assert.ok(files.length >= minimum, `found ${files.length}`));
  for (const entry of files) {
    const file = join(entry.parentPath, entry.name);
    const display = `${area}/${file.slice(dir.length + 1)}`;
    test(`${area} fixture ${display}`, () => assertFixture(file, display));
  }
}
