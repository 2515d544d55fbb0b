// `npm run test:integration`: builds the extension and the suite, then runs the suite inside a real
// VS Code with the launcher that can run here: a desktop VS Code named by KEYHOLE_VSCODE_EXECUTABLE
// (test-electron), else the offline route (VS Code server + headless Chromium), else test-electron
// with a download. KEYHOLE_TEST_LAUNCHER=offline|electron forces one. With the offline route it also
// runs the web suite (test/integration-web) in the web worker extension host with a web-only copy of the
// extension (web.mjs), and packages the .vsix, installs it into a fresh server and checks that it works.
// Environment: KEYHOLE_TEST_GREP (mocha grep, Node suite only), KEYHOLE_SKIP_WEB=1, KEYHOLE_SKIP_VSIX=1,
// KEYHOLE_VSCODE_CACHE (provisioning cache).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { electronExecutable, runElectron } from './electron.mjs';
import { installVsix, offlineAvailable, runOffline } from './offline.mjs';
import { provision } from './provision.mjs';
import { stageWebExtension } from './web.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'out', 'integration');
const MARKER = '\u2063KH ';
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function step(message) {
  process.stdout.write(`[integration] ${message}\n`);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function pickLauncher() {
  const forced = process.env.KEYHOLE_TEST_LAUNCHER;
  if (forced === 'offline' || forced === 'electron') return forced;
  if (electronExecutable()) return 'electron';
  if (offlineAvailable()) return 'offline';
  return 'electron';
}

/** Prints mocha's report (messages carrying the marker); everything else goes to the host log file. */
/** Mocha's counts over every suite run, for one closing line that CI can read. */
const totals = { passed: 0, failed: 0, seen: false };

function reportFilter(logFile) {
  const noise = [];
  const onLog = (message) => {
    if (message.startsWith(MARKER)) {
      const line = message.slice(MARKER.length);
      const count = /^\s*(\d+) (passing|failing)\b/.exec(line);
      if (count) {
        totals.seen = true;
        totals[count[2] === 'passing' ? 'passed' : 'failed'] += Number(count[1]);
      }
      process.stdout.write(`${line}\n`);
    } else {
      noise.push(message);
    }
  };
  const flush = () => writeFileSync(logFile, noise.join('\n'));
  return { onLog, flush };
}

async function bundleTests() {
  await build({
    entryPoints: { index: join(root, 'test/integration/index.ts'), vsix: join(root, 'test/integration/vsix.ts') },
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['vscode', 'mocha'],
    alias: { 'jsonc-parser': join(root, 'node_modules/jsonc-parser/lib/esm/main.js') },
  });
}

function freshWorkspace() {
  const ws = mkdtempSync(join(tmpdir(), 'keyhole-it-workspace-'));
  cpSync(join(root, 'test/integration/workspace'), ws, { recursive: true });
  return ws;
}

async function runSuite(launcher, entry, options = {}) {
  const workspace = freshWorkspace();
  const filter = reportFilter(join(out, `${options.name ?? 'suite'}-host.log`));
  const common = {
    extensionDevelopmentPath: options.extensionDevelopmentPath ?? root,
    extensionTestsPath: join(out, entry),
    workspace,
    env: { KEYHOLE_TEST_GREP: process.env.KEYHOLE_TEST_GREP ?? '' },
    extensionsDir: options.extensionsDir,
  };
  try {
    if (launcher === 'offline') {
      return await runOffline({ ...common, onLog: filter.onLog, screenshot: join(out, `${options.name ?? 'suite'}-failure.png`), timeoutMs: 20 * 60_000 });
    }
    // test-electron prints the extension host's console itself: strip the marker from mocha's lines.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk, ...rest) => write(String(chunk).split(MARKER).join(''), ...rest);
    try {
      return await runElectron(common);
    } finally {
      process.stdout.write = write;
    }
  } finally {
    filter.flush();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** Packages the .vsix, installs it into an empty extensions folder and runs the probe suite against it. */
async function vsixCheck() {
  const t = Date.now();
  run(process.execPath, [join(root, 'scripts/package.mjs')]);
  step(`packaged in ${seconds(t)}`);
  const extensionsDir = mkdtempSync(join(tmpdir(), 'keyhole-it-extensions-'));
  // A stand-in extension under development: the probe tests must load without shadowing the installed one.
  const probe = mkdtempSync(join(tmpdir(), 'keyhole-it-probe-'));
  writeFileSync(join(probe, 'package.json'), JSON.stringify({ name: 'keyhole-vsix-probe', publisher: 'keyhole-test', version: '0.0.0', engines: { vscode: '^1.90.0' } }));
  try {
    step(`installing keyhole.vsix: ${(await installVsix(join(root, 'keyhole.vsix'), extensionsDir)).split('\n').pop()}`);
    return await runSuite('offline', 'vsix.js', { name: 'vsix', extensionsDir, extensionDevelopmentPath: probe });
  } finally {
    rmSync(extensionsDir, { recursive: true, force: true });
    rmSync(probe, { recursive: true, force: true });
  }
}

mkdirSync(out, { recursive: true });
run(process.execPath, [join(root, 'scripts/build.mjs')]);
await bundleTests();
const launcher = pickLauncher();
step(`launcher: ${launcher}`);
if (launcher === 'offline') {
  const t = Date.now();
  await provision();
  step(`VS Code server ready (${seconds(t)})`);
}
const t = Date.now();
let code = await runSuite(launcher, 'index.js', { name: 'suite' });
step(`suite finished with exit code ${code} in ${seconds(t)}`);
if (launcher === 'offline' && process.env.KEYHOLE_SKIP_WEB !== '1') {
  const w = Date.now();
  const staged = await stageWebExtension(root, out);
  const webCode = await runSuite('offline', staged.entry, { name: 'web', extensionDevelopmentPath: staged.dir });
  step(`web worker suite finished with exit code ${webCode} in ${seconds(w)}`);
  code ||= webCode;
}
if (launcher === 'offline' && process.env.KEYHOLE_SKIP_VSIX !== '1') {
  const v = Date.now();
  const vsixCode = await vsixCheck();
  step(`.vsix check finished with exit code ${vsixCode} in ${seconds(v)}`);
  code ||= vsixCode;
}
step(`total ${seconds(started)}`);
if (totals.seen) process.stdout.write(`integration: ${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(code);
