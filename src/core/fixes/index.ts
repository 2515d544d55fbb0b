// The fix stage: pure edits computed for one finding from the document's current text and the
// workspace files a fix touches (`.env`, `.env.example`, `.gitignore`, a `variables.tf`). Hosts call
// it on demand: the extension for the findings under the cursor, `keyhole fix` for every finding.
// Suppression edits live in ./suppress.ts and are offered by the hosts next to these fixes.
import { detectLanguage, type LanguageKey } from '../lang/languages';
import { holdsSecretValue } from '../rules/taxonomy';
import { looksMinified } from '../text';
import type { FileEdit, Finding, Fix, TextEdit } from '../types';
import { codeDraft, codeFamilyOf } from './code';
import { dotenvTemplateDraft, httpFileDraft, iniDraft, mavenSettingsDraft, npmrcDraft, propertiesDraft, tomlDraft } from './config';
import { ignoreFileDraft, isSecretFile, notebookDraft, placeholderDraft } from './documents';
import { folderOf, type Draft, type FixContext, type FixDocument, type FixWorkspace } from './draft';
import { EnvNames, envFileEdits, exampleFileOf, gitignoreEdit, parseDotenv } from './env';
import { jsonDraft } from './json';
import { narrowingFixes } from './narrow/index';
import { dockerfileDraft, makefileDraft, shellDraft } from './shell';
import { hclDraft } from './terraform';
import { workloadDrafts } from './workload';
import { yamlDraft } from './yaml';

export type { FixDocument, FixWorkspace } from './draft';

const LOCK_FILE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|go\.sum|[^/]*\.lock)$/i;

/** The workspace files a fix for `docPath` may read: hosts prefetch them for `FixWorkspace.read`. */
export function filesFixesRead(docPath: string, envFile = '.env'): string[] {
  const narrowing = ['package.json', 'Makefile', 'makefile', 'GNUmakefile'];
  return [...new Set([envFile, exampleFileOf(envFile), '.gitignore', `${folderOf(docPath)}variables.tf`, ...narrowing])];
}

/**
 * The fixes for a finding, the safest first and marked preferred; empty when no edit can remove it
 * safely. `doc` is the document's current text (unsaved changes included), in which the finding's
 * spans are valid.
 */
export function computeFixes(finding: Finding, doc: FixDocument, workspace: FixWorkspace): Fix[] {
  if (!holdsSecretValue(finding)) return narrowingFixes(finding, doc, workspace);
  if (LOCK_FILE.test(doc.path) || looksMinified(doc.text)) return [];
  const value = finding.valueSpan ?? finding.span;
  if (value.end > doc.text.length || value.end <= value.start) return [];
  const envFile = workspace.envFile ?? '.env';
  const read = (path: string) => (path === doc.path ? doc.text : workspace.read(path));
  const language = detectLanguage(doc.path, doc.languageId);
  const fixes: Fix[] = [];
  const attempts: ((ctx: FixContext) => Draft | Draft[] | undefined)[] = [workloadDrafts, draftFor];
  for (const attempt of attempts) {
    // Each fix plans its own names: alternatives must not see each other's entries.
    const ctx = contextFor(finding, doc, workspace, language, value, envFile, read);
    const drafts = attempt(ctx);
    for (const d of Array.isArray(drafts) ? drafts : drafts ? [drafts] : []) {
      const fix = finish(d, ctx, read);
      if (fix && !fixes.some((f) => f.title === fix.title)) fixes.push(fix);
    }
  }
  // One preferred fix: the first offered.
  return fixes.map((f, i) => ({ ...f, preferred: i === 0 && f.preferred }));
}

function contextFor(
  finding: Finding, doc: FixDocument, workspace: FixWorkspace, language: LanguageKey,
  value: { start: number; end: number }, envFile: string, read: (p: string) => string | undefined,
): FixContext {
  return {
    finding,
    doc,
    language,
    value,
    raw: doc.text.slice(value.start, value.end),
    workspace: { ...workspace, read },
    env: new EnvNames(parseDotenv(read(envFile) ?? '')),
    envFile,
  };
}

/** The secret fix for the finding's format. */
function draftFor(ctx: FixContext): Draft | undefined {
  const { path, text } = ctx.doc;
  if (isSecretFile(path, text)) return ignoreFileDraft(ctx);
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  switch (ctx.language) {
    case 'markdown': return placeholderDraft(ctx, ctx.raw, 'documentation');
    case 'notebook': return notebookDraft(ctx);
    case 'dotenv': return name === '.npmrc' || name === '.yarnrc' ? npmrcDraft(ctx) : dotenvTemplateDraft(ctx);
    case 'bash': return shellDraft(ctx);
    case 'dockerfile': return dockerfileDraft(ctx);
    case 'yaml': return yamlDraft(ctx);
    case 'json': return jsonDraft(ctx);
    case 'hcl': return hclDraft(ctx);
    case 'properties': return propertiesDraft(ctx);
    case 'ini': return iniDraft(ctx);
    case 'toml': return tomlDraft(ctx);
  }
  const family = codeFamilyOf(ctx.language, path);
  if (family) return codeDraft(ctx, family);
  if (name === 'makefile' || name.endsWith('.mk')) return makefileDraft(ctx);
  if (/\.(?:http|rest)$/.test(name)) return httpFileDraft(ctx);
  if (name === 'settings.xml' && /<settings[\s>]/.test(text)) return mavenSettingsDraft(ctx);
  return undefined;
}

/** Turns a draft into a fix: one file edit per path, the env file, `.env.example` and `.gitignore` included. */
function finish(draft: Draft, ctx: FixContext, read: (p: string) => string | undefined): Fix | undefined {
  const files: FileEdit[] = [];
  if (draft.edits.length) files.push({ path: ctx.doc.path, edits: draft.edits });
  files.push(...(draft.files ?? []));
  const env = envFileEdits({
    envFile: ctx.envFile,
    envText: read(ctx.envFile),
    exampleFile: exampleFileOf(ctx.envFile),
    exampleText: read(exampleFileOf(ctx.envFile)),
    gitignoreText: read('.gitignore'),
  }, ctx.env.added);
  // `.gitignore` may be wanted twice (the env file, a file kept out of git): one edit with both lines.
  const ignorePaths = [...(draft.ignore ?? []), ...(ctx.env.added.length ? [ctx.envFile] : [])];
  const ignore = ignorePaths.length ? gitignoreEdit(read('.gitignore'), ignorePaths) : undefined;
  files.push(...env.filter((f) => f.path !== '.gitignore'));
  if (ignore) files.push(ignore);
  const merged = mergeByPath(files);
  if (merged.length === 0) return undefined;
  return { title: draft.title, description: draft.description, preferred: draft.preferred, edits: merged };
}

function mergeByPath(files: FileEdit[]): FileEdit[] {
  const byPath = new Map<string, FileEdit>();
  for (const f of files) {
    const m = byPath.get(f.path);
    if (!m) byPath.set(f.path, { path: f.path, edits: [...f.edits], ...(f.create ? { create: true } : {}) });
    else m.edits.push(...f.edits.filter((e) => !m.edits.some((x) => sameEdit(x, e))));
  }
  return [...byPath.values()].filter((f) => f.edits.length > 0);
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.newText === b.newText;
}
