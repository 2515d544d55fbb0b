// `npm run package`: builds and packs the extension into keyhole.vsix with @vscode/vsce, and checks its size.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 20 * 1024 * 1024;
const vsix = join(root, 'keyhole.vsix');

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run([join(root, 'scripts/build.mjs')]);
// Everything the extension needs is bundled into dist/, so node_modules stays out (--no-dependencies).
// vsce's own secret check stays on: the format samples live in test/, not in the bundles.
run([join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix]);
const size = statSync(vsix).size;
process.stdout.write(`keyhole.vsix: ${(size / 1024 / 1024).toFixed(1)} MB\n`);
if (size > MAX_BYTES) {
  process.stderr.write(`keyhole.vsix is larger than ${MAX_BYTES / 1024 / 1024} MB; check .vscodeignore\n`);
  process.exit(1);
}
