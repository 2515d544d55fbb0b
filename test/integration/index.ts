// Entry of the integration suite inside a real extension host (extensionTestsPath points at its bundle).
// Both launchers (scripts/integration/offline.mjs and electron.mjs) load it.
import { runMocha } from './runMocha';

export function run(): Promise<void> {
  return runMocha('keyhole-integration', async () => {
    await import('./suites/live.test');
    await import('./suites/codeActions.test');
    await import('./suites/settings.test');
    await import('./suites/audit.test');
    await import('./suites/environment.test');
  });
}
