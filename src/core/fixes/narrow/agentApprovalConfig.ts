// Agent tool calls approved in advance by a client's settings go back to the client's documented
// prompting value: Gemini CLI `"trust": true` → `false` ("bypasses all tool call confirmations for this
// server", default false), Kiro `"autoApprove": ["*"]` → the `"*"` removed (the list names the tools
// approved without asking; `[]` is the default), Zed `agent.always_allow_tool_actions: true` → `false`
// (the default before 0.224) and `agent.tool_permissions.default: "allow"` → `"confirm"` (Zed's
// tool-permissions page). Edits touch only the value, so JSONC comments and trailing commas stay.
import { findNodeAtLocation } from 'jsonc-parser';
import type { Finding, Fix } from '../../types';
import { replace, type FixDocument } from '../draft';
import { jsonValueAt, removeItemEdits } from './agentJson';

const SERVER_MAPS = new Set(['mcpservers', 'context_servers', 'mcp_servers', 'servers']);

export function approvalConfigFixes(finding: Finding, doc: FixDocument): Fix[] {
  const at = jsonValueAt(doc.text, finding.span);
  if (!at) return [];
  const { node, path } = at;
  const key = (i: number) => (typeof path[path.length - i] === 'string' ? path[path.length - i] : undefined);
  const fix = (title: string, description: string, edits = [replace(finding.span, 'false')]): Fix[] =>
    edits.length ? [{ title, description, preferred: false, edits: [{ path: doc.path, edits }] }] : [];
  const inServerMap = path.length >= 3 && SERVER_MAPS.has(String(key(3)).toLowerCase());

  if (node.type === 'boolean' && node.value === true && key(1) === 'trust' && inServerMap) {
    return fix('Set `"trust": false`: Gemini CLI asks before each tool call of this server',
      'Gemini CLI documents `trust` as bypassing all tool call confirmations for the server (default `false`). With `false` every call shows a confirmation, where "always allow" can be chosen per tool. To keep the server narrow, list the tools it may offer with `includeTools` (or drop some with `excludeTools`).');
  }
  const list = node.parent;
  if (node.type === 'string' && node.value.trim() === '*' && list?.type === 'array' && key(2) === 'autoApprove' && path.length >= 4 && SERVER_MAPS.has(String(path[path.length - 4]).toLowerCase())) {
    return fix('Remove `"*"` from `autoApprove`: the agent asks before each tool call of this server',
      "Kiro approves without asking only the tools `autoApprove` names, and `\"*\"` names them all. Without it each call asks; add the names of read-only tools that are safe to call unasked (the server's tool list shows them).",
      removeItemEdits(doc.text, list, list.children!.indexOf(node)));
  }
  if (node.type === 'boolean' && node.value === true && key(1) === 'always_allow_tool_actions' && key(2) === 'agent' && path.length === 2) {
    return fix('Set `always_allow_tool_actions` to `false`: Zed asks before each tool action',
      'The Zed agent asks before running terminal commands, editing or deleting files and calling MCP tools (the documented default). Zed 0.224 and later read `agent.tool_permissions` instead, where `tools.terminal.always_allow` patterns allow named commands without asking.');
  }
  if (node.type === 'string' && node.value === 'allow' && key(1) === 'default' && key(2) === 'tool_permissions' && key(3) === 'agent' && path.length === 3) {
    // A terminal default of "allow" would keep every shell command unasked: it is set to "confirm" too.
    const terminal = node.parent?.parent && findNodeAtLocation(node.parent.parent, ['tools', 'terminal', 'default']);
    const terminalEdits = terminal?.type === 'string' && terminal.value === 'allow' ? [replace({ start: terminal.offset, end: terminal.offset + terminal.length }, '"confirm"')] : [];
    return fix('Set `tool_permissions.default` to `"confirm"`: Zed asks before each tool call',
      'Every tool the rules do not cover asks before it runs (terminal commands, edits, deletions, fetches, MCP tools); `always_allow` patterns per tool (`tools.terminal.always_allow`, as in Zed\'s tool-permissions page) keep routine commands unasked. Setting only `tools.terminal.default` to `"confirm"` would keep edits and MCP tools unasked.',
      [replace(finding.span, '"confirm"'), ...terminalEdits]);
  }
  return [];
}
