// Agent code in Python, JavaScript and TypeScript that hands the model a shell, a Python interpreter or the
// whole file system (LangChain), or lets it call MCP tools without approval (OpenAI Agents SDK, Responses API).
// Candidates are found by name in the text; the syntax tree confirms a call or a property, not a comment.
import type { Node } from 'web-tree-sitter';
import type { Detector, ScanContext } from '../detector';
import { KeywordSet } from '../keywordIndex';
import type { FileToolkitRemedy } from '../fixes/narrow/agentCode';
import type { RawFinding, Remedy } from '../types';
import { spanOf, stringContent } from '../structured/nodes';
import { CODE_LANGUAGES, isHomeExpression } from './codeNodes';
import { broadRoot } from './paths';
import { AGENT_RULES } from './rules';

/** Looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const KEYWORDS = new KeywordSet(['shelltool', 'repltool', 'filemanagementtoolkit', 'load_tools', 'approval']);
const CANDIDATES = /\b(?:ShellTool|PythonREPLTool|PythonAstREPLTool|FileManagementToolkit|load_tools)\b|\brequire_?approval\b/gi;
const CALLS = new Set(['call', 'call_expression', 'new_expression']);

export const agentCodeDetector: Detector = {
  id: 'agent-code',
  rules: [AGENT_RULES.shellTool, AGENT_RULES.pythonReplTool, AGENT_RULES.unscopedFileTools, AGENT_RULES.mcpApprovalNever],
  wantsTree: (ctx) => CODE_LANGUAGES.has(ctx.language) && KEYWORDS.any(ctx),
  treeFocus: (ctx) => candidateOffsets(ctx),
  detect(ctx: ScanContext): RawFinding[] {
    if (!ctx.tree || !CODE_LANGUAGES.has(ctx.language) || !KEYWORDS.any(ctx)) return [];
    const out: RawFinding[] = [];
    for (const offset of candidateOffsets(ctx)) {
      const node = ctx.tree.rootNode.descendantForIndex(offset);
      if (!node) continue;
      const approval = /^require_?approval/i.test(ctx.text.slice(offset, offset + 16));
      // Comments and strings hold the names too; only code (and a quoted dict key) counts.
      const finding = approval
        ? /identifier$|^string_(?:content|fragment)$/.test(node.type) && judgeApproval(node)
        : /identifier$/.test(node.type) && node.startIndex === offset && judgeCall(ctx, node, node.text);
      if (finding) out.push(finding);
    }
    return out;
  },
};

function candidateOffsets(ctx: ScanContext): number[] {
  const offsets: number[] = [];
  if (!KEYWORDS.any(ctx)) return offsets;
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(ctx.text); m && offsets.length < 500; m = CANDIDATES.exec(ctx.text)) offsets.push(m.index);
  return offsets;
}

/** The call whose callee ends with this identifier (`ShellTool()`, `tools.ShellTool()`, `new ShellTool()`). */
function callOf(identifier: Node): Node | undefined {
  let callee: Node = identifier;
  for (let depth = 0; depth < 3 && callee.parent; depth++) {
    const parent: Node = callee.parent;
    if (CALLS.has(parent.type)) {
      const fn = parent.childForFieldName('function') ?? parent.childForFieldName('constructor');
      return fn && fn.endIndex === identifier.endIndex ? parent : undefined;
    }
    if (!/attribute|member_expression/.test(parent.type)) return undefined;
    callee = parent;
  }
  return undefined;
}

function argumentsOf(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'comment');
}

function judgeCall(ctx: ScanContext, identifier: Node, name: string): RawFinding | undefined {
  const call = callOf(identifier);
  if (!call) return undefined;
  if (name === 'ShellTool') {
    if (asksHuman(call)) return undefined;
    return {
      ruleId: AGENT_RULES.shellTool.id, span: spanOf(identifier), confidence: 'context', remedy: shellToolRemedy(ctx, call),
      message: '`ShellTool()` gives the model a shell on this host: any command, with the process\'s files, network and credentials. Sandbox it, or give the agent narrow tools.',
      evidence: ['tool: ShellTool'],
    };
  }
  if (name === 'PythonREPLTool' || name === 'PythonAstREPLTool') {
    return {
      ruleId: AGENT_RULES.pythonReplTool.id, span: spanOf(identifier), confidence: 'context',
      message: `\`${name}()\` runs model-written Python in this process: files, network, environment variables and credentials included. Run it in a sandbox.`,
      evidence: [`tool: ${name}`],
    };
  }
  if (name === 'load_tools') return judgeLoadTools(call);
  if (name === 'FileManagementToolkit') return judgeFileToolkit(ctx, identifier, call);
  return undefined;
}

/**
 * `ShellTool(ask_human_input=True)`: LangChain shows each command and runs it only after the operator
 * types "y", the human check LLM06 asks for, like a Claude Code `ask` rule (not reported either).
 */
function asksHuman(call: Node): boolean {
  return argumentsOf(call).some((arg) => arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'ask_human_input' && arg.childForFieldName('value')?.type === 'true');
}

/**
 * Where `ask_human_input=True` goes (Python only): the argument list, and the value of an
 * `ask_human_input=False` to flip. None with `**kwargs` (it may hold the keyword) or a variable value.
 */
function shellToolRemedy(ctx: ScanContext, call: Node): Remedy | undefined {
  const argumentList = call.childForFieldName('arguments');
  const args = argumentsOf(call);
  if (ctx.language !== 'python' || !argumentList || args.some((a) => /splat|spread/.test(a.type))) return undefined;
  const ask = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'ask_human_input')?.childForFieldName('value');
  if (ask && ask.type !== 'false') return undefined;
  return { kind: 'shell-tool', spans: { arguments: spanOf(argumentList), ...(ask ? { ask: spanOf(ask) } : {}) } };
}

function judgeLoadTools(call: Node): RawFinding | undefined {
  const list = argumentsOf(call)[0];
  if (!list || !/^(?:list|array)$/.test(list.type)) return undefined;
  for (const item of list.namedChildren) {
    const tool = stringContent(item);
    if (item && (tool === 'terminal' || tool === 'python_repl')) {
      const shell = tool === 'terminal';
      return {
        ruleId: shell ? AGENT_RULES.shellTool.id : AGENT_RULES.pythonReplTool.id, span: spanOf(item), confidence: 'context',
        message: `\`load_tools([... "${tool}" ...])\` gives the model ${shell ? 'a shell on this host: any command' : 'a Python interpreter in this process'}, with the process's files, network and credentials. Sandbox it, or give the agent narrow tools.`,
        evidence: [`load_tools: ${tool}`],
      };
    }
  }
  return undefined;
}

function judgeFileToolkit(ctx: ScanContext, identifier: Node, call: Node): RawFinding | undefined {
  const args = argumentsOf(call);
  let root: Node | undefined;
  let hasSelectedTools = false;
  for (const arg of args) {
    const keyword = arg.type === 'keyword_argument' ? arg.childForFieldName('name')?.text : undefined;
    if (keyword === 'root_dir') root = arg.childForFieldName('value') ?? undefined;
    if (keyword === 'selected_tools') hasSelectedTools = true;
    if (arg.type === 'object') {
      for (const pair of arg.namedChildren) {
        const key = pair?.childForFieldName('key')?.text.replace(/['"]/g, '');
        if (pair && (key === 'rootDir' || key === 'root_dir')) root = pair.childForFieldName('value') ?? undefined;
      }
    }
  }
  const argumentList = call.childForFieldName('arguments');
  const remedy = (hasRoot: boolean): Remedy | undefined => argumentList ? {
    kind: 'file-toolkit',
    spans: { arguments: spanOf(argumentList) },
    data: { language: ctx.language, hasRoot, hasSelectedTools, splat: args.some((a) => /splat|spread/.test(a.type)) } satisfies FileToolkitRemedy,
  } : undefined;
  if (!root) {
    return {
      ruleId: AGENT_RULES.unscopedFileTools.id, span: spanOf(identifier), confidence: 'context', remedy: remedy(false),
      message: '`FileManagementToolkit()` without `root_dir` lets the model read, write, move and delete any file the process can reach (it starts from the working directory and follows absolute paths). Pass `root_dir` set to a scratch folder.',
      evidence: ['FileManagementToolkit without root_dir'],
    };
  }
  const literal = stringContent(root);
  const what = literal !== undefined ? broadRoot(literal) : isHomeExpression(root.text) ? 'the home folder' : undefined;
  if (!what) return undefined;
  return {
    ruleId: AGENT_RULES.unscopedFileTools.id, span: spanOf(root), severity: 'high', confidence: 'context', remedy: remedy(true),
    message: `\`FileManagementToolkit(root_dir=...)\` is rooted at ${what}: the model can read, change and delete SSH keys, cloud credentials and every project. Root it at a scratch folder.`,
    evidence: [`root_dir: ${what}`],
  };
}

/** `requireApproval: 'never'` (a property), `require_approval="never"` (a keyword argument or a dict key). */
function judgeApproval(name: Node): RawFinding | undefined {
  const holder = name.parent?.type === 'string' ? name.parent : name; // a quoted key
  const binding = holder.parent;
  if (!binding || !/^(?:pair|keyword_argument)$/.test(binding.type)) return undefined;
  const key = binding.childForFieldName('key') ?? binding.childForFieldName('name');
  const value = binding.childForFieldName('value');
  if (!key || key.startIndex !== holder.startIndex || !value || stringContent(value) !== 'never') return undefined;
  return {
    ruleId: AGENT_RULES.mcpApprovalNever.id, span: spanOf(value), confidence: 'context',
    message: `\`${name.text}: "never"\` lets the model call every tool of the MCP server without a human check, including tools that write, send or delete. Approve read-only tools by name and keep the rest on "always".`,
    evidence: [`${name.text}: never`],
  };
}
