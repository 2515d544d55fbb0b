// Lists a workspace folder's files through vscode.workspace.fs (so virtual workspaces work too),
// honouring `files.exclude`, .gitignore files at every level and the Keyhole ignore globs.
import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';
import * as vscode from 'vscode';
import type { SkippedFile } from '../core/types';

export interface WorkspaceFile {
  uri: vscode.Uri;
  /** Relative to the folder, with `/` separators. */
  path: string;
}

const NEVER_DESCEND = new Set(['.git', '.hg', '.svn', 'node_modules']);

interface IgnoreScope {
  /** Folder-relative path of the folder holding the .gitignore ('' for the root). */
  dir: string;
  rules: Ignore;
}

/** `files.exclude` patterns that are on (patterns with a `when` clause depend on siblings and are not applied). */
function filesExclude(folder: vscode.WorkspaceFolder): Minimatch[] {
  const exclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(exclude)
    .filter(([, on]) => on === true)
    .map(([glob]) => new Minimatch(glob.replace(/^\.\//, ''), { dot: true }));
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function scopeFor(folderUri: vscode.Uri, dir: string): Promise<IgnoreScope | undefined> {
  const base = dir ? vscode.Uri.joinPath(folderUri, ...dir.split('/')) : folderUri;
  const texts = [await readText(vscode.Uri.joinPath(base, '.gitignore'))];
  if (!dir) texts.push(await readText(vscode.Uri.joinPath(base, '.git', 'info', 'exclude')));
  const present = texts.filter((t): t is string => t !== undefined);
  return present.length ? { dir, rules: ignore().add(present.join('\n')) } : undefined;
}

function ignoredByGit(scopes: IgnoreScope[], path: string, isDir: boolean): boolean {
  return scopes.some((s) => {
    const rel = s.dir ? path.slice(s.dir.length + 1) : path;
    return rel !== '' && s.rules.ignores(isDir ? `${rel}/` : rel);
  });
}

/** Every file to audit in the folder, sorted within each folder; skipped entries are recorded with the reason. */
export async function listWorkspaceFiles(
  folder: vscode.WorkspaceFolder,
  isIgnored: (path: string) => boolean,
  skipped: SkippedFile[],
  token: vscode.CancellationToken,
): Promise<WorkspaceFile[]> {
  const excludes = filesExclude(folder);
  const excluded = (path: string) => excludes.some((m) => m.match(path));
  const out: WorkspaceFile[] = [];
  const stack: { dir: string; scopes: IgnoreScope[] }[] = [{ dir: '', scopes: [] }];
  while (stack.length && !token.isCancellationRequested) {
    const { dir, scopes: parentScopes } = stack.pop()!;
    const dirUri = dir ? vscode.Uri.joinPath(folder.uri, ...dir.split('/')) : folder.uri;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dirUri);
    } catch (err) {
      skipped.push({ path: dir || '.', reason: `cannot read folder: ${(err as Error).message}` });
      continue;
    }
    const own = await scopeFor(folder.uri, dir);
    const scopes = own ? [...parentScopes, own] : parentScopes;
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const subdirs: string[] = [];
    for (const [name, type] of entries) {
      const path = dir ? `${dir}/${name}` : name;
      if (type & vscode.FileType.SymbolicLink) {
        skipped.push({ path, reason: 'symbolic link (not followed)' });
      } else if (type & vscode.FileType.Directory) {
        if (NEVER_DESCEND.has(name) || excluded(path) || isIgnored(`${path}/`) || ignoredByGit(scopes, path, true)) continue;
        subdirs.push(path);
      } else if (type & vscode.FileType.File) {
        if (excluded(path) || isIgnored(path) || ignoredByGit(scopes, path, false)) continue;
        out.push({ uri: vscode.Uri.joinPath(folder.uri, ...path.split('/')), path });
      }
    }
    for (const d of subdirs.reverse()) stack.push({ dir: d, scopes });
  }
  return out;
}
