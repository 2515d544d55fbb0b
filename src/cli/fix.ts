// `keyhole fix`: scans, applies the preferred fix of every finding that has one (all files in one
// pass, the env file written once), rescans what changed, and prints a summary; `--dry-run` prints
// a unified diff instead, with every secret value redacted.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Engine } from '../core/engine';
import { exampleFileOf, isGitIgnored } from '../core/fixes/env';
import { unifiedDiff } from '../core/fixes/diff';
import type { AwsCallSite } from '../core/fixes/draft';
import { planFixes, type PlanItem } from '../core/fixes/plan';
import { awsCallSites, mayCallAws } from '../core/iam/aws/callSites';
import { builtinDetectors } from '../core/registry';
import { holdsSecretValue } from '../core/rules/taxonomy';
import { redact } from '../core/text';
import type { FileScanResult, Finding, Fix } from '../core/types';
import { nodeWasmSource } from '../node/wasmSource';
import { ParserHost } from '../parsing/parserHost';
import type { FixArgs } from './args';
import { loadConfig, RuntimeError, scanRoot } from './main';
import { scanFiles } from './scanFiles';

/** Later rounds pick up findings that an earlier fix in the same file kept from being fixed. */
const MAX_ROUNDS = 4;

interface Applied {
  finding: Finding;
  fix: Fix;
  /** The secret as written, to redact it from the diff. */
  value: string;
}

export async function fix(args: FixArgs): Promise<number> {
  for (const p of args.paths) if (!existsSync(p)) throw new RuntimeError(`path not found: ${p}`);
  const root = scanRoot(args.paths);
  const config = await loadConfig(args, root);
  const envFile = config.envFile;
  const wanted = (f: Finding) => (args.rules.length === 0 || args.rules.some((r) => f.ruleId.startsWith(r)));

  const initial = await scanFiles(args.paths, { root, config, gitignore: args.gitignore });
  const results = new Map<string, FileScanResult>(initial.files.map((f) => [f.path, f]));
  /** Texts as the fixes left them (not yet on disk); undefined for a file that does not exist. */
  const overlay = new Map<string, string | undefined>();
  const disk = new Map<string, string | undefined>();
  const readDisk = (path: string) => {
    if (!disk.has(path)) {
      const abs = join(root, path);
      disk.set(path, existsSync(abs) ? readFileSync(abs, 'utf8') : undefined);
    }
    return disk.get(path);
  };
  const read = (path: string) => (overlay.has(path) ? overlay.get(path) : readDisk(path));
  // Every code file is read for its SDK calls only when an AWS grant is to be narrowed.
  const narrowsAws = initial.files.some((r) => r.findings.some((f) => wanted(f) && f.ruleId.startsWith('iam/aws-')));
  const awsCalls = narrowsAws ? collectAwsCalls(initial.files.map((f) => f.path), read) : [];
  const engine = new Engine(builtinDetectors(config), new ParserHost(nodeWasmSource(), new Set(config.disabledLanguages)), config);
  const applied: Applied[] = [];
  const reasons = new Map<string, string>();

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const items: PlanItem[] = [];
    for (const result of results.values()) {
      const text = read(result.path);
      if (text === undefined) continue;
      for (const finding of result.findings.filter(wanted)) items.push({ finding, doc: { path: result.path, text } });
    }
    const plan = planFixes(items, { read, envFile, awsCalls });
    for (const s of plan.skipped) reasons.set(keyOf(s.finding), s.reason);
    if (plan.applied.length === 0) break;
    for (const a of plan.applied) {
      const doc = items.find((i) => i.finding === a.finding)!.doc;
      const v = a.finding.valueSpan ?? a.finding.span;
      // Only credentials are hidden in the diff; a narrowed grant is shown as it was.
      applied.push({ ...a, value: holdsSecretValue(a.finding) ? doc.text.slice(v.start, v.end) : '' });
    }
    for (const f of plan.files) overlay.set(f.path, f.after);
    // Rescan what changed; drop what the fixes git-ignored.
    const gitignore = read('.gitignore');
    for (const f of plan.files) {
      if (f.path === envFile || !args.gitignore || isGitIgnored(gitignore, f.path)) {
        results.delete(f.path);
        continue;
      }
      results.set(f.path, await engine.scan({ path: f.path, text: f.after }));
    }
    if (args.gitignore && plan.files.some((f) => f.path === '.gitignore')) {
      for (const path of [...results.keys()]) if (isGitIgnored(gitignore, path)) results.delete(path);
    }
  }

  const remaining = [...results.values()].flatMap((r) => r.findings.filter(wanted));
  const changed = [...overlay.entries()].filter(([path, text]) => text !== readDisk(path));
  if (args.dryRun) {
    // Every secret the scan saw is hidden, not only the moved ones: an unfixed value can sit in a diff's context lines.
    const seen = initial.files.flatMap((r) => r.findings.filter(holdsSecretValue).map((f) => {
      const v = f.valueSpan ?? f.span;
      return readDisk(r.path)?.slice(v.start, v.end) ?? '';
    }));
    process.stdout.write(diffOutput(changed, readDisk, envFile, [...applied.map((a) => a.value), ...seen].filter((v) => v.length > 0)));
  } else {
    for (const [path, text] of changed) {
      const abs = join(root, path);
      await fs.mkdir(dirname(abs), { recursive: true });
      await fs.writeFile(abs, text ?? '');
    }
  }
  const support = new Set([envFile, exampleFileOf(envFile), '.gitignore']);
  const sources = changed.filter(([path]) => !support.has(path)).length;
  const touched = changed.map(([path]) => path).filter((path) => support.has(path)).sort();
  process.stdout.write(summary(applied, remaining, reasons, sources, touched, envFile, args.dryRun));
  return remaining.length > 0 ? 1 : 0;
}

const MAX_CODE_BYTES = 1_000_000;

/** AWS SDK calls in the scanned code (for narrowing AWS grants): Python and JS/TS files, dependencies and minified code left out. */
function collectAwsCalls(paths: string[], read: (path: string) => string | undefined): AwsCallSite[] {
  const out: AwsCallSite[] = [];
  for (const path of paths) {
    if (!mayCallAws(path) || /(?:^|\/)node_modules\//.test(path) || /\.min\.[cm]?js$/.test(path)) continue;
    const text = read(path);
    if (text !== undefined && text.length <= MAX_CODE_BYTES) out.push(...awsCallSites(path, text));
  }
  return out;
}

function keyOf(f: Finding): string {
  return `${f.path}\0${f.fingerprint}`;
}

/** The env file shows names only; elsewhere every moved value is replaced by its redacted form. */
function diffOutput(changed: [string, string | undefined][], readDisk: (p: string) => string | undefined, envFile: string, values: string[]): string {
  const pieces = [...new Set(values.flatMap((v) => [v, ...v.split(/\\n|\r?\n/)]).filter((v) => v.length >= 6))].sort((a, b) => b.length - a.length);
  const hide = (text: string) => pieces.reduce((t, v) => t.split(v).join(redact(v)), text);
  const redactEnv = (text: string | undefined) => text?.replace(/^(\s*(?:export\s+)?[A-Za-z_][\w.-]*\s*=).*$/gm, '$1<redacted>');
  let out = '';
  for (const [path, after] of changed.sort(([a], [b]) => a.localeCompare(b))) {
    const before = readDisk(path);
    out += path === envFile
      ? unifiedDiff(path, redactEnv(before), redactEnv(after) ?? '')
      : hide(unifiedDiff(path, before, after ?? ''));
  }
  return out;
}

function summary(applied: Applied[], remaining: Finding[], reasons: Map<string, string>, files: number, support: string[], envFile: string, dryRun: boolean): string {
  const lines: string[] = [];
  const verb = dryRun ? 'Would fix' : 'Fixed';
  const described = new Set<string>();
  for (const a of applied.sort((x, y) => x.finding.path.localeCompare(y.finding.path) || x.finding.span.start - y.finding.span.start)) {
    lines.push(`  ${a.finding.path}:${a.finding.range.start.line + 1}  ${a.finding.ruleId}  ${a.fix.title}`);
    // A narrowed grant says what to review (once when one fix covers several findings); a moved secret's note is the rotation advice below.
    const note = a.fix.description;
    if (holdsSecretValue(a.finding) || !note || described.has(`${a.finding.path}\0${note}`)) continue;
    described.add(`${a.finding.path}\0${note}`);
    lines.push(...note.split('\n').map((l) => `      ${l}`));
  }
  const also = support.length ? `; ${dryRun ? 'would update' : 'updated'} ${support.join(', ')}` : '';
  const out = [`${verb} ${applied.length} finding${applied.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${also}${dryRun ? ' (dry run: nothing written)' : ''}.`];
  if (lines.length) out.push(...lines);
  const secrets = applied.filter((a) => holdsSecretValue(a.finding));
  if (secrets.length) {
    out.push('', `Rotate every secret that was moved: it stays valid and may already be in git history. Values now live in ${envFile} (git-ignored).`);
    const rotation = [...new Set(secrets.map((a) => a.finding.rotationUrl).filter((u): u is string => Boolean(u)))];
    for (const url of rotation) out.push(`  ${url}`);
  }
  if (remaining.length) {
    out.push('', `${remaining.length} finding${remaining.length === 1 ? '' : 's'} left without an automatic fix:`);
    for (const f of remaining) {
      const reason = reasons.get(keyOf(f)) ?? 'no automatic fix';
      out.push(`  ${f.path}:${f.range.start.line + 1}  ${f.ruleId}  (${reason}; suppress it with a keyhole-ignore comment if it is safe)`);
    }
  }
  return `${out.join('\n')}\n`;
}
