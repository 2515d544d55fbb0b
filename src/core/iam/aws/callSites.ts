// The AWS calls a source file makes, as IAM actions with their line: boto3 clients and resources
// (Python), and the AWS SDK for JavaScript v3 (commands, aggregated clients, the DynamoDB document
// client) and v2 (`new AWS.S3()`). A text scan, because hosts collect this over the whole workspace
// without parsing it: comments and strings are masked first, and only names bound to an SDK client
// in the same file count, so `cache.get_object()` on anything else is never an AWS call.
import type { AwsCallSite } from '../../fixes/draft';
import { LineIndex, looksMinified } from '../../text';
import { maskCode, type MaskSyntax } from './codeMask';
import { actionsOfOperation, iamPrefixOf } from './sdkNames';

const PYTHON = /\.py$/i;
const SCRIPT = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i;
const MAX_BINDINGS = 200;
/** `receiver.method(`, optionally through one sub-resource (`ddb.Table("t").query(`); the receiver may be dotted (`self.s3`). */
const METHOD_CALL = /(?<![\w.$])([A-Za-z_$][\w.$]*)\s*\.\s*(?:[A-Z]\w*\([^()\n]{0,200}\)\s*\.\s*)?([A-Za-z_]\w*)\s*\(\s*(['"]?)/g;

/** Whether `awsCallSites` reads a file of this path (hosts filter with it before reading). */
export function mayCallAws(path: string): boolean {
  return PYTHON.test(path) || SCRIPT.test(path);
}

export function awsCallSites(path: string, text: string): AwsCallSite[] {
  if (looksMinified(text)) return [];
  if (PYTHON.test(path)) return /\b(?:boto3|aioboto3|aiobotocore|botocore)\b/.test(text) ? new Scan(path, text, 'python').python() : [];
  if (SCRIPT.test(path)) return /@aws-sdk\/|['"]aws-sdk['"]/.test(text) ? new Scan(path, text, 'javascript').javascript() : [];
  return [];
}

class Scan {
  private readonly masked: string;
  private readonly lines: LineIndex;
  private readonly sites: AwsCallSite[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly path: string, private readonly text: string, syntax: MaskSyntax) {
    this.masked = maskCode(text, syntax);
    this.lines = new LineIndex(text);
  }

  private add(actions: string[], offset: number): void {
    const line = this.lines.lineOf(offset);
    for (const action of actions) {
      const key = `${action}:${line}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.sites.push({ action, path: this.path, line });
    }
  }

  /** The content of the string literal whose opening quote is at `quote` (its content is masked, not its quotes). */
  private stringAt(quote: number): string | undefined {
    const q = this.masked[quote];
    if (q !== '"' && q !== "'" && q !== '`') return undefined;
    const close = this.masked.indexOf(q, quote + 1);
    if (close === -1 || close - quote > 200) return undefined;
    return this.text.slice(quote + 1, close);
  }

  /** Method calls on the bound variables. */
  private callsOn(bound: Map<string, string>): void {
    if (bound.size === 0) return;
    for (const m of this.masked.matchAll(METHOD_CALL)) {
      const prefix = bound.get(m[1]);
      if (!prefix) continue;
      const method = m[2];
      // `get_paginator("list_objects_v2")`, `generate_presigned_url("get_object")`: the named operation.
      if (/^(?:get_paginator|generate_presigned_url|generate_presigned_post|getPaginator)$/.test(method)) {
        const named = m[3] ? this.stringAt(m.index! + m[0].length - 1) : undefined;
        if (method === 'generate_presigned_post') this.add(actionsOfOperation(prefix, 'put_object'), m.index!);
        else if (named) this.add(actionsOfOperation(prefix, named), m.index!);
        continue;
      }
      this.add(actionsOfOperation(prefix, method), m.index!);
    }
  }

  python(): AwsCallSite[] {
    const bound = new Map<string, string>();
    const bind = (name: string, service: string | undefined) => {
      const prefix = service && iamPrefixOf(service);
      if (prefix && bound.size < MAX_BINDINGS) bound.set(name, prefix);
    };
    // At each `.client("s3")` / `.resource("dynamodb")`: `s3 = boto3.client("s3")`, `self.t = session.resource(...)`,
    // `x: S3Client = ...`, `async with session.client("s3") as s3:`.
    for (const m of this.masked.matchAll(/\.(?:client|resource)\(\s*(['"])/g)) {
      const service = this.stringAt(m.index! + m[0].length - 1);
      const lineStart = this.masked.lastIndexOf('\n', m.index!) + 1;
      const lineEnd = this.masked.indexOf('\n', m.index!);
      const before = this.masked.slice(Math.max(lineStart, m.index! - 200), m.index!);
      const after = this.masked.slice(m.index!, lineEnd === -1 ? undefined : Math.min(lineEnd, m.index! + 300));
      const assigned = /(?:^|[^\w.])([A-Za-z_][\w.]*)\s*(?::[^=]{0,80})?=\s*[\w.()\s]{0,80}$/.exec(before)?.[1];
      const managed = /^[^\n]*?\)\s*as\s+([A-Za-z_]\w*)/.exec(after)?.[1];
      for (const name of [assigned, managed]) if (name) bind(name, service);
    }
    // `table = dynamodb.Table("orders")`: a sub-resource of a bound resource serves the same service.
    for (const m of this.masked.matchAll(/(?<![\w.])([A-Za-z_][\w.]*)\s*=\s*([A-Za-z_][\w.]*)\s*\.\s*[A-Z]\w*\(/g)) {
      const prefix = bound.get(m[2]);
      if (prefix && !bound.has(m[1]) && bound.size < MAX_BINDINGS) bound.set(m[1], prefix);
    }
    this.callsOn(bound);
    // `boto3.client("s3").get_object(...)` with no variable.
    const inline = /\.client\(\s*(['"])[^()\n]{0,200}\)\s*\.\s*([a-z_]\w*)\s*\(/g;
    for (const m of this.masked.matchAll(inline)) {
      const prefix = iamPrefixOf(this.stringAt(m.index! + m[0].indexOf(m[1])) ?? '');
      if (prefix) this.add(actionsOfOperation(prefix, m[2]), m.index!);
    }
    return this.sorted();
  }

  javascript(): AwsCallSite[] {
    const clients = new Map<string, string>();
    for (const { names, namespace, pkg } of this.imports()) {
      const prefix = pkg === 'lib-dynamodb' ? 'dynamodb' : pkg === 'lib-storage' ? 's3' : iamPrefixOf(pkg);
      if (!prefix) continue;
      for (const [imported, local] of names) {
        if (pkg === 'lib-storage' && imported === 'Upload') this.news(local, ['s3:PutObject']);
        else if (imported.endsWith('Command') && imported.length > 7) this.news(local, actionsOfOperation(prefix, imported.slice(0, -7)));
        else if (/^[A-Z]/.test(imported) && !/(?:Exception|Error|Input|Output)$/.test(imported)) this.clientsOf(local, prefix, clients);
      }
      if (namespace) {
        const pattern = new RegExp(`\\bnew\\s+${escape(namespace)}\\.(\\w+)Command\\s*\\(`, 'g');
        for (const m of this.masked.matchAll(pattern)) this.add(actionsOfOperation(prefix, m[1]), m.index!);
      }
    }
    // SDK v2: `new AWS.S3()`, `new AWS.DynamoDB.DocumentClient()`.
    if (/['"]aws-sdk['"]/.test(this.text)) {
      const v2 = /(?<![\w.$])([A-Za-z_$][\w.$]*)\s*=\s*new\s+AWS\.(\w+)(?:\.DocumentClient)?\s*\(/g;
      for (const m of this.masked.matchAll(v2)) {
        const prefix = iamPrefixOf(m[2]);
        if (prefix && clients.size < MAX_BINDINGS) clients.set(m[1], prefix);
      }
    }
    this.callsOn(clients);
    return this.sorted();
  }

  /** `new LOCAL(` sites, each needing `actions`. */
  private news(local: string, actions: string[]): void {
    if (!actions.length) return;
    const pattern = new RegExp(`\\bnew\\s+${escape(local)}\\s*\\(`, 'g');
    for (const m of this.masked.matchAll(pattern)) this.add(actions, m.index!);
  }

  /** Variables holding a client or aggregated client: `const s3 = new S3({...})`, `DynamoDBDocument.from(client)`. */
  private clientsOf(local: string, prefix: string, clients: Map<string, string>): void {
    const pattern = new RegExp(`(?<![\\w.$])([A-Za-z_$][\\w.$]*)\\s*(?::[^=\\n]{0,80})?=\\s*(?:await\\s+)?(?:new\\s+${escape(local)}\\s*\\(|${escape(local)}\\.from\\s*\\()`, 'g');
    for (const m of this.masked.matchAll(pattern)) if (clients.size < MAX_BINDINGS) clients.set(m[1], prefix);
  }

  /** `import { A, B as C } from "@aws-sdk/client-x"`, `import * as ns from ...`, `const { A } = require(...)`. */
  private *imports(): Generator<{ names: [string, string][]; namespace?: string; pkg: string }> {
    const pattern = /\b(?:import\s+(?:type\s+)?([\w$*{}\s,]{1,2000}?)\s+from\s*|(?:const|let|var)\s+([\w${}\s,:]{1,2000}?)\s*=\s*require\(\s*)(['"])@aws-sdk\/(client-[\w-]+|lib-dynamodb|lib-storage)\3/g;
    for (const m of this.text.matchAll(pattern)) {
      if (this.masked[m.index!] !== this.text[m.index!]) continue;
      const clause = m[1] ?? m[2];
      const names: [string, string][] = [];
      const braces = /\{([^}]*)\}/.exec(clause);
      for (const part of braces?.[1].split(',') ?? []) {
        const spec = /^\s*(?:type\s+)?([\w$]+)(?:\s*(?:as|:)\s*([\w$]+))?\s*$/.exec(part);
        if (spec) names.push([spec[1], spec[2] ?? spec[1]]);
      }
      const namespace = /\*\s*as\s+([\w$]+)/.exec(clause)?.[1] ?? (!braces && /^\s*([\w$]+)\s*$/.exec(clause)?.[1]) ?? undefined;
      yield { names, namespace: namespace || undefined, pkg: m[4] };
    }
  }

  private sorted(): AwsCallSite[] {
    return this.sites.sort((a, b) => a.line - b.line || a.action.localeCompare(b.action));
  }
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
