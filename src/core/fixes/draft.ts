// What a fix computation produces before the shared files (`.env`, `.env.example`, `.gitignore`)
// are edited: the edits to the finding's own document, edits to other files, the values to store
// and the paths to git-ignore. `finishDraft` in ./index.ts turns it into a `Fix`.
import type { LanguageKey } from '../lang/languages';
import type { FileEdit, Finding, Span, TextEdit } from '../types';
import type { EnvNames } from './env';

export interface Draft {
  title: string;
  description: string;
  preferred: boolean;
  /** Edits to the finding's document. */
  edits: TextEdit[];
  /** Edits to other files of the workspace (a `variables.tf` next to the document). */
  files?: FileEdit[];
  /** Workspace-relative paths to add to `.gitignore`. */
  ignore?: string[];
}

export interface FixWorkspace {
  /** Current text of a workspace-relative file (`/` separators), or undefined when it does not exist. */
  read(path: string): string | undefined;
  /** Workspace-relative env file that values move into (default `.env`). */
  envFile?: string;
  /**
   * AWS SDK calls in the workspace's code, as IAM actions with where they are called (hosts collect
   * them with `awsCallSites` when they can; narrowing an AWS grant falls back to read-only actions
   * without them).
   */
  awsCalls?: readonly AwsCallSite[];
}

export interface AwsCallSite {
  /** IAM action the call needs, e.g. `s3:GetObject`. */
  action: string;
  path: string;
  /** Zero-based line of the call. */
  line: number;
}

export interface FixDocument {
  /** Workspace-relative path with `/` separators. */
  path: string;
  text: string;
  languageId?: string;
}

/** Everything a fix computation needs about one finding. */
export interface FixContext {
  finding: Finding;
  doc: FixDocument;
  language: LanguageKey;
  /** The secret's span in the document. */
  value: Span;
  /** The secret's text as written in the document (escapes not decoded). */
  raw: string;
  workspace: FixWorkspace;
  env: EnvNames;
  envFile: string;
}

export function replace(span: Span, newText: string): TextEdit {
  return { span: { start: span.start, end: span.end }, newText };
}

export function insert(at: number, newText: string): TextEdit {
  return { span: { start: at, end: at }, newText };
}

export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** The folder part of a workspace-relative path, with a trailing `/` (empty at the root). */
export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

export function rotateAdvice(finding: Finding): string {
  const where = finding.rotationUrl ? ` (${finding.rotationUrl})` : '';
  return `Rotate the old value${where}: it stays valid and may already be in git history.`;
}

export function storedAdvice(name: string, envFile: string): string {
  return `The value is kept in ${envFile} as ${name} (git-ignored; ${name} is listed without a value in .env.example).`;
}
