// Workload identity instead of keys: an SDK client built with explicit cloud credentials switches to
// the provider's default credential chain (an IAM role, a managed identity, workload identity
// federation on the platform; the environment locally). The removed values move to the env file
// under the variables the default chain reads, so that local runs keep working.
import type { TextEdit } from '../types';
import { closingBracket, itemsBetween, openBracketsAt, removalSpan, type Item } from './brackets';
import { codeFamilyOf, importEdits, pythonImport } from './code';
import { eolOf, insert, replace, rotateAdvice, type Draft, type FixContext } from './draft';
import { decodeContent, placementOf, SYNTAX, type CodeSyntax } from './literals';

const AWS_PLATFORM = 'On AWS, give the workload an IAM role instead (Lambda execution role, ECS task role, EC2 instance profile, EKS IRSA or Pod Identity; OIDC in CI); for another account\'s resources, assume a role there (sts:AssumeRole). Then deactivate the access key in IAM.';
const AZURE_PLATFORM = 'In Azure, assign the app a managed identity (or workload identity federation outside Azure) and grant it the role it needs; DefaultAzureCredential finds it. Then delete the client secret or regenerate the key.';

/** boto3 keyword arguments and the variables the default chain reads instead. */
const BOTO3_KEYWORDS: Record<string, string> = {
  aws_access_key_id: 'AWS_ACCESS_KEY_ID',
  aws_secret_access_key: 'AWS_SECRET_ACCESS_KEY',
  aws_session_token: 'AWS_SESSION_TOKEN',
};
/** Fields of a `credentials` object and where the removed values are kept. */
const CREDENTIAL_FIELDS: Record<string, string> = {
  accessKeyId: 'AWS_ACCESS_KEY_ID',
  secretAccessKey: 'AWS_SECRET_ACCESS_KEY',
  sessionToken: 'AWS_SESSION_TOKEN',
  private_key: 'GOOGLE_PRIVATE_KEY',
  private_key_id: 'GOOGLE_PRIVATE_KEY_ID',
  client_email: 'GOOGLE_CLIENT_EMAIL',
};

export function workloadDrafts(ctx: FixContext): Draft[] {
  const family = codeFamilyOf(ctx.language, ctx.doc.path);
  if (!family) return [];
  const syntax = SYNTAX[family === 'typescript' ? 'javascript' : family];
  if (!syntax) return [];
  const found = [
    family === 'python' ? boto3Draft(ctx, syntax) : undefined,
    family === 'python' ? gcpServiceAccountDraft(ctx, syntax) : undefined,
    family === 'javascript' || family === 'typescript' ? jsCredentialsDraft(ctx, syntax) : undefined,
    family === 'go' ? goStaticDraft(ctx, syntax) : undefined,
    family === 'python' || family === 'javascript' || family === 'typescript' || family === 'csharp' ? azureSecretDraft(ctx, syntax, family) : undefined,
    family === 'python' || family === 'javascript' || family === 'typescript' || family === 'csharp' ? azureConnectionDraft(ctx, syntax, family) : undefined,
  ];
  return found.filter((d): d is Draft => Boolean(d));
}

/** The literal's decoded value when `item` is a plain string literal, else undefined. */
function literalValue(text: string, item: Item, syntax: CodeSyntax): string | undefined {
  const p = placementOf(text, { start: item.start + 1, end: item.end - 1 }, syntax);
  if (p.kind !== 'string' || p.literal.start !== item.start || p.literal.end !== item.end) return undefined;
  return decodeContent(text.slice(p.literal.contentStart, p.literal.contentEnd), p.literal);
}

/** Stores literal credentials under the default chain's variables; returns a note on what was kept. */
function keepValues(ctx: FixContext, values: [string, string | undefined][]): string {
  const kept = values.filter((v): v is [string, string] => v[1] !== undefined).map(([name, value]) => ctx.env.placeRequired(name, value));
  return kept.length ? `The removed values are kept in ${ctx.envFile} as ${kept.join(', ')} (git-ignored), where the default chain finds them for local runs.` : '';
}

function boto3Draft(ctx: FixContext, syntax: CodeSyntax): Draft | undefined {
  const { text } = ctx.doc;
  const call = [...openBracketsAt(text, ctx.value.start, syntax)].reverse().find((o) => o.char === '(');
  if (!call) return undefined;
  const callee = /([\w.]+)\s*$/.exec(text.slice(Math.max(0, call.at - 80), call.at))?.[1] ?? '';
  if (!/(?:^|\.)(?:client|resource|Session)$/.test(callee) || !/boto3|session|Session/.test(callee + text.slice(0, call.at).slice(-2000))) return undefined;
  const close = closingBracket(text, call.at, syntax);
  if (close === -1) return undefined;
  const items = itemsBetween(text, call.at, close, syntax);
  const removals: number[] = [];
  const values: [string, string | undefined][] = [];
  items.forEach((item, i) => {
    const m = /^(aws_access_key_id|aws_secret_access_key|aws_session_token)\s*=\s*/.exec(text.slice(item.start, item.end));
    if (!m) return;
    removals.push(i);
    values.push([BOTO3_KEYWORDS[m[1]], literalValue(text, { start: item.start + m[0].length, end: item.end }, syntax)]);
  });
  if (!removals.some((i) => items[i].start <= ctx.value.start && ctx.value.end <= items[i].end)) return undefined;
  const kept = keepValues(ctx, values);
  return {
    title: `Use the default AWS credential chain: remove the access keys from ${callee}()`,
    description: `boto3 then finds credentials by itself (role, environment, ~/.aws). ${AWS_PLATFORM} ${kept} ${rotateAdvice(ctx.finding)}`.replace(/\s+/g, ' '),
    preferred: true,
    edits: removals.map((i) => replace(removalSpan(text, items, i), '')),
  };
}

/** `credentials: { accessKeyId, secretAccessKey }` (AWS SDK v3) or `credentials: { client_email, private_key }` (Google) in `new X({...})`. */
function jsCredentialsDraft(ctx: FixContext, syntax: CodeSyntax): Draft | undefined {
  const { text } = ctx.doc;
  const stack = openBracketsAt(text, ctx.value.start, syntax);
  for (let k = stack.length - 1; k >= 1; k--) {
    const inner = stack[k];
    if (inner.char !== '{') continue;
    const property = /(["']?)(credentials)\1\s*:\s*$/.exec(text.slice(Math.max(0, inner.at - 40), inner.at));
    const outer = stack[k - 1];
    if (!property || outer.char !== '{') continue;
    const call = stack[k - 2];
    const callee = call && call.char === '(' ? /new\s+([\w.]+)\s*$/.exec(text.slice(Math.max(0, call.at - 80), call.at))?.[1] : undefined;
    if (!callee) return undefined;
    const close = closingBracket(text, outer.at, syntax);
    const items = itemsBetween(text, outer.at, close, syntax);
    const index = items.findIndex((it) => it.start <= inner.at && inner.at < it.end);
    if (index === -1) return undefined;
    const credsClose = closingBracket(text, inner.at, syntax);
    const fields = itemsBetween(text, inner.at, credsClose, syntax);
    const values: [string, string | undefined][] = [];
    let google = false;
    for (const f of fields) {
      const m = /^["']?(\w+)["']?\s*:\s*/.exec(text.slice(f.start, f.end));
      if (!m) continue;
      if (m[1] === 'private_key' || m[1] === 'client_email') google = true;
      const variable = CREDENTIAL_FIELDS[m[1]];
      if (variable) values.push([variable, literalValue(text, { start: f.start + m[0].length, end: f.end }, syntax)]);
    }
    const kept = keepValues(ctx, values);
    const platform = google
      ? 'Application Default Credentials then apply: on Google Cloud the attached service account, elsewhere workload identity federation (GOOGLE_APPLICATION_CREDENTIALS pointing at a federation config, or `gcloud auth application-default login` locally). Then delete the service-account key.'
      : `The SDK's default provider chain then finds credentials by itself. ${AWS_PLATFORM}`;
    return {
      title: `Use the default ${google ? 'Google (Application Default Credentials)' : 'AWS'} credential chain: remove \`credentials\` from new ${callee}()`,
      description: `${platform} ${kept} ${rotateAdvice(ctx.finding)}`.replace(/\s+/g, ' '),
      preferred: true,
      edits: [replace(removalSpan(text, items, index), '')],
    };
  }
  return undefined;
}

/** `config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(...))` in `config.LoadDefaultConfig(...)`. */
function goStaticDraft(ctx: FixContext, syntax: CodeSyntax): Draft | undefined {
  const { text } = ctx.doc;
  const stack = openBracketsAt(text, ctx.value.start, syntax);
  const provider = [...stack].reverse().find((o) => o.char === '(' && /credentials\.NewStaticCredentialsProvider\s*$/.test(text.slice(Math.max(0, o.at - 60), o.at)));
  if (!provider) return undefined;
  const index = stack.indexOf(provider);
  const option = stack[index - 1];
  const load = stack[index - 2];
  if (!option || !load || !/config\.WithCredentialsProvider\s*$/.test(text.slice(Math.max(0, option.at - 60), option.at))) return undefined;
  if (!/config\.LoadDefaultConfig\s*$/.test(text.slice(Math.max(0, load.at - 60), load.at))) return undefined;
  const loadClose = closingBracket(text, load.at, syntax);
  const items = itemsBetween(text, load.at, loadClose, syntax);
  const i = items.findIndex((it) => it.start <= option.at && option.at < it.end);
  if (i === -1) return undefined;
  const providerClose = closingBracket(text, provider.at, syntax);
  const args = itemsBetween(text, provider.at, providerClose, syntax);
  const values: [string, string | undefined][] = [
    ['AWS_ACCESS_KEY_ID', args[0] && literalValue(text, args[0], syntax)],
    ['AWS_SECRET_ACCESS_KEY', args[1] && literalValue(text, args[1], syntax)],
    ['AWS_SESSION_TOKEN', args[2] && (literalValue(text, args[2], syntax) || undefined)],
  ];
  const kept = keepValues(ctx, values);
  const removal = removalSpan(text, items, i);
  const edits: TextEdit[] = [replace(removal, '')];
  // The credentials package may now be unused, which Go refuses to compile.
  const rest = text.slice(0, removal.start) + text.slice(removal.end);
  if (!/\bcredentials\./.test(rest)) {
    const imp = /^[ \t]*(?:\w+\s+)?"github\.com\/aws\/aws-sdk-go-v2\/credentials"[ \t]*\r?\n/m.exec(text);
    if (imp) edits.push(replace({ start: imp.index, end: imp.index + imp[0].length }, ''));
  }
  return {
    title: 'Use the default AWS credential chain: drop the static credentials provider from config.LoadDefaultConfig',
    description: `LoadDefaultConfig then finds credentials by itself. ${AWS_PLATFORM} ${kept} ${rotateAdvice(ctx.finding)}`.replace(/\s+/g, ' '),
    preferred: true,
    edits,
  };
}

/** `ClientSecretCredential(tenant, client, secret)` → `DefaultAzureCredential()`. */
function azureSecretDraft(ctx: FixContext, syntax: CodeSyntax, family: string): Draft | undefined {
  const { text } = ctx.doc;
  const call = [...openBracketsAt(text, ctx.value.start, syntax)].reverse().find((o) => o.char === '(');
  if (!call) return undefined;
  const head = /((?:new\s+)?(?:[\w.]+\.)?)ClientSecretCredential\s*$/.exec(text.slice(Math.max(0, call.at - 80), call.at));
  if (!head) return undefined;
  const close = closingBracket(text, call.at, syntax);
  const args = itemsBetween(text, call.at, close, syntax);
  const argValue = (i: number, keyword: string) => {
    const named = args.find((a) => new RegExp(`^${keyword}\\s*[=:]`).test(text.slice(a.start, a.end)));
    const item = named ? { start: named.start + /^\w+\s*[=:]\s*/.exec(text.slice(named.start, named.end))![0].length, end: named.end } : args[i];
    return item && literalValue(text, item, syntax);
  };
  const kept = keepValues(ctx, [
    ['AZURE_TENANT_ID', argValue(0, family === 'python' ? 'tenant_id' : 'tenantId')],
    ['AZURE_CLIENT_ID', argValue(1, family === 'python' ? 'client_id' : 'clientId')],
    ['AZURE_CLIENT_SECRET', argValue(2, family === 'python' ? 'client_secret' : 'clientSecret')],
  ]);
  const start = call.at - head[0].length;
  const edits: TextEdit[] = [replace({ start, end: close + 1 }, `${head[1]}DefaultAzureCredential()`), ...azureImport(text, family)];
  return {
    title: 'Use DefaultAzureCredential (managed identity) instead of a client secret',
    description: `${AZURE_PLATFORM} Locally, DefaultAzureCredential reads AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET from the environment, or uses your Azure CLI login. ${kept} ${rotateAdvice(ctx.finding)}`.replace(/\s+/g, ' '),
    preferred: true,
    edits,
  };
}

function azureImport(text: string, family: string): TextEdit[] {
  if (/\bDefaultAzureCredential\b/.test(text)) return [];
  if (family === 'csharp') {
    const first = /^using\s+[\w.]+\s*;/m.exec(text);
    return first && !/^using\s+Azure\.Identity\s*;/m.test(text) ? [insert(first.index, `using Azure.Identity;${eolOf(text)}`)] : [];
  }
  if (family === 'python') {
    const m = /^from\s+azure\.identity\s+import\s+([^\n(]+)$/m.exec(text);
    if (m) return [insert(m.index + m[0].length, ', DefaultAzureCredential')];
    return [insert(0, 'from azure.identity import DefaultAzureCredential\n')];
  }
  const m = /import\s*\{([^}]*)\}\s*from\s*["']@azure\/identity["']/.exec(text);
  if (m) {
    const at = m.index + m[0].indexOf('{') + 1 + m[1].trimEnd().length;
    return [insert(at, `${m[1].trim().endsWith(',') ? '' : ','} DefaultAzureCredential`)];
  }
  const req = /const\s*\{([^}]*)\}\s*=\s*require\(\s*["']@azure\/identity["']\s*\)/.exec(text);
  if (req) return [insert(req.index + req[0].indexOf('{') + 1 + req[1].trimEnd().length, ', DefaultAzureCredential')];
  return [];
}

/** A storage client from a connection string with `AccountKey=` → the account URL and DefaultAzureCredential. */
function azureConnectionDraft(ctx: FixContext, syntax: CodeSyntax, family: string): Draft | undefined {
  const { text } = ctx.doc;
  const p = placementOf(text, ctx.value, syntax);
  if (p.kind !== 'string') return undefined;
  const content = decodeContent(text.slice(p.literal.contentStart, p.literal.contentEnd), p.literal);
  const account = /AccountName=([a-z0-9]{3,24})/i.exec(content)?.[1];
  const service = /AccountKey=/i.test(content) ? 'blob' : undefined;
  if (!account || !service) return undefined;
  const call = [...openBracketsAt(text, p.literal.start, syntax)].reverse().find((o) => o.char === '(');
  if (!call) return undefined;
  const head = /(?:new\s+)?(\w*(?:Blob|Queue|Table|DataLake|File|Share)\w*Client)(?:\.(from_connection_string|fromConnectionString))?\s*$/.exec(text.slice(Math.max(0, call.at - 80), call.at));
  if (!head) return undefined;
  const close = closingBracket(text, call.at, syntax);
  const args = itemsBetween(text, call.at, close, syntax);
  if (args[0]?.start !== p.literal.start || args[0].end !== p.literal.end) return undefined;
  const kind = /Queue/.test(head[1]) ? 'queue' : /Table/.test(head[1]) ? 'table' : /DataLake/.test(head[1]) ? 'dfs' : /File|Share/.test(head[1]) ? 'file' : 'blob';
  const url = `https://${account}.${kind}.core.windows.net`;
  const rest = args.slice(1).map((a) => text.slice(a.start, a.end));
  let replacement: string;
  if (family === 'python') replacement = `${head[1]}(${[`account_url="${url}"`, 'credential=DefaultAzureCredential()', ...rest].join(', ')})`;
  else if (family === 'csharp') replacement = `new ${head[1]}(${[`new Uri("${url}")`, 'new DefaultAzureCredential()', ...rest].join(', ')})`;
  else replacement = `new ${head[1]}(${[`"${url}"`, 'new DefaultAzureCredential()', ...rest].join(', ')})`;
  const start = call.at - head[0].length;
  const kept = keepValues(ctx, [['AZURE_STORAGE_CONNECTION_STRING', content]]);
  const edits: TextEdit[] = [...(family === 'csharp' ? importEdits(text, 'csharp') : []), replace({ start, end: close + 1 }, replacement), ...azureImport(text, family)];
  return {
    title: `Connect to ${account} with DefaultAzureCredential instead of the account key`,
    description: `${AZURE_PLATFORM} Grant the identity a data role on the account (e.g. Storage Blob Data Contributor), then rotate the account key; shared-key access can be turned off on the account. ${kept} ${rotateAdvice(ctx.finding)}`.replace(/\s+/g, ' '),
    preferred: true,
    edits,
  };
}

const GCP_PLATFORM = 'Application Default Credentials then apply: on Google Cloud the service account attached to the job or service, elsewhere workload identity federation; locally `gcloud auth application-default login`. Then delete the service-account key in IAM.';

/**
 * A service-account key inlined as a dict and passed to `Credentials.from_service_account_info(...)`:
 * the dict goes and the credentials come from `google.auth.default()` (Application Default Credentials).
 */
function gcpServiceAccountDraft(ctx: FixContext, syntax: CodeSyntax): Draft | undefined {
  const { text } = ctx.doc;
  const dict = [...openBracketsAt(text, ctx.value.start, syntax)].reverse().find((o) => o.char === '{');
  if (!dict) return undefined;
  const lineStart = text.lastIndexOf('\n', dict.at - 1) + 1;
  const assigned = /^[ \t]*([A-Za-z_]\w*)\s*=\s*$/.exec(text.slice(lineStart, dict.at))?.[1];
  if (!assigned) return undefined;
  const dictClose = closingBracket(text, dict.at, syntax);
  if (dictClose === -1) return undefined;
  const calls = [...text.matchAll(new RegExp(`[\\w.]*from_service_account_info\\(\\s*${assigned}\\b`, 'g'))];
  const uses = [...text.matchAll(new RegExp(`\\b${assigned}\\b`, 'g'))].length;
  if (calls.length === 0 || uses !== calls.length + 1) return undefined;
  const nl = text.indexOf('\n', dictClose);
  let end = nl === -1 ? text.length : nl + 1;
  // With a blank line before the statement, the blank lines after it go too.
  if (/\n\s*\n$/.test(text.slice(0, lineStart))) end += /^(?:[ \t]*\r?\n)*/.exec(text.slice(end))![0].length;
  const edits: TextEdit[] = [replace({ start: lineStart, end }, '')];
  for (const call of calls) {
    const open = call.index! + call[0].indexOf('(');
    const close = closingBracket(text, open, syntax);
    if (close === -1) return undefined;
    const rest = itemsBetween(text, open, close, syntax).slice(1).map((a) => text.slice(a.start, a.end)).join(', ');
    const callLine = text.lastIndexOf('\n', call.index! - 1) + 1;
    const target = /^([ \t]*)([A-Za-z_]\w*)\s*=\s*$/.exec(text.slice(callLine, call.index!));
    if (target && !new RegExp(`\\b${target[2]}_project\\b`).test(text)) {
      // `creds = …` becomes `creds, creds_project = google.auth.default()`: ADC credentials may lack `project_id`.
      const v = target[2];
      edits.push(replace({ start: callLine + target[1].length, end: close + 1 }, `${v}, ${v}_project = google.auth.default(${rest})`));
      for (const m of text.slice(close).matchAll(new RegExp(`\\b${v}\\.project_id\\b`, 'g'))) {
        edits.push(replace({ start: close + m.index!, end: close + m.index! + m[0].length }, `${v}_project`));
      }
    } else {
      edits.push(replace({ start: call.index!, end: close + 1 }, `google.auth.default(${rest})[0]`));
    }
  }
  if (!/^\s*import\s+google\.auth\s*$/m.test(text)) edits.push(pythonImport(text, 'import google.auth'));
  const info = text.slice(dict.at, dictClose + 1);
  const kept = keepValues(ctx, [['GOOGLE_SERVICE_ACCOUNT_JSON', serviceAccountJson(info)]]);
  return {
    title: `Use Application Default Credentials (google.auth.default()) instead of the inlined service-account key ${assigned}`,
    description: `${GCP_PLATFORM} ${kept} ${rotateAdvice(ctx.finding)}`.replace(/\s+/g, ' '),
    preferred: true,
    edits,
  };
}

/** The inlined key as compact JSON when the dict is JSON-shaped (comments and trailing commas aside), else as written. */
function serviceAccountJson(dictText: string): string {
  const cleaned = dictText.replace(/^[ \t]*#.*\r?\n/gm, '').replace(/,(\s*})/g, '$1');
  try {
    return JSON.stringify(JSON.parse(cleaned));
  } catch {
    return dictText;
  }
}
