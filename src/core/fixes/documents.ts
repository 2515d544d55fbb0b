// Secrets in documents rather than programs: Markdown prose and examples, notebook outputs, and files
// that are credentials as a whole (a real `.env`, `.netrc`, a private key, a Terraform state), which
// belong out of git altogether.
import { baseName } from '../lang/languages';
import { splitRegions, type Region } from '../regions';
import { firstIndex } from '../text';
import type { TextEdit } from '../types';
import { codeDraft } from './code';
import { isGitIgnored } from './env';
import { replace, rotateAdvice, storedAdvice, type Draft, type FixContext } from './draft';
import { envNameFor } from './names';

/** Files that hold credentials and nothing a repository needs: they are git-ignored, not edited. */
const SECRET_FILES: RegExp[] = [
  /(?:^|\/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$|schema$|tpl$)[\w.-]+)?$/i,
  /(?:^|\/)[\w.-]+\.env$/i,
  /(?:^|\/)\.(?:netrc|pgpass|git-credentials|pypirc|my\.cnf|vault-token|htpasswd|s3cfg|boto|dockercfg)$/i,
  /(?:^|\/)\.aws\/(?:credentials|config)$/i,
  /(?:^|\/)\.kube\/config$/i,
  /(?:^|\/)\.docker\/config\.json$/i,
  /(?:^|\/)\.ssh\/[^/]+$/i,
  /(?:^|\/)\.config\/gh\/hosts\.ya?ml$/i,
  /(?:^|\/)(?:id_rsa|id_dsa|id_ecdsa|id_ed25519)$/i,
  /\.(?:pem|key|p8|p12|pfx|jks|keystore|ppk|asc|gpg)$/i,
  /(?:^|\/)[^/]*\.tfstate(?:\.backup)?$/i,
  /(?:^|\/)\.terraformrc$|(?:^|\/)terraform\.rc$/i,
  /(?:^|\/)client_secrets?(?:_[\w.-]+)?\.json$/i,
  /(?:^|\/)claude_desktop_config\.json$/i,
  /(?:^|\/)userlist\.txt$/i,
  /(?:^|\/)(?:my|\.my)\.cnf$/i,
  /(?:^|\/)sops\/[^/]*keys\.txt$|(?:^|\/)keys\.txt$/i,
];

/** Whether the file is a credential as a whole: a known credentials file, a Kubernetes Secret, a service-account key. */
export function isSecretFile(path: string, text: string): boolean {
  if (SECRET_FILES.some((re) => re.test(path))) return true;
  if (/\.ya?ml$/i.test(path) && /^kind:\s*Secret\s*$/m.test(text) && !/^kind:\s*(?!Secret\b)\w+/m.test(text)) return true;
  if (/\.json$/i.test(path) && /"type"\s*:\s*"service_account"/.test(text) && /"private_key"/.test(text) && /^\s*\{/.test(text)) return true;
  if (/(?:^|\/)config\.toml$/i.test(path) && /^\s*\[\[runners\]\]/m.test(text)) return true; // gitlab-runner
  return false;
}

/** Keeps the file out of git: the value stays where it is, on this machine only. */
export function ignoreFileDraft(ctx: FixContext): Draft | undefined {
  const gitignore = ctx.workspace.read('.gitignore');
  if (isGitIgnored(gitignore, ctx.doc.path)) return undefined;
  const file = baseName(ctx.doc.path);
  return {
    title: `Keep ${file} out of git (add /${ctx.doc.path} to .gitignore)`,
    description: `${file} holds credentials as a whole; the file stays on this machine, unchanged. If it was ever committed, run \`git rm --cached ${ctx.doc.path}\` and rotate every credential in it. ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [],
    ignore: [ctx.doc.path],
  };
}

/**
 * Documentation shows where a value goes, never the value: it becomes `<NAME>`, or `${NAME}` in a
 * shell example, where `<` would be a redirection.
 */
export function placeholderDraft(ctx: FixContext, value: string, where: string): Draft {
  const name = ctx.env.place(envNameFor({ ruleId: ctx.finding.ruleId, bound: ctx.finding.boundName }), value);
  const shell = ctx.language === 'markdown' && ['bash', 'dockerfile', 'dotenv'].includes(fenceLanguageAt(ctx.doc.text, ctx.value.start) ?? '');
  const placeholder = shell ? `\${${name}}` : `<${name}>`;
  return {
    title: `Replace the secret in the ${where} with ${placeholder} (value moved to ${ctx.envFile})`,
    description: `${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace(ctx.value, placeholder)],
  };
}

/** The language of the Markdown code fence around `offset`, if any. */
function fenceLanguageAt(text: string, offset: number): string | undefined {
  for (const region of splitRegions(text, 'markdown')) {
    if (region.text === text || region.text.length === 0) continue;
    const start = region.toDocument(0);
    const end = region.toDocumentEnd?.(region.text.length) ?? region.toDocument(region.text.length);
    if (start <= offset && offset < end) return region.language;
  }
  return undefined;
}

/** A code cell of a notebook is fixed as code, its edits written back into the JSON strings; anything else is documentation. */
export function notebookDraft(ctx: FixContext): Draft | undefined {
  const found = regionAt(ctx.doc.text, ctx.value);
  if (!found) return undefined;
  const { region, start, end } = found;
  const value = region.text.slice(start, end);
  if (region.language !== 'python') return placeholderDraft(ctx, value, 'notebook');
  const inner: FixContext = {
    ...ctx,
    doc: { path: ctx.doc.path, text: region.text },
    language: 'python',
    value: { start, end },
    raw: value,
  };
  const draft = codeDraft(inner, 'python');
  if (!draft) return undefined;
  const importedElsewhere = /\bimport os\b/.test(ctx.doc.text);
  const edits: TextEdit[] = [];
  for (const e of draft.edits) {
    if (importedElsewhere && /^import os\b/.test(e.newText)) continue;
    const s = region.toDocument(e.span.start);
    const t = e.span.end === e.span.start ? s : region.toDocumentEnd?.(e.span.end) ?? region.toDocument(e.span.end);
    edits.push({ span: { start: s, end: t }, newText: JSON.stringify(e.newText).slice(1, -1) });
  }
  return { ...draft, edits };
}

function regionAt(text: string, span: { start: number; end: number }): { region: Region; start: number; end: number } | undefined {
  for (const region of splitRegions(text, 'notebook')) {
    if (region.text.length === 0) continue;
    const first = region.toDocument(0);
    const last = region.toDocumentEnd?.(region.text.length) ?? region.toDocument(region.text.length);
    if (span.start < first || span.end > last) continue;
    const start = offsetIn(region, span.start, (o) => region.toDocument(o));
    const end = offsetIn(region, span.end, (o) => region.toDocumentEnd?.(o) ?? region.toDocument(o));
    if (start !== undefined && end !== undefined && end > start) return { region, start, end };
  }
  return undefined;
}

/** The region offset whose document offset is `target` (document offsets grow with region offsets). */
function offsetIn(region: Region, target: number, map: (o: number) => number): number | undefined {
  const at = firstIndex(region.text.length, (i) => map(i) >= target);
  return map(at) === target ? at : undefined;
}
