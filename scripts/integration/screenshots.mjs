// Takes the README's screenshots of the real workbench through the offline route:
// `node scripts/integration/screenshots.mjs` writes media/screenshot-*.png.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runOffline } from './offline.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'out', 'integration');
const MARKER = '\u2063KH SCREENSHOT ';

const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);
await build({
  entryPoints: { screenshots: join(root, 'test/integration/screenshots.ts') },
  outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', external: ['vscode', 'mocha'],
});
const workspace = mkdtempSync(join(tmpdir(), 'keyhole-screens-'));
cpSync(join(root, 'test/integration/workspace'), workspace, { recursive: true });
const code = await runOffline({
  extensionDevelopmentPath: root,
  extensionTestsPath: join(out, 'screenshots.js'),
  workspace,
  timeoutMs: 5 * 60_000,
  screenshot: join(out, 'screenshots-failure.png'),
  onLog: async (message, page) => {
    if (!message.startsWith(MARKER)) return;
    const file = join(root, 'media', `screenshot-${message.slice(MARKER.length).trim()}.png`);
    await page.screenshot({ path: file });
    process.stdout.write(`wrote ${file}\n`);
  },
});
rmSync(workspace, { recursive: true, force: true });
process.exit(code);
