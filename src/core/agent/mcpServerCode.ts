// Filesystem MCP servers started from agent code, rooted at `/`, a drive root or the home folder:
// the argument lists of OpenAI Agents `MCPServerStdio` (`params={"args": [...]}` in Python, `args` or a
// `fullCommand` string in TypeScript), the MCP SDKs' `StdioServerParameters` / `StdioClientTransport`,
// LangChain `MultiServerMCPClient`, Claude Agent SDK `mcpServers`, pydantic-ai `MCPServerStdio(cmd, args=[...])`.
// Found from the server's package name in a string; the tree gives the list (or command line) it sits in.
import type { Node } from 'web-tree-sitter';
import type { Detector, ScanContext } from '../detector';
import { KeywordSet } from '../keywordIndex';
import type { RawFinding, Span } from '../types';
import type { McpCodeRootRemedy } from '../fixes/narrow/agentMcpCode';
import { spanOf, stringContent } from '../structured/nodes';
import { CODE_LANGUAGES, isHomeExpression, stringAt } from './codeNodes';
import { broadRoot, FILESYSTEM_SERVER } from './paths';
import { AGENT_RULES } from './rules';

/** Each package name holds `filesystem` at most this far from its start (`server-filesystem`). */
const PACKAGE_LEAD = 'server-'.length;
const PACKAGE_AT = new RegExp(FILESYSTEM_SERVER.source, 'iy');
/** Looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const KEYWORD = new KeywordSet(['filesystem']);
const LISTS = new Set(['list', 'tuple', 'array']);
const MAX_CANDIDATES = 100;
/** The first word of a command line that starts a server package. */
const LAUNCHER = /^(?:.*[/\\])?(?:npx|bunx|pnpx|pnpm|yarn|npm|uvx|uv|pipx|node|deno|bun|python3?)(?:\.(?:exe|cmd))?$/i;
/** Words between the launcher and the package: flags and sub-commands (`-y`, `dlx`, `exec`, `run`, `--`). */
const RUNNER_WORD = /^(?:-.*|dlx|exec|x|run|tool|--)$/;

interface Root {
  span: Span;
  /** As written: `/`, `"~"`, `os.path.expanduser("~")`. */
  written: string;
  what: string;
  form: McpCodeRootRemedy['form'];
  /** A command-line word whose call also sets the server's `cwd`. */
  cwdSet?: boolean;
}

export const mcpServerCodeDetector: Detector = {
  id: 'agent-mcp-server-code',
  rules: [AGENT_RULES.mcpFilesystemRoot],
  wantsTree: (ctx) => CODE_LANGUAGES.has(ctx.language) && KEYWORD.any(ctx) && candidateOffsets(ctx).length > 0,
  treeFocus: (ctx) => candidateOffsets(ctx),
  detect(ctx: ScanContext): RawFinding[] {
    if (!ctx.tree || !CODE_LANGUAGES.has(ctx.language) || !KEYWORD.any(ctx)) return [];
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    for (const offset of candidateOffsets(ctx)) {
      const literal = stringAt(ctx.tree.rootNode, offset);
      const content = stringContent(literal);
      if (!literal || content === undefined) continue;
      const packageName = content.split(/\s+/).find((w) => FILESYSTEM_SERVER.test(w)) ?? content;
      for (const root of rootsAfter(literal, content)) {
        if (seen.has(root.span.start)) continue;
        seen.add(root.span.start);
        out.push({
          ruleId: AGENT_RULES.mcpFilesystemRoot.id, span: root.span, confidence: 'context',
          remedy: { kind: 'mcp-code-root', data: { language: ctx.language, written: root.written, form: root.form, cwdSet: root.cwdSet ?? false } satisfies McpCodeRootRemedy },
          message: `The filesystem MCP server started here (\`${packageName}\`) is rooted at ${root.what} (\`${root.written}\`): the agent can read SSH keys, cloud credentials and every project, and write anywhere the process can. Root it at the project folder (the working directory) or a subfolder.`,
          evidence: [`server: ${packageName}`, `root: ${root.what}`],
        });
      }
    }
    return out;
  },
};

/** Where a filesystem server's package is named: tried only just before each `filesystem` of the keyword pass. */
function candidateOffsets(ctx: ScanContext): number[] {
  const offsets: number[] = [];
  const [hits] = KEYWORD.hits(ctx);
  let end = 0;
  for (const hit of hits ?? []) {
    if (offsets.length >= MAX_CANDIDATES) break;
    for (let at = Math.max(end, hit - PACKAGE_LEAD); at <= hit; at++) {
      PACKAGE_AT.lastIndex = at;
      const m = PACKAGE_AT.exec(ctx.text);
      if (!m) continue;
      offsets.push(at);
      end = at + m[0].length;
      break;
    }
  }
  return offsets;
}

/** The broad roots given to the server named in `literal`: later words of a command line, later items of its list, or its `args`. */
function rootsAfter(literal: Node, content: string): Root[] {
  if (/\s/.test(content.trim())) return commandLineRoots(literal, content);
  const parent = literal.parent;
  if (parent && LISTS.has(parent.type)) {
    const items = parent.namedChildren.filter((n): n is Node => !!n && n.type !== 'comment');
    return items.slice(items.findIndex((n) => n.id === literal.id) + 1).flatMap((n) => rootOf(n));
  }
  // The package is the command (`command: "mcp-server-filesystem"`): its roots are the `args` beside it.
  const args = parent && siblingValue(parent, 'args');
  return args && LISTS.has(args.type) ? args.namedChildren.flatMap((n) => (n ? rootOf(n) : [])) : [];
}

/**
 * `fullCommand: 'npx -y @modelcontextprotocol/server-filesystem /'`: the words after the package, when
 * the string is a command line (a package runner or the server itself first, then flags), not prose.
 */
function commandLineRoots(literal: Node, content: string): Root[] {
  const start = literal.startIndex + literal.text.indexOf(content);
  const cwdSet = !!(literal.parent && siblingValue(literal.parent, 'cwd'));
  const out: Root[] = [];
  let afterPackage = false;
  const word = /\S+/g;
  for (let m = word.exec(content); m; m = word.exec(content)) {
    if (!afterPackage) {
      afterPackage = FILESYSTEM_SERVER.test(m[0]);
      if (!afterPackage && !(m.index === 0 ? LAUNCHER.test(m[0]) : RUNNER_WORD.test(m[0]))) return out;
      continue;
    }
    const path = m[0].replace(/^(['"])(.*)\1$/, '$2');
    const what = path.startsWith('-') ? undefined : broadRoot(path);
    if (what) out.push({ span: { start: start + m.index, end: start + m.index + m[0].length }, written: path, what, form: 'word', cwdSet });
  }
  return out;
}

function rootOf(node: Node): Root[] {
  const text = stringContent(node);
  if (text !== undefined) {
    const what = text.startsWith('-') ? undefined : broadRoot(text);
    return what ? [{ span: spanOf(node), written: text, what, form: 'literal' }] : [];
  }
  return node.type === 'string' || !isHomeExpression(node.text) ? [] : [{ span: spanOf(node), written: node.text, what: 'the home folder', form: 'expression' }];
}

/** The value of key `key` beside the pair or keyword argument `binding` (`{command: ..., args: [...]}`, `(command=..., args=[...])`). */
function siblingValue(binding: Node, key: string): Node | undefined {
  if (!/^(?:pair|keyword_argument)$/.test(binding.type)) return undefined;
  for (const sibling of binding.parent?.namedChildren ?? []) {
    if (!sibling || sibling.id === binding.id || !/^(?:pair|keyword_argument)$/.test(sibling.type)) continue;
    const name = sibling.childForFieldName('key') ?? sibling.childForFieldName('name');
    const nameText = name && (stringContent(name) ?? name.text);
    if (nameText === key) return sibling.childForFieldName('value') ?? undefined;
  }
  return undefined;
}
