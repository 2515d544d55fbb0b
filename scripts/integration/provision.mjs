// Provisions the offline VS Code host (../shared/docs/offline-vscode-host.md) into a cache folder
// outside the repository: Node 24 (npm package `node@24`) and the VS Code server shipped in
// `code-server`. Idempotent: a finished install leaves a marker; concurrent runs wait on a lock.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_SPEC = 'node@24';
const LOCK_STALE_MS = 30 * 60 * 1000;

export function cacheRoot() {
  return process.env.KEYHOLE_VSCODE_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'keyhole-vscode');
}

export function chromiumPath() {
  const candidates = [process.env.KEYHOLE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p) => p && existsSync(p));
}

function log(msg) {
  process.stderr.write(`[provision] ${msg}\n`);
}

function npmInstall(dir, spec, env = process.env) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const started = Date.now();
  log(`npm install ${spec} in ${dir} (one-time)…`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], {
    cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (exit ${r.status}) in ${dir}`);
  log(`${spec} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The lock's owner is gone (killed mid-install) or the lock is older than any install takes. */
function staleLock(lock) {
  if (!existsSync(lock)) return false;
  if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) return true;
  try {
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === 'ESRCH';
  }
}

async function withLock(dir, fn) {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, '.lock');
  let waiting = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (staleLock(lock)) {
        log(`removing a stale lock: ${lock}`);
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!waiting) log(`waiting for another provisioning run to finish (${lock})…`);
      waiting = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function ready(marker) {
  return existsSync(marker);
}

/** Ensures Node 24 and the VS Code server exist in the cache; returns their paths. */
export async function provision() {
  const root = cacheRoot();
  const nodeDir = join(root, 'node24');
  const serverDir = join(root, `code-server-${CODE_SERVER_VERSION}`);
  const node = join(nodeDir, 'node_modules', '.bin', 'node');
  const serverMain = join(serverDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  const nodeMarker = join(nodeDir, '.complete');
  const serverMarker = join(serverDir, '.complete');
  if (!ready(nodeMarker) || !ready(serverMarker)) {
    await withLock(root, async () => {
      if (!ready(nodeMarker)) {
        npmInstall(nodeDir, NODE_SPEC);
        const v = spawnSync(node, ['--version'], { encoding: 'utf8' });
        if (!/^v24\./.test(v.stdout ?? '')) throw new Error(`${node} is not Node 24 (${v.stdout || v.stderr})`);
        writeFileSync(nodeMarker, v.stdout);
      }
      if (!ready(serverMarker)) {
        // The postinstall refuses Node majors other than 24 and compiles native modules
        // (needs libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev pkg-config).
        const env = { ...process.env, PATH: `${join(nodeDir, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` };
        npmInstall(serverDir, `code-server@${CODE_SERVER_VERSION}`, env);
        if (!existsSync(serverMain)) throw new Error(`VS Code server entry missing after install: ${serverMain}`);
        writeFileSync(serverMarker, `${CODE_SERVER_VERSION}\n`);
      }
    });
  }
  return { node, serverMain, version: readFileSync(serverMarker, 'utf8').trim() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const p = await provision();
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: node ${p.node}, server ${p.serverMain}, chromium ${chromiumPath() ?? 'MISSING'}`);
}
