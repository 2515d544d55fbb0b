// The commands a repository defines for itself: package.json scripts (with the package manager it
// declares) and Makefile targets. Read from the workspace's files as text; nothing is run.

export interface RepositoryCommand {
  command: string;
  /** Where it comes from, for the fix description: `package.json`, `Makefile`. */
  source: string;
}

const MAX_COMMANDS = 40;
const SAFE_NAME = /^[\w:.@/-]{1,60}$/;
/** npm lifecycle scripts: run by npm itself around install, publish and version, not by hand. */
const LIFECYCLE = new Set(['install', 'preinstall', 'postinstall', 'prepare', 'preprepare', 'postprepare', 'prepublish', 'prepublishOnly', 'publish', 'postpublish', 'prepack', 'postpack', 'preversion', 'version', 'postversion', 'dependencies', 'preuninstall', 'uninstall', 'postuninstall']);
const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
/** `target [target...]:` at the start of a line; not `:=`/`::=` assignments, not pattern or special targets. */
const MAKE_RULE = /^([A-Za-z0-9_][\w./-]*(?:[ \t]+[A-Za-z0-9_][\w./-]*)*)[ \t]*:(?!:?=)/;

/** The repository's commands for a project folder (`''` or `sub/`), the most used first; empty when it defines none. */
export function repositoryCommands(read: (path: string) => string | undefined, folder: string): RepositoryCommand[] {
  const out = [...packageCommands(read(`${folder}package.json`)), ...makeCommands(read, folder)];
  const seen = new Set<string>();
  return out.filter((c) => !seen.has(c.command) && seen.add(c.command)).slice(0, MAX_COMMANDS);
}

function packageCommands(text: string | undefined): RepositoryCommand[] {
  if (text === undefined) return [];
  let manifest: { scripts?: unknown; packageManager?: unknown };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    return [];
  }
  if (!manifest || typeof manifest !== 'object') return [];
  const declared = /^(pnpm|yarn|bun)@(\d+)/.exec(typeof manifest.packageManager === 'string' ? manifest.packageManager : '');
  const tool = declared?.[1] ?? 'npm';
  const scripts = manifest.scripts && typeof manifest.scripts === 'object' ? Object.keys(manifest.scripts) : [];
  const names = scripts.filter((s) => SAFE_NAME.test(s) && !LIFECYCLE.has(s) && !isHook(s, scripts));
  const source = 'package.json';
  // Yarn 1 spells the locked install `--frozen-lockfile`; Yarn 2+ `--immutable`.
  const yarn = declared?.[2] === '1' ? 'yarn install --frozen-lockfile' : 'yarn install --immutable';
  const install = { npm: 'npm ci', pnpm: 'pnpm install --frozen-lockfile', yarn, bun: 'bun install --frozen-lockfile' }[tool]!;
  const out: RepositoryCommand[] = [{ command: install, source }];
  // `bun test` is bun's own test runner, not the script.
  if (names.includes('test') && tool !== 'bun') out.push({ command: `${tool} test`, source });
  out.push(...names.map((name) => ({ command: `${tool} run ${name}`, source })));
  return out;
}

/** `pretest`, `postbuild`: npm runs them around their script. */
function isHook(name: string, scripts: string[]): boolean {
  const m = /^(?:pre|post)(.+)$/.exec(name);
  return !!m && (scripts.includes(m[1]) || LIFECYCLE.has(m[1]));
}

function makeCommands(read: (path: string) => string | undefined, folder: string): RepositoryCommand[] {
  // GNU make reads the first of these that exists.
  for (const name of MAKEFILES) {
    const text = read(`${folder}${name}`);
    if (text === undefined) continue;
    const targets: string[] = [];
    for (const line of text.split('\n')) {
      const m = MAKE_RULE.exec(line);
      if (m) targets.push(...m[1].split(/[ \t]+/).filter((t) => SAFE_NAME.test(t)));
    }
    return targets.map((t) => ({ command: `make ${t}`, source: name }));
  }
  return [];
}
