// Runs the integration suite in a desktop VS Code through @vscode/test-electron (2.5.x runs on Node 20).
// Uses the VS Code named by KEYHOLE_VSCODE_EXECUTABLE (or VSCODE_EXECUTABLE); otherwise downloads one,
// which needs access to Microsoft's update service.
import { runTests } from '@vscode/test-electron';

export function electronExecutable() {
  return process.env.KEYHOLE_VSCODE_EXECUTABLE || process.env.VSCODE_EXECUTABLE || undefined;
}

/** Same options as runOffline; resolves with the exit code. */
export async function runElectron({ extensionDevelopmentPath, extensionTestsPath, workspace, env, extensionsDir }) {
  try {
    await runTests({
      vscodeExecutablePath: electronExecutable(),
      version: process.env.KEYHOLE_VSCODE_VERSION || 'stable',
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionTestsEnv: env,
      launchArgs: [workspace, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', ...(extensionsDir ? ['--extensions-dir', extensionsDir] : ['--disable-extensions'])],
    });
    return 0;
  } catch (err) {
    process.stderr.write(`${err?.message ?? err}\n`);
    if (!electronExecutable()) {
      process.stderr.write('No desktop VS Code could be downloaded. Install Chromium (Debian: chromium) for the offline route, or name a VS Code with KEYHOLE_VSCODE_EXECUTABLE.\n');
    }
    return 1;
  }
}
