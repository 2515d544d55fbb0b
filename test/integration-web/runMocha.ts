// Runs mocha's browser build inside the web worker extension host. Its report goes to the console with
// the marker the launcher filters on, as in the Node host (../integration/runMocha.ts).
// `mocha` is mocha's browser build here (scripts/integration/web.mjs aliases it); it sets the globals below.
import 'mocha';
import { format } from 'node:util';
import { REPORT_MARKER } from '../integration/runMocha';

interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  run(done: (failures: number) => void): unknown;
  suite: { emit(event: string, ...args: unknown[]): void };
}

/** `load` registers the suites; it runs after `setup`, so `describe` and `it` exist by then. */
export async function runMocha(name: string, load: () => Promise<unknown>): Promise<void> {
  const g = globalThis as unknown as { mocha: BrowserMocha; Mocha: { reporters: { Base: { consoleLog: (...args: unknown[]) => void } } } };
  g.Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(REPORT_MARKER + format(...args));
  g.mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  await load();
  const failures = await new Promise<number>((resolve) => g.mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test${failures === 1 ? '' : 's'} failed in ${name}`);
}
