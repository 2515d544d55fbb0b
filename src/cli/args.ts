import { SEVERITIES, type Severity } from '../core/types';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface ScanArgs {
  command: 'scan';
  paths: string[];
  format: OutputFormat;
  output?: string;
  failOn: Severity;
  config?: string;
  gitignore: boolean;
  listSuppressions: boolean;
  verbose: boolean;
  maxFileSize?: number;
  /** Worker threads besides the main one; undefined: started once the tree or the scan proves large (see scanFiles.ts). */
  workers?: number;
}

export interface FixArgs {
  command: 'fix';
  paths: string[];
  /** Rule ids or prefixes (`secret/github-pat-classic`, `secret/generic`); empty: every rule. */
  rules: string[];
  dryRun: boolean;
  config?: string;
  gitignore: boolean;
  maxFileSize?: number;
  workers?: number;
}

export type CliArgs = ScanArgs | FixArgs | { command: 'help' } | { command: 'version' } | { command: 'rules'; format: 'text' | 'json' };

export class UsageError extends Error {}

export const USAGE = `Usage: keyhole scan [paths...] [options]

Scans files and folders for hardcoded credentials. Runs offline; sends nothing anywhere.

Options:
  --format text|json|sarif   output format (default: text)
  --output FILE, -o FILE     write the report to FILE instead of stdout
  --fail-on SEVERITY         exit 1 only for findings at or above SEVERITY:
                             critical, high, medium, low, info (default: info)
  --config FILE              configuration file (default: .keyhole.json in the scanned folder)
  --no-gitignore             also scan files that .gitignore excludes
  --max-file-size BYTES      skip files larger than this (default: 2097152)
  --workers N                worker threads besides the main one (default: one per
                             other core, started once the tree or the scan proves large; 0: none)
  --list-suppressions        list every suppression comment with its location and reason
  --verbose                  list skipped files and dropped candidates with their reasons
  -h, --help                 show this help
  --version                  print the version

Other commands:
  keyhole rules [--format text|json]   list every rule
  keyhole fix [paths...] [options]     apply the preferred fix of every finding that has one:
                                       secrets move to a git-ignored .env and the code reads
                                       them from the environment; prints a summary
    --rule ID                          only findings of this rule (or prefix: secret/generic);
                                       repeatable
    --dry-run                          print a unified diff (secret values redacted) instead
                                       of writing
    --config FILE, --no-gitignore, --max-file-size BYTES, --workers N   as for scan
    exit codes: 0 no finding left, 1 findings left without an automatic fix, 2 error

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or runtime error.
`;

function takeValue(argv: string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return v;
}

export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === 'rules') {
    const i = rest.indexOf('--format');
    const format = i >= 0 ? takeValue(rest, i, '--format') : 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`keyhole rules: --format must be text or json`);
    return { command: 'rules', format };
  }
  if (command === 'fix') return parseFixArgs(rest);
  if (command !== 'scan') throw new UsageError(`unknown command "${command}" (try: keyhole scan <folder>)`);
  const args: ScanArgs = { command: 'scan', paths: [], format: 'text', failOn: 'info', gitignore: true, listSuppressions: false, verbose: false };
  return parseOptions(rest, args, '', (flag, value) => {
    switch (flag) {
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif (got "${f}")`);
        args.format = f;
        return true;
      }
      case '--output': case '-o': args.output = value(); return true;
      case '--fail-on': {
        const s = value() as Severity;
        if (!SEVERITIES.includes(s)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got "${s}")`);
        args.failOn = s;
        return true;
      }
      case '--list-suppressions': args.listSuppressions = true; return true;
      case '--verbose': args.verbose = true; return true;
      default: return false;
    }
  });
}

function parseFixArgs(rest: string[]): FixArgs | { command: 'help' } {
  const args: FixArgs = { command: 'fix', paths: [], rules: [], dryRun: false, gitignore: true };
  return parseOptions(rest, args, 'keyhole fix: ', (flag, value) => {
    switch (flag) {
      case '--rule': args.rules.push(value()); return true;
      case '--dry-run': args.dryRun = true; return true;
      default: return false;
    }
  });
}

/**
 * Walks a command's arguments: `own` takes the command's own flags (false for one it does not
 * know); the options every command shares, help, and paths are handled here.
 */
function parseOptions<T extends ScanArgs | FixArgs>(
  rest: string[], args: T, prefix: string, own: (flag: string, value: () => string) => boolean,
): T | { command: 'help' } {
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = takeValue(rest, i, flag);
      i++;
      return v;
    };
    if (flag === '-h' || flag === '--help') return { command: 'help' };
    if (own(flag, value)) continue;
    switch (flag) {
      case '--config': args.config = value(); break;
      case '--no-gitignore': args.gitignore = false; break;
      case '--max-file-size': {
        const n = Number(value());
        if (!Number.isInteger(n) || n <= 0) throw new UsageError('--max-file-size must be a positive number of bytes');
        args.maxFileSize = n;
        break;
      }
      case '--workers': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError('--workers must be a whole number from 0 to 64');
        args.workers = n;
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`${prefix}unknown option ${a}`);
        args.paths.push(a);
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}
