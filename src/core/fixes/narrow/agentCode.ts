// Agent code: MCP tool calls approved without review (`requireApproval: "never"` in the OpenAI Agents
// SDK for TypeScript, `require_approval="never"` in Python and the Responses API) go back to
// `"always"`; LangChain `FileManagementToolkit` gets a root and read-only tools; LangChain `ShellTool`
// asks the operator before each command (`ask_human_input=True`). The Python REPL tools get no fix
// (no documented prompt or narrower tool): see notes/agent-fixes.md.
import type { Finding, Fix, Span, TextEdit } from '../../types';
import { importEdits } from '../code';
import { eolOf, indentOf, insert, replace, type FixDocument } from '../draft';

export interface FileToolkitRemedy {
  language: string;
  /** True when the finding is a `root_dir` value (`"/"`, `Path.home()`); false when `root_dir` is missing. */
  hasRoot: boolean;
  hasSelectedTools: boolean;
  /** `**kwargs` or `*args` in the call: they may hold `root_dir`, so nothing is added. */
  splat: boolean;
}

const READ_ONLY_TOOLS = ['read_file', 'list_directory'];
const WORKSPACE_ROOT = 'os.getcwd()';

export function approvalFixes(finding: Finding, doc: FixDocument): Fix[] {
  const literal = doc.text.slice(finding.span.start, finding.span.end);
  const m = /^(['"`])never\1$/.exec(literal);
  if (!m) return [];
  // `require_approval` (Python SDK, Responses API) names tools in `tool_names`; `requireApproval` (Agents SDK for TypeScript) in `toolNames`.
  const snake = /require_approval/.test(doc.text.slice(Math.max(0, finding.span.start - 40), finding.span.start));
  const byName = snake ? '{"never": {"tool_names": [...]}}' : '{ never: { toolNames: [...] } }';
  return [{
    title: 'Require approval for every MCP tool call ("always")',
    description: `The run now pauses on each call of the server's tools until the code approves or rejects it (OpenAI Agents SDK: the result's \`interruptions\`, approved with \`state.approve(...)\`; Responses API: \`mcp_approval_request\` items answered with \`mcp_approval_response\`). Make sure the caller handles approvals; for read-only tools that are safe to call unasked, use ${byName} instead.`,
    preferred: false,
    edits: [{ path: doc.path, edits: [replace(finding.span, `${m[1]}always${m[1]}`)] }],
  }];
}

export function fileToolkitFixes(finding: Finding, doc: FixDocument): Fix[] {
  const data = finding.remedy?.kind === 'file-toolkit' ? (finding.remedy.data as unknown as FileToolkitRemedy) : undefined;
  const args = finding.remedy?.spans?.arguments;
  if (!data || !args || data.language !== 'python' || data.splat) return [];
  const { text } = doc;
  const call = text.slice(args.start, args.end);
  if (!call.startsWith('(') || !call.endsWith(')')) return [];
  const quote = call.includes("'") && !call.includes('"') ? "'" : '"';
  const tools = `selected_tools=[${READ_ONLY_TOOLS.map((t) => `${quote}${t}${quote}`).join(', ')}]`;
  const edits: TextEdit[] = [];
  if (data.hasRoot) {
    if (finding.span.start <= args.start || finding.span.end >= args.end) return [];
    edits.push(replace(finding.span, WORKSPACE_ROOT));
    if (!data.hasSelectedTools) edits.push(insert(finding.span.end, `, ${tools}`));
  } else {
    const added = [`root_dir=${WORKSPACE_ROOT}`, ...(data.hasSelectedTools ? [] : [tools])];
    edits.push(argumentInsert(text, args, added));
  }
  edits.push(...importEdits(text, 'python'));
  return [{
    title: `Root FileManagementToolkit at the working directory${data.hasSelectedTools ? '' : ' with read-only tools'} (review)`,
    description: `\`root_dir=${WORKSPACE_ROOT}\` keeps relative paths where they were and refuses paths outside that folder (LangChain checks each path against root_dir). ${data.hasSelectedTools ? 'The selected tools are kept.' : `\`selected_tools\` is limited to ${READ_ONLY_TOOLS.join(' and ')}: add \`write_file\`, \`copy_file\`, \`move_file\`, \`file_delete\` or \`file_search\` only if the agent needs them.`} Review the root: a dedicated scratch folder is narrower than the working directory.`,
    preferred: false,
    edits: [{ path: doc.path, edits }],
  }];
}

/** Inserts keyword arguments first in a call's argument list `(...)`, on their own line when the arguments are one per line. */
function argumentInsert(text: string, args: Span, added: string[]): TextEdit {
  const inside = text.slice(args.start + 1, args.end - 1);
  if (inside.trim() === '') return insert(args.start + 1, added.join(', '));
  const first = args.start + 1 + /^(?:\s|#[^\n]*)*/.exec(inside)![0].length;
  const lineStart = text.lastIndexOf('\n', first - 1) + 1;
  const ownLine = lineStart > args.start && /^[ \t]*$/.test(text.slice(lineStart, first));
  return ownLine
    ? insert(first, added.map((a) => `${a},${eolOf(text)}${indentOf(text.slice(lineStart, first))}`).join(''))
    : insert(first, `${added.join(', ')}, `);
}

/** `ShellTool()` → `ShellTool(ask_human_input=True)` (or `False` → `True`), Python only. */
export function shellToolFixes(finding: Finding, doc: FixDocument): Fix[] {
  const args = finding.remedy?.kind === 'shell-tool' ? finding.remedy.spans?.arguments : undefined;
  if (!args || doc.text.slice(finding.span.start, finding.span.end) !== 'ShellTool') return [];
  const call = doc.text.slice(args.start, args.end);
  if (!call.startsWith('(') || !call.endsWith(')')) return [];
  const ask = finding.remedy?.spans?.ask;
  if (ask && doc.text.slice(ask.start, ask.end) !== 'False') return [];
  const edit = ask ? replace(ask, 'True') : argumentInsert(doc.text, args, ['ask_human_input=True']);
  return [{
    title: 'Ask the operator before each shell command (`ask_human_input=True`) (review)',
    description: 'LangChain prints each command the model wants to run and runs it only when the operator types "y" at the terminal; anything else refuses it. This needs someone watching the process: in a server, a worker or a notebook without a terminal, the prompt cannot be answered and no command runs. For unattended agents, run the shell in a sandbox (a container without credentials or network) instead, or replace it with narrow tools.',
    preferred: false,
    edits: [{ path: doc.path, edits: [edit] }],
  }];
}
