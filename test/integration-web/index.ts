// Entry of the web suite inside the web worker extension host (extensionTestsPath points at its bundle,
// which scripts/integration/web.mjs builds for the browser and places inside the staged web-only extension).
// Suites are named *.suite.ts: scripts/run-tests.mjs runs every *.test.ts outside test/integration with Node.
import { runMocha } from './runMocha';

export function run(): Promise<void> {
  return runMocha('keyhole-integration-web', async () => {
    await import('./suites/webWorker.suite');
  });
}
