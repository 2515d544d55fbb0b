// Runs mocha inside the extension host. Its report goes to the console with a marker so that the
// launcher can tell it from the workbench's own log lines.
import Mocha from 'mocha';
import { format } from 'node:util';

export const REPORT_MARKER = '\u2063KH ';

/** `load` registers the suites; it runs after `pre-require`, so `describe` and `it` exist by then. */
export async function runMocha(name: string, load: () => Promise<unknown>): Promise<void> {
  const Base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  Base.consoleLog = (...args: unknown[]) => console.log(REPORT_MARKER + format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', grep: process.env.KEYHOLE_TEST_GREP || undefined });
  mocha.suite.emit('pre-require', globalThis, name, mocha);
  await load();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} test${failures === 1 ? '' : 's'} failed in ${name}`);
}
