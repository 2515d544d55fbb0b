// Runs every test/**/*.test.ts with node's test runner (through tsx), after making sure the build exists.
//   node scripts/run-tests.mjs [path-substring...] [--test-name-pattern=...]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'dist', 'grammars'))) {
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

function collect(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'integration') continue;
    if (statSync(p).isDirectory()) collect(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

// Arguments starting with `--` go to node's test runner (`--test-name-pattern=...`); the rest filter test files by path.
const args = process.argv.slice(2);
const options = args.filter((a) => a.startsWith('--'));
const filter = args.filter((a) => !a.startsWith('--'));
const files = collect(join(root, 'test')).filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)));
// With no file, node would discover tests on its own, anywhere under the root (bench/work included).
if (files.length === 0) {
  process.stderr.write(`no test file matches ${filter.join(', ')}\n`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...options, ...files], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
