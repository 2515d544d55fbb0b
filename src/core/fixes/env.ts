// The git-ignored `.env` that fixes move secrets into: reading it, choosing a name for a value
// (the same value is stored once; a name taken by another value gets a suffix), and the edits
// that add entries to it, to `.env.example` and, when needed, to `.gitignore`.
import ignore, { type Ignore } from 'ignore';
import type { FileEdit, TextEdit } from '../types';

export interface EnvEntry {
  name: string;
  value: string;
}

const ENTRY = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;

/** The entries of a dotenv file, with quotes removed and double-quote escapes decoded. */
export function parseDotenv(text: string): EnvEntry[] {
  const out: EnvEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = ENTRY.exec(lines[i]);
    if (!m) continue;
    let rest = m[2];
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // A quoted value may run over several lines.
      let body = rest.slice(1);
      let close = closingQuote(body, quote);
      while (close === -1 && i + 1 < lines.length) {
        body += `\n${lines[++i]}`;
        close = closingQuote(body, quote);
      }
      rest = close === -1 ? body : body.slice(0, close);
      out.push({ name: m[1], value: quote === '"' ? unescapeDouble(rest) : rest });
    } else {
      out.push({ name: m[1], value: rest.replace(/\s+#.*$/, '').trim() });
    }
  }
  return out;
}

function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && quote === '"') i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

function unescapeDouble(s: string): string {
  return s.replace(/\\([nrt"\\$])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c as 'n'] ?? c);
}

/** A value written so that dotenv readers (node, python-dotenv, Compose) read it back unchanged. */
export function formatDotenvValue(value: string): string {
  if (/^[A-Za-z0-9_\-./:@+=,%~^!*]*$/.test(value) && !value.startsWith('=')) return value;
  if (!/['\n\r]/.test(value)) return `'${value}'`;
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/** Names for values moved into the env file, planned against its current entries. */
export class EnvNames {
  private readonly byName = new Map<string, string>();
  /** Entries this plan adds, in order. */
  readonly added: EnvEntry[] = [];

  constructor(readonly existing: EnvEntry[]) {
    for (const e of existing) if (!this.byName.has(e.name)) this.byName.set(e.name, e.value);
  }

  /** The name `value` is stored under: the entry already holding it, else `preferred`, else `preferred_2`, `_3`... */
  place(preferred: string, value: string): string {
    for (const [name, v] of this.byName) if (v === value) return name;
    let name = preferred;
    for (let n = 2; this.byName.has(name); n++) name = `${preferred}_${n}`;
    this.byName.set(name, value);
    this.added.push({ name, value });
    return name;
  }

  /**
   * For a name the reader requires (`TF_VAR_x`, the variable a lookup's default stood for): stored
   * under exactly that name when it is free, even if another entry holds the same value; a name taken
   * by another value falls back to `place` (a suffix), which the caller must tell the user about.
   */
  placeRequired(name: string, value: string): string {
    if (this.byName.get(name) === value) return name;
    if (this.byName.has(name)) return this.place(name, value);
    this.byName.set(name, value);
    this.added.push({ name, value });
    return name;
  }

  /** Whether `value` can be stored under `name`: the name is free, or already holds that value. */
  available(name: string, value: string): boolean {
    return !this.byName.has(name) || this.byName.get(name) === value;
  }

  /** Whether `name` holds exactly `value` (already stored or planned). */
  holds(name: string, value: string): boolean {
    return this.byName.get(name) === value;
  }
}

export interface EnvFiles {
  envFile: string;
  envText: string | undefined;
  exampleFile: string;
  exampleText: string | undefined;
  gitignoreText: string | undefined;
}

export function exampleFileOf(envFile: string): string {
  const slash = envFile.lastIndexOf('/');
  return `${envFile.slice(0, slash + 1)}.env.example`;
}

const ENV_HEADER = '# Secrets moved out of the code by Keyhole. Never commit this file; rotate any value that was committed before.\n';

/** Edits that append `entries` to the env file and their names (empty) to `.env.example`, and git-ignore the env file. */
export function envFileEdits(files: EnvFiles, entries: EnvEntry[]): FileEdit[] {
  if (entries.length === 0) return [];
  const out: FileEdit[] = [];
  out.push(appendLines(files.envFile, files.envText, entries.map((e) => `${e.name}=${formatDotenvValue(e.value)}`), ENV_HEADER));
  const documented = new Set(parseDotenv(files.exampleText ?? '').map((e) => e.name));
  const missing = entries.filter((e) => !documented.has(e.name)).map((e) => `${e.name}=`);
  if (missing.length) out.push(appendLines(files.exampleFile, files.exampleText, missing));
  const ignoreEdit = gitignoreEdit(files.gitignoreText, [files.envFile]);
  if (ignoreEdit) out.push(ignoreEdit);
  return out;
}

/** Appends lines at the end of a file (created with `header` first when missing), keeping its line ends. */
export function appendLines(path: string, text: string | undefined, lines: string[], header = ''): FileEdit {
  if (text === undefined) return { path, create: true, edits: [{ span: { start: 0, end: 0 }, newText: header + lines.join('\n') + '\n' }] };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = text.length > 0 && !text.endsWith('\n') ? eol : '';
  const edit: TextEdit = { span: { start: text.length, end: text.length }, newText: lead + lines.join(eol) + eol };
  return { path, edits: [edit] };
}

let lastRules: { text: string; rules: Ignore } | undefined;

/** True when the root `.gitignore` text ignores the workspace-relative `path`. */
export function isGitIgnored(gitignoreText: string | undefined, path: string): boolean {
  if (!gitignoreText) return false;
  // A plan asks about one .gitignore text many times in a row.
  if (lastRules?.text !== gitignoreText) lastRules = { text: gitignoreText, rules: ignore().add(gitignoreText) };
  const { rules } = lastRules;
  if (rules.ignores(path)) return true;
  // A file inside an ignored folder is ignored too.
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) if (rules.ignores(`${parts.slice(0, i).join('/')}/`)) return true;
  return false;
}

/** The `.gitignore` lines that keep `paths` out of git, or undefined when they are ignored already. */
export function gitignoreEdit(gitignoreText: string | undefined, paths: string[]): FileEdit | undefined {
  const lines = paths.filter((p) => !isGitIgnored(gitignoreText, p)).map(ignorePattern);
  if (lines.length === 0) return undefined;
  return appendLines('.gitignore', gitignoreText, [...new Set(lines)]);
}

/** `.env` ignores every `.env` (the usual convention); any other file is anchored to its own path. */
function ignorePattern(path: string): string {
  const escaped = path.replace(/[*?[\]!#\\]/g, (c) => `\\${c}`).replace(/^ | $/g, (c) => `\\${c}`);
  return path === '.env' ? '.env' : `/${escaped}`;
}
