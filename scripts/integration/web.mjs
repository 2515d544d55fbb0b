// The web build in VS Code's web worker extension host (the host of vscode.dev and github.dev).
// Stages a copy of the extension whose manifest has only the `browser` entry: the web workbench then
// runs it in its web worker host (extension kind `web`), not in the server's Node host. The test
// module is bundled for the browser and placed inside the staged extension, because the workbench
// runs the tests in the host of the extension that contains them.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Files of the web extension at run time (the `browser` part of .vscodeignore). */
const WEB_FILES = ['dist/web', 'dist/grammars', 'media', 'syntaxes', 'schemas', 'README.md', 'LICENSE'];

/** Builds `<out>/web-extension/` from the built extension; returns its folder and the test entry's path relative to `out`. */
export async function stageWebExtension(root, out) {
  const staged = join(out, 'web-extension');
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(staged, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const rel of WEB_FILES) cpSync(join(root, rel), join(staged, rel), { recursive: true });
  const shim = (name) => join(root, 'test/integration-web/shims', name);
  await build({
    entryPoints: { index: join(root, 'test/integration-web/index.ts') },
    outdir: join(staged, 'test'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode'],
    alias: {
      'node:assert/strict': shim('assert.ts'),
      'node:util': shim('util.ts'),
      'node:zlib': shim('zlib.ts'),
      // Mocha's browser build, for the web runner and for ../integration/runMocha.ts (reached for its marker only).
      mocha: join(root, 'node_modules/mocha/mocha.js'),
    },
  });
  return { dir: staged, entry: 'web-extension/test/index.js' };
}
