// Secrets in line-oriented configuration: .properties, INI, TOML, dotenv examples, .npmrc,
// REST Client `.http` files, Maven settings. Each format gets the reference its reader resolves
// (`${NAME}`, `%(ENV_NAME)s`, `${env.NAME}`, `{{$dotenv NAME}}`), or, where the tool reads an
// environment variable of its own (Gradle, Sentry, pip, Cargo, Wrangler), the line goes and the
// value is stored under that variable.
import { baseName } from '../lang/languages';
import type { TextEdit } from '../types';
import { replace, rotateAdvice, storedAdvice, type Draft, type FixContext } from './draft';
import { decodeEscapes } from './literals';
import { envNameFor, isPasswordPart, toEnvName } from './names';

interface KeyLine {
  lineStart: number;
  /** End of the line including its line break. */
  lineEnd: number;
  key: string;
  /** Full path of the key: `[section]` or `[table]` names and dotted keys. */
  section?: string;
  valueStart: number;
  valueEnd: number;
  quote: string;
}

/** `key = value`, `key: value`, `key=value` on the secret's line, with the value's quotes. */
function keyLine(text: string, at: number, separators = /^(\s*)([^=:\s#;][^=:]*?)(\s*[=:]\s*)/): KeyLine | undefined {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const lineEnd = nl === -1 ? text.length : nl + 1;
  const line = text.slice(lineStart, nl === -1 ? text.length : nl).replace(/\r$/, '');
  const m = separators.exec(line);
  if (!m) return undefined;
  let valueStart = lineStart + m[0].length;
  let valueEnd = lineStart + line.replace(/\s+(?:#|;).*$/, '').trimEnd().length;
  if (valueEnd < valueStart) valueEnd = valueStart;
  let quote = '';
  const first = text[valueStart];
  if ((first === '"' || first === "'") && text[valueEnd - 1] === first && valueEnd - valueStart >= 2) {
    quote = first;
    valueStart++;
    valueEnd--;
  }
  const section = sectionAbove(text, lineStart);
  return { lineStart, lineEnd, key: m[2].trim().replace(/^["']|["']$/g, ''), section, valueStart, valueEnd, quote };
}

function sectionAbove(text: string, lineStart: number): string | undefined {
  const re = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/gm;
  let found: string | undefined;
  const head = text.slice(0, lineStart);
  for (let m = re.exec(head); m; m = re.exec(head)) found = m[1];
  return found;
}

function moveTo(ctx: FixContext, preferredName: string, line: KeyLine, reference: string, what: string, how: string): Draft {
  const name = ctx.env.place(preferredName, line.quote === '"' ? decodeEscapes(ctx.raw) : ctx.raw);
  const ref = reference.replace('NAME', name);
  return {
    title: `Reference ${ref} in ${what} and move the value to ${ctx.envFile}`,
    description: `${how} ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace(ctx.value, ref)],
  };
}

/** The line goes; the tool reads the value from its own environment variable. */
function dropLine(ctx: FixContext, line: KeyLine, variable: string, value: string, tool: string): Draft {
  const name = ctx.env.placeRequired(variable, value);
  const renamed = name === variable ? '' : ` (${variable} already holds another value in ${ctx.envFile}; this one is stored as ${name})`;
  return {
    title: `Remove ${line.key} from ${baseName(ctx.doc.path)}: ${tool} reads ${variable} from the environment (value moved to ${ctx.envFile})`,
    description: `${storedAdvice(name, ctx.envFile)}${renamed} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace({ start: line.lineStart, end: line.lineEnd }, '')],
  };
}

function wholeValue(ctx: FixContext, line: KeyLine): string {
  return ctx.doc.text.slice(line.valueStart, line.valueEnd);
}

export function propertiesDraft(ctx: FixContext): Draft | undefined {
  const line = keyLine(ctx.doc.text, ctx.value.start, /^(\s*)((?:\\.|[^=:\s#!])+)(\s*[=:]\s*|\s+)/);
  if (!line || line.valueStart > ctx.value.start) return undefined;
  const file = baseName(ctx.doc.path).toLowerCase();
  if (file === 'gradle.properties') {
    if (line.valueStart !== ctx.value.start || line.valueEnd !== ctx.value.end) return undefined;
    return dropLine(ctx, line, `ORG_GRADLE_PROJECT_${line.key}`, ctx.raw, 'Gradle');
  }
  if (file === 'sentry.properties' && line.key === 'auth.token') return dropLine(ctx, line, 'SENTRY_AUTH_TOKEN', wholeValue(ctx, line), 'sentry-cli');
  const passwordOfUrl = isPasswordPart(ctx.doc.text.slice(line.valueStart, ctx.value.start), ctx.doc.text.slice(ctx.value.end, ctx.value.end + 2));
  const preferredName = passwordOfUrl ? envNameFor({ ruleId: ctx.finding.ruleId, bound: line.key, passwordOfUrl }) : toEnvName(line.key);
  return moveTo(ctx, preferredName, line, '${NAME}', baseName(ctx.doc.path),
    'Spring (and most Java configuration loaders) resolve ${NAME} from the environment; Spring also binds the variable named after the key by itself.');
}

export function iniDraft(ctx: FixContext): Draft | undefined {
  if (isAnsibleInventory(ctx.doc.path, ctx.doc.text)) return ansibleInventoryDraft(ctx);
  const line = keyLine(ctx.doc.text, ctx.value.start);
  if (!line || line.valueStart > ctx.value.start) return undefined;
  const file = baseName(ctx.doc.path).toLowerCase();
  if ((file === 'pip.conf' || file === 'pip.ini') && /^(?:extra-)?index-url$/.test(line.key)) {
    return dropLine(ctx, line, line.key === 'index-url' ? 'PIP_INDEX_URL' : 'PIP_EXTRA_INDEX_URL', wholeValue(ctx, line), 'pip');
  }
  if (/^supervisord\.conf$|\.supervisor\.conf$/.test(file) || /\[(?:inet_http_server|unix_http_server|supervisorctl)\]/.test(ctx.doc.text)) {
    const bound = line.section ? `${line.section.replace(/_http_server$/, '')}_${line.key}` : line.key;
    return moveTo(ctx, envNameFor({ ruleId: ctx.finding.ruleId, bound }), line, '%(ENV_NAME)s', baseName(ctx.doc.path),
      'supervisord expands %(ENV_NAME)s from its environment.');
  }
  return undefined;
}

function isAnsibleInventory(path: string, text: string): boolean {
  return /(?:^|\/)(?:inventory|inventories|hosts)(?:\/|\.ini$|$)/i.test(path) || (/\bansible_(?:host|user|password|become_pass)\b/.test(text) && /^\[[\w:-]+\]\s*$/m.test(text));
}

/** `host ansible_password=…` in an INI inventory: Ansible templates inventory variables, so a lookup works there. */
function ansibleInventoryDraft(ctx: FixContext): Draft | undefined {
  const { text } = ctx.doc;
  const before = text.slice(text.lastIndexOf('\n', ctx.value.start - 1) + 1, ctx.value.start);
  const key = /([A-Za-z_]\w*)=["']?$/.exec(before)?.[1];
  if (!key) return undefined;
  const quoted = /["']$/.test(before);
  const host = /^\s*([^\s=]+)\s/.exec(before)?.[1];
  const bound = host && !host.includes('=') ? `${host.split('.')[0]}_${key.replace(/^ansible_/, '')}` : key;
  const name = ctx.env.place(toEnvName(bound), ctx.raw);
  const ref = `{{ lookup('ansible.builtin.env', '${name}') }}`;
  return {
    title: `Reference ${ref} in the inventory and move the value to ${ctx.envFile}`,
    description: `Ansible templates inventory variables when it uses them; an ansible-vault encrypted vars file is the alternative. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace(ctx.value, quoted ? ref : `"${ref}"`)],
  };
}

export function tomlDraft(ctx: FixContext): Draft | undefined {
  const line = keyLine(ctx.doc.text, ctx.value.start, /^(\s*)([A-Za-z0-9_.\-"']+)(\s*=\s*)/);
  if (!line || line.valueStart > ctx.value.start) return undefined;
  const path = ctx.doc.path.toLowerCase();
  const value = wholeValue(ctx, line);
  if (/(?:^|\/)\.cargo\/config(?:\.toml)?$/.test(path) && line.key === 'token') {
    const registry = /^registries\.(.+)$/.exec(line.section ?? '')?.[1];
    return dropLine(ctx, line, registry ? `CARGO_REGISTRIES_${toEnvName(registry)}_TOKEN` : 'CARGO_REGISTRY_TOKEN', value, 'Cargo');
  }
  if (/(?:^|\/)wrangler\.toml$/.test(path) && /^(?:env\.[^.]+\.)?vars$/.test(line.section ?? '')) {
    const draft = dropLine(ctx, line, line.key, value, 'Wrangler (a Worker secret)');
    draft.description = `Store it as a Worker secret: \`wrangler secret put ${line.key}\`; \`wrangler dev\` reads it from ${ctx.envFile} or .dev.vars. ${draft.description}`;
    return draft;
  }
  return undefined;
}

/** `.env.example` and other committed templates: the value goes, the name stays. */
export function dotenvTemplateDraft(ctx: FixContext): Draft | undefined {
  const line = keyLine(ctx.doc.text, ctx.value.start, /^(\s*(?:export\s+)?)([A-Za-z_][\w.-]*)(\s*=\s*)/);
  if (!line || line.valueStart > ctx.value.start) return undefined;
  const value = wholeValue(ctx, line);
  const name = ctx.env.placeRequired(line.key, line.quote === '"' ? decodeEscapes(value) : value);
  return {
    title: `Empty ${line.key} in ${baseName(ctx.doc.path)} (value moved to ${ctx.envFile}${name === line.key ? '' : ` as ${name}`})`,
    description: `A template lists names, not values. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace({ start: line.valueStart - line.quote.length, end: line.valueEnd + line.quote.length }, '')],
  };
}

/** `.npmrc` and `.yarnrc`: npm expands `${NAME}` in its configuration files. */
export function npmrcDraft(ctx: FixContext): Draft | undefined {
  const line = keyLine(ctx.doc.text, ctx.value.start, /^(\s*)([^=\s]+)(\s*=\s*)/);
  if (!line || line.valueStart > ctx.value.start) return undefined;
  const registry = /^\/\/([^/:]+)/.exec(line.key)?.[1];
  const preferredName = /_authToken$/.test(line.key)
    ? registry === 'registry.npmjs.org' ? 'NPM_TOKEN' : registry?.includes('github') ? 'GITHUB_PACKAGES_TOKEN' : `${toEnvName(registry ?? 'npm')}_TOKEN`
    : envNameFor({ ruleId: ctx.finding.ruleId, bound: line.key.replace(/^\/\/[^:]+:/, '') });
  return moveTo(ctx, preferredName, line, '${NAME}', baseName(ctx.doc.path), 'npm expands ${NAME} in .npmrc from the environment.');
}

/** VS Code REST Client files read `{{$dotenv NAME}}` from the `.env` beside them. */
export function httpFileDraft(ctx: FixContext): Draft {
  const bound = ctx.finding.boundName;
  const name = ctx.env.place(envNameFor({ ruleId: ctx.finding.ruleId, bound }), ctx.raw);
  return {
    title: `Reference {{$dotenv ${name}}} and move the value to ${ctx.envFile}`,
    description: `REST Client reads {{$dotenv ${name}}} from the .env file next to the request file. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace(ctx.value, `{{$dotenv ${name}}}`)],
  };
}

/** Maven `settings.xml` interpolates `${env.NAME}`. */
export function mavenSettingsDraft(ctx: FixContext): Draft | undefined {
  const { text } = ctx.doc;
  const before = text.slice(Math.max(0, ctx.value.start - 200), ctx.value.start);
  const tag = /<([\w.-]+)>\s*$/.exec(before)?.[1];
  if (!tag) return undefined;
  const server = /<id>([^<]{1,80})<\/id>(?:(?!<\/server>)[\s\S])*$/.exec(text.slice(Math.max(0, ctx.value.start - 600), ctx.value.start))?.[1];
  const bound = server ? `${server}_${tag}` : tag;
  const name = ctx.env.place(envNameFor({ ruleId: ctx.finding.ruleId, bound }), ctx.raw);
  const edits: TextEdit[] = [replace(ctx.value, `\${env.${name}}`)];
  return {
    title: `Reference \${env.${name}} in settings.xml and move the value to ${ctx.envFile}`,
    description: `Maven interpolates \${env.${name}} from the environment. ${storedAdvice(name, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits,
  };
}
