// Secrets in HCL: a Terraform attribute reads a `sensitive` input variable (declared in the folder's
// variables.tf, or in the same file), set from `TF_VAR_<name>`; a .tfvars line goes and its value
// moves to `TF_VAR_<name>`; a Nomad job reads a job variable set from `NOMAD_VAR_<name>`.
import { baseName } from '../lang/languages';
import type { FileEdit, TextEdit } from '../types';
import { appendLines } from './env';
import { folderOf, replace, rotateAdvice, storedAdvice, type Draft, type FixContext } from './draft';
import { decodeEscapes } from './literals';

const GENERIC_ATTRIBUTES = /^(?:token|api_token|api_key|key|password|secret|secret_key|access_key|access_token|client_secret|auth_token|value|private_key)$/;

interface Attribute {
  name: string;
  lineStart: number;
  lineEnd: number;
  /** The quoted string holding the value. */
  stringStart: number;
  stringEnd: number;
}

function attributeAt(text: string, value: { start: number; end: number }): Attribute | undefined {
  const lineStart = text.lastIndexOf('\n', value.start - 1) + 1;
  const nl = text.indexOf('\n', value.end);
  const lineEnd = nl === -1 ? text.length : nl + 1;
  const m = /^\s*([A-Za-z_][\w-]*)\s*=\s*"/.exec(text.slice(lineStart, value.start + 1));
  if (!m) return undefined;
  const stringStart = lineStart + m[0].length - 1;
  let i = stringStart + 1;
  for (; i < lineEnd; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') break;
  }
  if (i >= lineEnd || i < value.end) return undefined;
  return { name: m[1], lineStart, lineEnd, stringStart, stringEnd: i + 1 };
}

/** The labels of the block around `offset`: `provider "aws"` → ['provider', 'aws']. */
function enclosingBlock(text: string, offset: number): string[] {
  let depth = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) {
        const lineStart = text.lastIndexOf('\n', i - 1) + 1;
        const header = text.slice(lineStart, i);
        return [...header.matchAll(/"([^"]+)"|([A-Za-z_][\w-]*)/g)].map((m) => m[1] ?? m[2]);
      }
      depth--;
    }
  }
  return [];
}

function variableName(attribute: string, block: string[]): string {
  if (!GENERIC_ATTRIBUTES.test(attribute)) return attribute.toLowerCase().replace(/-/g, '_');
  const label = block[0] === 'provider' ? block[1] : block[0] === 'resource' || block[0] === 'data' ? block[2] : block[0] !== 'env' ? block[1] ?? block[0] : undefined;
  return `${label ? `${label}_` : ''}${attribute}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

function declared(texts: (string | undefined)[], name: string): boolean {
  const re = new RegExp(`^\\s*variable\\s+"${name}"\\s*\\{`, 'm');
  return texts.some((t) => t !== undefined && re.test(t));
}

export function hclDraft(ctx: FixContext): Draft | undefined {
  const file = baseName(ctx.doc.path).toLowerCase();
  if (/\.tfvars(?:\.json)?$/.test(file)) return tfvarsDraft(ctx);
  if (file.endsWith('.tf')) return variableDraft(ctx, 'terraform');
  if (file.endsWith('.nomad') || file.endsWith('.nomad.hcl')) return variableDraft(ctx, 'nomad');
  return undefined;
}

function variableDraft(ctx: FixContext, tool: 'terraform' | 'nomad'): Draft | undefined {
  const { text } = ctx.doc;
  const attr = attributeAt(text, ctx.value);
  if (!attr) return undefined;
  const content = text.slice(attr.stringStart + 1, attr.stringEnd - 1);
  if (/\$\{|%\{/.test(content.replace(text.slice(ctx.value.start, ctx.value.end), ''))) return undefined;
  const whole = attr.stringStart + 1 === ctx.value.start && attr.stringEnd - 1 === ctx.value.end;
  const value = decodeEscapes(ctx.raw);
  const folder = folderOf(ctx.doc.path);
  const variablesPath = `${folder}variables.tf`;
  const variablesText = tool === 'terraform' && ctx.doc.path !== variablesPath ? ctx.workspace.read(variablesPath) : undefined;
  const base = variableName(attr.name, enclosingBlock(text, attr.lineStart));
  const prefix = tool === 'terraform' ? 'TF_VAR_' : 'NOMAD_VAR_';
  // The variable is read under exactly TF_VAR_<name>: a name whose variable is free in the env file (or holds this value).
  let name = base;
  for (let n = 2; (declared([text, variablesText], name) || !ctx.env.available(`${prefix}${name}`, value)) && !ctx.env.holds(`${prefix}${name}`, value); n++) name = `${base}_${n}`;
  const envName = ctx.env.placeRequired(`${prefix}${name}`, value);
  if (envName !== `${prefix}${name}`) return undefined;
  const ref = whole ? `var.${name}` : `"${text.slice(attr.stringStart + 1, ctx.value.start)}\${var.${name}}${text.slice(ctx.value.end, attr.stringEnd - 1)}"`;
  const edits: TextEdit[] = [replace({ start: attr.stringStart, end: attr.stringEnd }, ref)];
  const files: FileEdit[] = [];
  const block = tool === 'terraform'
    ? [`variable "${name}" {`, '  type      = string', '  sensitive = true', '}']
    : [`variable "${name}" {`, '  type = string', '}'];
  if (!declared([text, variablesText], name)) {
    if (variablesText !== undefined) files.push(appendLines(variablesPath, variablesText, ['', ...block]));
    else edits.push(appendLines(ctx.doc.path, text, ['', ...block]).edits[0]);
  }
  const where = variablesText !== undefined ? variablesPath : ctx.doc.path;
  return {
    title: `Read var.${name} (a${tool === 'terraform' ? ' sensitive' : ''} variable declared in ${baseName(where)}) and move the value to ${ctx.envFile} as ${envName}`,
    description: `${tool === 'terraform' ? 'Terraform' : 'Nomad'} sets var.${name} from the environment variable ${envName}. ${storedAdvice(envName, ctx.envFile)} ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits,
    files,
  };
}

function tfvarsDraft(ctx: FixContext): Draft | undefined {
  const { text } = ctx.doc;
  const attr = attributeAt(text, ctx.value);
  if (!attr || attr.stringStart + 1 !== ctx.value.start || attr.stringEnd - 1 !== ctx.value.end) return undefined;
  const variable = `TF_VAR_${attr.name}`;
  const name = ctx.env.placeRequired(variable, decodeEscapes(ctx.raw));
  if (name !== variable) return undefined;
  return {
    title: `Remove ${attr.name} from ${baseName(ctx.doc.path)}: Terraform reads ${variable} from the environment (value moved to ${ctx.envFile})`,
    description: `${storedAdvice(name, ctx.envFile)} Mark the variable \`sensitive = true\`. ${rotateAdvice(ctx.finding)}`,
    preferred: true,
    edits: [replace({ start: attr.lineStart, end: attr.lineEnd }, '')],
  };
}

