import { existsSync, promises as fs, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, DEFAULT_CONFIG, parseConfig, type ResolvedConfig } from '../core/config';
import { correlate } from '../core/correlate/correlate';
import { Engine } from '../core/engine';
import { builtinDetectors } from '../core/registry';
import { allFindings, atLeast, type ScanReport } from '../core/report/model';
import { toJson } from '../core/report/json';
import { toSarif } from '../core/report/sarif';
import { toText } from '../core/report/text';
import { formatSuppressionList } from '../core/suppressions';
import { parseArgs, USAGE, UsageError, type ScanArgs } from './args';
import { scanFiles } from './scanFiles';
import { fix } from './fix';
import { renderRules } from './rules';

declare const KEYHOLE_VERSION: string | undefined;
export const VERSION = typeof KEYHOLE_VERSION === 'string' ? KEYHOLE_VERSION : '0.0.0-dev';

export class RuntimeError extends Error {}

export async function loadConfig(args: Pick<ScanArgs, 'config' | 'maxFileSize'>, root: string): Promise<ResolvedConfig> {
  let file = args.config ? resolve(args.config) : undefined;
  if (file && !existsSync(file)) throw new RuntimeError(`config file not found: ${args.config}`);
  file ??= CONFIG_FILE_NAMES.map((n) => join(root, n)).find((p) => existsSync(p));
  const config = file ? parseConfig(await fs.readFile(file, 'utf8'), args.config ?? file.slice(root.length + 1)) : { ...DEFAULT_CONFIG };
  if (args.maxFileSize) config.maxFileSize = args.maxFileSize;
  return config;
}

/** The folder that finding paths are relative to: the one folder scanned, else the working directory. */
export function scanRoot(paths: string[]): string {
  if (paths.length === 1) {
    const p = resolve(paths[0]);
    return statSync(p).isDirectory() ? p : dirname(p);
  }
  return process.cwd();
}

function progress(enabled: boolean) {
  let last = 0;
  return {
    tick(count: number, path: string) {
      const now = Date.now();
      if (!enabled || now - last < 100) return;
      last = now;
      process.stderr.write(`\r\x1b[KScanning ${count} files… ${path.slice(-60)}`);
    },
    done() {
      if (enabled) process.stderr.write('\r\x1b[K');
    },
  };
}

async function scan(args: ScanArgs): Promise<number> {
  for (const p of args.paths) if (!existsSync(p)) throw new RuntimeError(`path not found: ${p}`);
  const root = scanRoot(args.paths);
  const config = await loadConfig(args, root);
  const bar = progress(Boolean(process.stderr.isTTY) && !args.listSuppressions);
  const scanned = await scanFiles(args.paths, { root, config, gitignore: args.gitignore, workers: args.workers, onProgress: bar.tick });
  const { skipped, scannedFiles } = scanned;
  const files = correlate(scanned.files);
  bar.done();
  const rules = new Engine(builtinDetectors(config), null, config).rules();

  const report: ScanReport = { toolVersion: VERSION, root, files, skipped, rules, scannedFiles };
  let output: string;
  if (args.listSuppressions) output = formatSuppressionList(files.flatMap((f) => f.suppressions));
  else if (args.format === 'sarif') output = JSON.stringify(toSarif(report), null, 2) + '\n';
  else if (args.format === 'json') output = JSON.stringify(toJson(report, { verbose: args.verbose }), null, 2) + '\n';
  else output = toText(report, { color: !args.output && Boolean(process.stdout.isTTY), verbose: args.verbose });

  if (args.output) {
    await fs.writeFile(args.output, output);
    if (args.format !== 'text') process.stderr.write(`Keyhole: ${allFindings(report).length} findings written to ${args.output}\n`);
  } else {
    await new Promise<void>((done) => process.stdout.write(output, () => done()));
  }
  if (args.listSuppressions) return 0;
  return allFindings(report).some((f) => atLeast(f.severity, args.failOn)) ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        process.stdout.write(USAGE);
        return 0;
      case 'version':
        process.stdout.write(`${VERSION}\n`);
        return 0;
      case 'rules': {
        const engine = new Engine(builtinDetectors(DEFAULT_CONFIG), null);
        process.stdout.write(renderRules(engine.rules(), args.format === 'json' ? 'json' : 'text'));
        return 0;
      }
      case 'scan':
        return await scan(args);
      case 'fix':
        return await fix(args);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`keyhole: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof RuntimeError) {
      process.stderr.write(`keyhole: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`keyhole: unexpected error: ${(err as Error).stack ?? err}\n`);
    return 2;
  }
}
