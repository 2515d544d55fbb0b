// MCP server configuration in every client's format: VS Code (`.vscode/mcp.json`, key `servers`, or
// `mcp.servers` in settings), Claude (`.mcp.json`, `claude_desktop_config.json`, `~/.claude.json`),
// Cursor, Windsurf, Gemini, Kiro, Roo and Copilot coding agent (key `mcpServers`), Zed (`context_servers`).
// Judges literal credentials the secret rules cannot see, filesystem roots, `"tools": ["*"]`, and
// servers whose every tool call is approved in advance (Gemini `"trust": true`, `"autoApprove": ["*"]`).
import { agentProjectRoot, FACT } from '../correlate/facts';
import type { Detector, ScanContext } from '../detector';
import { KeywordSet } from '../keywordIndex';
import { baseName } from '../lang/languages';
import { classifyName } from '../secrets/names';
import { assessValue, isTemplateReference } from '../secrets/noise';
import { isPlaceholder } from '../secrets/placeholders';
import { afterAuthScheme } from '../secrets/generic/valueParts';
import { providerDetector } from '../secrets/providerDetector';
import { dataFromJson, get, stringList, stringValue, type DataNode, type DataScalar } from '../structured';
import { LineIndex } from '../text';
import type { RawFinding, Span } from '../types';
import type { McpRootRemedy } from '../fixes/narrow/agentMcp';
import { broadRoot, FILESYSTEM_SERVER } from './paths';
import { AGENT_RULES } from './rules';

const SERVER_MAPS = new Set(['mcpservers', 'context_servers', 'mcp_servers']);
/** Names that do not say "secret" to the generic rules but do to a reader of an MCP config. */
const SECRETISH_KEY = /key|token|secret|passw|auth|cred|bearer|cookie|session|signature/i;
const FLAG = /^--?[A-Za-z][\w-]{1,40}$/;
const HEADER_ARG = /^([A-Za-z][\w-]{1,40})\s*:\s*(\S.*)$/;
const MAX_DEPTH = 8;

interface Server {
  name: string;
  config: DataNode;
}

export const mcpConfigDetector: Detector = {
  id: 'agent-mcp-config',
  rules: [AGENT_RULES.mcpLiteralCredential, AGENT_RULES.mcpFilesystemRoot, AGENT_RULES.mcpAllTools, AGENT_RULES.mcpApprovalNever],
  wantsTree: (ctx) => ctx.language === 'json' && looksLikeMcpConfig(ctx),
  detect(ctx: ScanContext): RawFinding[] {
    if (!ctx.tree || ctx.language !== 'json' || !looksLikeMcpConfig(ctx)) return [];
    const root = agentProjectRoot(ctx.path);
    const out: RawFinding[] = [];
    for (const doc of dataFromJson(ctx.tree.rootNode)) {
      for (const server of serversOf(doc, isMcpFile(ctx.path))) {
        const where = `MCP server \`${server.name}\` (${baseName(ctx.path)})`;
        out.push(...literalCredentials(ctx, server, where, root));
        out.push(...filesystemRoots(server, where));
        for (const star of stringList(get(server.config, 'tools')).filter((t) => t.value === '*')) {
          ctx.note?.(FACT.agentUnrestrictedTools, `${root}\t${server.name}`, star.node.span);
          out.push({
            ruleId: AGENT_RULES.mcpAllTools.id, span: star.node.span, confidence: 'validated',
            message: `${where} enables every tool with \`"tools": ["*"]\`: the agent calls write, delete and send tools without asking, including tools the server adds later. List the tools it needs.`,
            evidence: ['tools: *'],
          });
        }
        for (const approval of approvedInAdvance(server, where)) {
          ctx.note?.(FACT.agentUnrestrictedTools, `${root}\t${server.name}`, approval.span);
          out.push(approval);
        }
      }
    }
    return out;
  },
};

/**
 * Every tool call of the server approved before it is made: Gemini CLI `"trust": true` ("bypasses all
 * tool call confirmations for this server") and Kiro's `"autoApprove": ["*"]` (the documented wildcard;
 * a list of named tools is a choice the user made tool by tool and is not judged).
 */
function approvedInAdvance(server: Server, where: string): RawFinding[] {
  const out: RawFinding[] = [];
  const trust = get(server.config, 'trust');
  if (trust?.kind === 'scalar' && trust.value === true) {
    out.push({
      ruleId: AGENT_RULES.mcpApprovalNever.id, span: trust.span, confidence: 'validated',
      message: `${where} is marked \`"trust": true\`: Gemini CLI runs every one of its tools without asking, including tools that write, delete or send, and tools the server adds later. Remove \`trust\` (confirmations come back) and narrow the server with \`includeTools\`.`,
      evidence: ['trust: true'],
    });
  }
  for (const star of stringList(get(server.config, 'autoApprove')).filter((t) => t.value.trim() === '*')) {
    out.push({
      ruleId: AGENT_RULES.mcpApprovalNever.id, span: star.node.span, confidence: 'validated',
      message: `${where} auto-approves every tool with \`"autoApprove": ["*"]\`: the agent calls tools that write, delete or send without asking, including tools the server adds later. List the read-only tools that are safe to call unasked.`,
      evidence: ['autoApprove: *'],
    });
  }
  return out;
}

function isMcpFile(path: string): boolean {
  return /(?:^|[/._-])mcp(?:_config|_settings)?\.json$/i.test(path);
}

/** Looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const WORDS = new KeywordSet(['mcp', 'context_servers', 'mcpservers', 'mcp_servers', '"servers"', '"mcp"']);

function looksLikeMcpConfig(ctx: ScanContext): boolean {
  const has = (word: string) => WORDS.has(ctx, word);
  const mcpFile = isMcpFile(ctx.path);
  if (!mcpFile && !has('mcp') && !has('context_servers')) return false;
  return has('mcpservers') || has('context_servers') || has('mcp_servers') || (has('"servers"') && (mcpFile || has('"mcp"')));
}

/** Server maps anywhere in the document (`projects.<dir>.mcpServers` in ~/.claude.json, `mcp.servers` in VS Code settings). */
function serversOf(doc: DataNode, mcpFile: boolean): Server[] {
  const out: Server[] = [];
  const visit = (node: DataNode, key: string | undefined, parentKey: string | undefined, depth: number) => {
    if (node.kind !== 'object' || depth > MAX_DEPTH) return;
    const lower = key?.toLowerCase();
    const isServerMap = (lower && SERVER_MAPS.has(lower)) || (lower === 'servers' && (parentKey === 'mcp' || (mcpFile && depth === 1)));
    if (isServerMap) {
      for (const e of node.entries) if (e.value.kind === 'object') out.push({ name: e.key, config: e.value });
      return;
    }
    for (const e of node.entries) visit(e.value, e.key, key, depth + 1);
  };
  visit(doc, undefined, undefined, 0);
  return out;
}

interface Candidate {
  /** The credential part of the value (after `Bearer `). */
  span: Span;
  value: string;
  /** Where it sits, for the message: `env GITHUB_TOKEN`, `argument after --api-key`. */
  place: string;
  /** False when the generic secret rules already judge this place (a secret-named key, `--flag=value`). */
  ours: boolean;
}

function literalCredentials(ctx: ScanContext, server: Server, where: string, root: string): RawFinding[] {
  const candidates: Candidate[] = [];
  for (const field of ['env', 'headers']) {
    const map = get(server.config, field);
    if (map?.kind !== 'object') continue;
    for (const e of map.entries) {
      const value = stringValue(e.value);
      if (value === undefined) continue;
      // The generic rules judge secret-named keys; the rest count when the name or an auth scheme says "credential".
      const named = classifyName(e.key) !== null;
      if (named || afterAuthScheme(value) || SECRETISH_KEY.test(e.key)) {
        const candidate = credentialIn(ctx, e.value, value, `${field} ${e.key}`, !named);
        if (candidate) candidates.push(candidate);
      }
      // Headers passed as JSON in one variable (`OPENAPI_MCP_HEADERS`): judged per header.
      for (const [header, inner] of embeddedHeaders(value)) {
        const candidate = credentialIn(ctx, e.value, inner, `${header} header in ${field} ${e.key}`, true);
        if (candidate) candidates.push(candidate);
      }
    }
  }
  const args = get(server.config, 'args');
  const items = args?.kind === 'array' ? args.items : [];
  items.forEach((item, i) => {
    const text = stringValue(item);
    if (!text || item.kind !== 'scalar') return;
    const next = items[i + 1];
    if (FLAG.test(text) && classifyName(text.replace(/^-+/, '')) && next?.kind === 'scalar' && !stringValue(next)?.startsWith('-')) {
      const c = credentialIn(ctx, next, stringValue(next) ?? '', `argument after ${text}`, true);
      if (c) candidates.push(c);
      return;
    }
    const header = HEADER_ARG.exec(text);
    if (header && (classifyName(header[1]) || SECRETISH_KEY.test(header[1]))) {
      const c = credentialIn(ctx, item, header[2], `${header[1]} header argument`, true);
      if (c) candidates.push(c);
      return;
    }
    // `--api-key=…` and `NAME=…` are judged by the generic rules; noted for correlation only.
    const assignment = /^(?:--?)?([A-Za-z][\w-]{1,60})=(\S+)$/.exec(text);
    if (assignment && classifyName(assignment[1])) {
      const c = credentialIn(ctx, item, assignment[2], `argument ${assignment[1]}`, false);
      if (c) candidates.push(c);
    }
  });

  const out: RawFinding[] = [];
  for (const c of candidates) {
    ctx.note?.(FACT.mcpCredential, `${root}\t${server.name}`, c.span);
    if (!c.ours || providerRecognises(ctx, c.span)) continue;
    out.push({
      ruleId: AGENT_RULES.mcpLiteralCredential.id, span: c.span, confidence: 'context',
      message: `${where} gets a literal credential in ${c.place}: the file travels with the project or between machines, and the agent and every tool it runs can read it. Use an input (\`\${input:id}\` with \`"password": true\`) or an environment reference instead, and rotate it.`,
      evidence: [`server: ${server.name}`, `place: ${c.place}`],
    });
  }
  return out;
}

/**
 * The credential in `raw` (a part of the scalar's value, after any auth scheme), when it is a credible
 * secret; its span is found in the scalar's source, so JSON escapes elsewhere in it do not shift it.
 */
function credentialIn(ctx: ScanContext, node: DataNode, raw: string, place: string, ours: boolean): Candidate | undefined {
  if (node.kind !== 'scalar' || isPlaceholder(raw) || isTemplateReference(raw) || raw.includes('${')) return undefined;
  const part = afterAuthScheme(raw);
  const value = part ? raw.slice(part.start) : raw;
  if (!assessValue(value, 'token', true).credible) return undefined;
  const at = ctx.text.slice(node.valueSpan.start, node.valueSpan.end).lastIndexOf(value);
  if (at === -1) return undefined;
  const start = node.valueSpan.start + at;
  return { span: { start, end: start + value.length }, value, place, ours };
}

/** Header name and value pairs of a JSON object written in a string. */
function embeddedHeaders(value: string): [string, string][] {
  if (!value.trimStart().startsWith('{') || value.length > 4000) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
    return Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string' && (classifyName(e[0]) !== null || SECRETISH_KEY.test(e[0])));
  } catch {
    return [];
  }
}

/** True when a provider format recognises the value: the secret rules report it, with a better name. */
function providerRecognises(ctx: ScanContext, span: Span): boolean {
  const line = ctx.lines.lineOf(span.start);
  const start = ctx.lines.lineStart(line);
  const text = ctx.text.slice(start, ctx.lines.lineEnd(ctx.lines.lineOf(span.end)));
  const sub: ScanContext = { path: ctx.path, language: 'text', text, lines: new LineIndex(text), lower: text.toLowerCase(), tree: null, generated: false };
  return providerDetector.detect(sub).some((f) => {
    const v = f.valueSpan ?? f.span;
    return v.start < span.end - start && span.start - start < v.end;
  });
}

function filesystemRoots(server: Server, where: string): RawFinding[] {
  const command = stringValue(get(server.config, 'command')) ?? '';
  const args = get(server.config, 'args');
  const items = (args?.kind === 'array' ? args.items : []).filter((n): n is DataScalar => n.kind === 'scalar' && typeof n.value === 'string');
  const texts = items.map((n) => String(n.value));
  const out: RawFinding[] = [];
  const report = (node: DataScalar, what: string, how: string, root: string) => out.push({
    ruleId: AGENT_RULES.mcpFilesystemRoot.id, span: node.span, confidence: 'validated',
    remedy: { kind: 'mcp-root', data: { root, mount: how === 'mounts' } satisfies McpRootRemedy },
    message: `${where} ${how} ${what}: the agent can read SSH keys, cloud credentials and every project, and write anywhere the user can. Root it at the workspace (\`\${workspaceFolder}\`) or a project subfolder.`,
    evidence: [`server: ${server.name}`, `root: ${what}`],
  });

  if (/(?:^|[/\\])(?:docker|podman)(?:\.exe)?$/i.test(command)) {
    texts.forEach((t, i) => {
      const spec = t === '-v' || t === '--volume' || t === '--mount' ? texts[i + 1] : /^(?:-v|--volume|--mount)=/.test(t) ? t.slice(t.indexOf('=') + 1) : undefined;
      const node = t.includes('=') || !spec ? items[i] : items[i + 1];
      if (!spec || !node) return;
      const source = mountSource(spec, t.startsWith('--mount'));
      const what = source !== undefined ? broadRoot(source) : undefined;
      if (what && source !== undefined) report(node, what, 'mounts', source);
    });
    return out;
  }
  const packageIndex = FILESYSTEM_SERVER.test(command) ? -1 : texts.findIndex((t) => FILESYSTEM_SERVER.test(t));
  if (packageIndex === -1 && !FILESYSTEM_SERVER.test(command)) return out;
  for (let i = packageIndex + 1; i < items.length; i++) {
    const what = texts[i].startsWith('-') ? undefined : broadRoot(texts[i]);
    if (what) report(items[i], what, 'is a filesystem server rooted at', texts[i]);
  }
  return out;
}

/** The host side of `-v SRC:DST[:opts]` or `--mount type=bind,src=SRC,dst=DST`. */
function mountSource(spec: string, mount: boolean): string | undefined {
  if (mount) return /(?:^|,)(?:src|source)=([^,]*)/.exec(spec)?.[1];
  const drive = /^[A-Za-z]:[\\/]/.test(spec) ? 2 : 0;
  const colon = spec.indexOf(':', drive);
  return colon === -1 ? undefined : spec.slice(0, colon);
}
