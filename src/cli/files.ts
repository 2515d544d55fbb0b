import ignore, { type Ignore } from 'ignore';
import { lstatSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SkippedFile } from '../core/types';

export interface FileEntry {
  abs: string;
  /** Relative to the scan root, with `/` separators. */
  rel: string;
}

export interface WalkOptions {
  root: string;
  gitignore: boolean;
  /** Workspace ignore globs (from the config file), tested on root-relative paths. */
  isIgnored(rel: string): boolean;
}

const VCS_DIRS = new Set(['.git', '.hg', '.svn']);

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

export function toRel(root: string, abs: string): string {
  const r = relative(root, abs);
  return (r === '' ? '.' : r).split(sep).join('/');
}

function readIgnoreFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function scopeFor(dir: string, isRoot: boolean): IgnoreScope | undefined {
  const texts = [readIgnoreFile(join(dir, '.gitignore'))];
  if (isRoot) texts.push(readIgnoreFile(join(dir, '.git', 'info', 'exclude')));
  const present = texts.filter((t): t is string => t !== undefined);
  if (present.length === 0) return undefined;
  return { dir, rules: ignore().add(present.join('\n')) };
}

function ignoredByGit(scopes: IgnoreScope[], abs: string, isDir: boolean): boolean {
  for (const s of scopes) {
    const rel = toRel(s.dir, abs);
    if (rel === '.' || rel.startsWith('..')) continue;
    if (s.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/**
 * Lists the files under `target` (a file or a folder), honouring .gitignore files at every level,
 * the workspace ignore globs, and skipping VCS folders, nested node_modules and symbolic links.
 * Synchronous system calls: a promise round trip per folder would hold the listing back behind
 * every file the same thread scans meanwhile; the caller pauses between files as it sees fit.
 */
export function* walk(target: string, options: WalkOptions, skipped: SkippedFile[]): Generator<FileEntry> {
  const stat = lstatSync(target);
  if (stat.isFile()) {
    yield { abs: target, rel: toRel(options.root, target) };
    return;
  }
  const stack: { dir: string; scopes: IgnoreScope[] }[] = [{ dir: target, scopes: [] }];
  while (stack.length) {
    const { dir, scopes: parentScopes } = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ path: toRel(options.root, dir), reason: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      continue;
    }
    const own = options.gitignore ? scopeFor(dir, dir === target) : undefined;
    const scopes = own ? [...parentScopes, own] : parentScopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const abs = join(dir, e.name);
      const rel = toRel(options.root, abs);
      if (e.isDirectory()) {
        if (VCS_DIRS.has(e.name) || e.name === 'node_modules') continue;
        if (options.isIgnored(`${rel}/`) || (options.gitignore && ignoredByGit(scopes, abs, true))) continue;
        subdirs.push(abs);
      } else if (e.isFile()) {
        if (options.isIgnored(rel) || (options.gitignore && ignoredByGit(scopes, abs, false))) continue;
        yield { abs, rel };
      } else if (e.isSymbolicLink()) {
        skipped.push({ path: rel, reason: 'symbolic link (not followed)' });
      }
    }
    for (const d of subdirs.reverse()) stack.push({ dir: d, scopes });
  }
}
