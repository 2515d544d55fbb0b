// Runs an extension test module inside the VS Code server shipped in code-server, driven by headless
// Chromium through playwright-core (see ../shared/docs/offline-vscode-host.md). No download at run time
// besides the one-time npm installs that provision.mjs caches outside the repository.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, provision } from './provision.mjs';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when this machine can use the offline route (Chromium present); provisioning happens on first use. */
export function offlineAvailable() {
  return Boolean(chromiumPath());
}

/** Installs a .vsix into an extensions folder with the server's own CLI. */
export async function installVsix(vsix, extensionsDir) {
  const { node, serverMain } = await provision();
  const r = spawnSync(node, [serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--install-extension failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Opens `workspace` in the web workbench with the extension under development and runs the test module.
 * Resolves with the exit code the test module reported.
 * @param {{ extensionDevelopmentPath: string, extensionTestsPath: string, workspace: string,
 *   extensionsDir?: string, timeoutMs?: number, screenshot?: string, keepScratch?: boolean,
 *   onLog?: (message: string, page: import('playwright-core').Page) => unknown, env?: Record<string, string> }} options
 */
export async function runOffline(options) {
  const { node, serverMain } = await provision();
  const browserPath = chromiumPath();
  if (!browserPath) throw new Error('Chromium not found (install the Debian package `chromium` or set KEYHOLE_CHROMIUM)');
  const { chromium } = await import('playwright-core');
  const scratch = mkdtempSync(join(tmpdir(), 'keyhole-vscode-'));
  const extensionsDir = options.extensionsDir ?? join(scratch, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  const port = await freePort();
  const onLog = options.onLog ?? ((message) => process.stdout.write(`${message}\n`));
  const serverLog = [];

  const server = spawn(node, [
    serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust', '--enable-smoke-test-driver',
    '--server-data-dir', join(scratch, 'server-data'), '--extensions-dir', extensionsDir,
  ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env }, detached: process.platform !== 'win32' });
  const stopServer = () => {
    if (server.exitCode !== null) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  };
  let browser;
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the VS Code server did not start within 60 s:\n${serverLog.join('')}`)), 60_000);
      const watch = (chunk) => {
        serverLog.push(String(chunk));
        if (/listening on|Extension host agent listening/i.test(String(chunk))) {
          clearTimeout(timer);
          resolve();
        }
      };
      server.stdout.on('data', watch);
      server.stderr.on('data', (c) => serverLog.push(String(c)));
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the VS Code server exited (${code}) before listening:\n${serverLog.join('')}`));
      });
    });

    browser = await chromium.launch({ executablePath: browserPath, args: BROWSER_ARGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let settle;
    const exited = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      return onLog(text, page);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timeoutMs = options.timeoutMs ?? 10 * 60_000;
    const code = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs)),
    ]);
    if (code !== 0 && options.screenshot) await page.screenshot({ path: options.screenshot }).catch(() => {});
    if (code === 'timeout') {
      onLog(`The test module did not finish within ${timeoutMs / 1000} s.`);
      return 1;
    }
    return code;
  } finally {
    await browser?.close().catch(() => {});
    stopServer();
    if (!options.keepScratch) rmSync(scratch, { recursive: true, force: true });
  }
}
