// Edge cases of the agent fixes for filesystem servers started from code and for tool calls approved in
// advance by client settings (Gemini, Kiro, Zed). The before/after cases are in test/fixtures/fixes-narrow/agent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFixes, type FixWorkspace } from '../../src/core/fixes/index';
import { planFixes } from '../../src/core/fixes/plan';
import { applyTextEdits } from '../../src/core/fixes/suppress';
import type { Finding, Fix } from '../../src/core/types';
import { scanText } from '../harness';

const noFiles: FixWorkspace = { read: () => undefined };

async function findings(path: string, text: string, ruleId: string): Promise<Finding[]> {
  return (await scanText(path, text)).findings.filter((f) => f.ruleId === ruleId);
}

async function fixesOf(path: string, text: string, ruleId: string): Promise<Fix[]> {
  const [finding] = await findings(path, text, ruleId);
  assert.ok(finding, `${ruleId} is reported`);
  return computeFixes(finding, { path, text }, noFiles);
}

function applied(fix: Fix, path: string, text: string): string {
  const edits = fix.edits.find((e) => e.path === path);
  assert.ok(edits, `the fix edits ${path}`);
  return applyTextEdits(text, edits.edits);
}

const PY = [
  'import asyncio',
  'import os',
  '',
  'from agents.mcp import MCPServerStdio',
  '',
  'server = MCPServerStdio(params={"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", os.path.expanduser("~")]})',
  '',
].join('\r\n');

test('Python: an existing import os is reused, CRLF kept, and a rescan reports nothing', async () => {
  const [fix] = await fixesOf('agent.py', PY, 'agent/mcp-filesystem-root');
  const after = applied(fix, 'agent.py', PY);
  assert.equal(after, PY.replace('os.path.expanduser("~")', 'os.getcwd()'));
  assert.deepEqual(await findings('agent.py', after, 'agent/mcp-filesystem-root'), []);
  assert.match(fix.description ?? '', /only that folder/);
});

test('Python without import os: it is added once for two roots planned together', async () => {
  const text = [
    'from mcp import StdioServerParameters',
    '',
    'a = StdioServerParameters(command="npx", args=["-y", "@modelcontextprotocol/server-filesystem", "/"])',
    "b = StdioServerParameters(command='npx', args=['-y', '@modelcontextprotocol/server-filesystem', '~'])",
    '',
  ].join('\n');
  const found = await findings('servers.py', text, 'agent/mcp-filesystem-root');
  assert.equal(found.length, 2);
  const plan = planFixes(found.map((finding) => ({ finding, doc: { path: 'servers.py', text } })), noFiles);
  const after = plan.files[0].after;
  assert.equal(after.match(/^import os$/gm)?.length, 1);
  assert.equal(after.match(/os\.getcwd\(\)/g)?.length, 2);
  assert.deepEqual(await findings('servers.py', after, 'agent/mcp-filesystem-root'), []);
});

test('code roots: changed text under the finding gives no fix', async () => {
  const [finding] = await findings('agent.py', PY, 'agent/mcp-filesystem-root');
  assert.deepEqual(computeFixes(finding, { path: 'agent.py', text: PY.replace('expanduser("~")', 'expanduser("/")') }, noFiles), []);
  const ts = "const s = new MCPServerStdio({ name: 'd', fullCommand: 'npx -y @modelcontextprotocol/server-filesystem /' });\n";
  const [word] = await findings('a.ts', ts, 'agent/mcp-filesystem-root');
  assert.deepEqual(computeFixes(word, { path: 'a.ts', text: ts.replace('filesystem /', 'filesystem ~') }, noFiles), []);
});

test('TypeScript: a command-line root becomes `.`, an args item `process.cwd()`; a set cwd keeps the command line', async () => {
  const ts = "const s = new MCPServerStdio({ name: 'd', fullCommand: 'npx -y @modelcontextprotocol/server-filesystem /' });\n";
  const [word] = await fixesOf('a.ts', ts, 'agent/mcp-filesystem-root');
  assert.equal(applied(word, 'a.ts', ts), ts.replace('filesystem /', 'filesystem .'));
  const args = "const t = new StdioClientTransport({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', process.env.HOME] });\n";
  const [item] = await fixesOf('b.ts', args, 'agent/mcp-filesystem-root');
  assert.equal(applied(item, 'b.ts', args), args.replace('process.env.HOME', 'process.cwd()'));
  const pinned = "const s = new MCPServerStdio({ cwd: '/srv', fullCommand: 'npx -y @modelcontextprotocol/server-filesystem /' });\n";
  assert.deepEqual(await fixesOf('c.ts', pinned, 'agent/mcp-filesystem-root'), []);
});

test('Gemini trust: only `true` under a server; the string "true" and `false` are not touched', async () => {
  const text = '{\n  "mcpServers": {\n    "jira": { "httpUrl": "https://x.example/mcp", "trust": true }\n  }\n}\n';
  const [fix] = await fixesOf('.gemini/settings.json', text, 'agent/mcp-approval-never');
  assert.equal(applied(fix, '.gemini/settings.json', text), text.replace('"trust": true', '"trust": false'));
  const [finding] = await findings('.gemini/settings.json', text, 'agent/mcp-approval-never');
  assert.deepEqual(computeFixes(finding, { path: '.gemini/settings.json', text: text.replace('"trust": true', '"trust": "yes"') }, noFiles), []);
});

test('Kiro autoApprove: ["*"] becomes [], CRLF and the other servers kept', async () => {
  const text = '{\r\n  "mcpServers": {\r\n    "api": { "command": "uvx", "autoApprove": ["*"] },\r\n    "docs": { "command": "uvx", "autoApprove": ["search"] }\r\n  }\r\n}\r\n';
  const [fix] = await fixesOf('.kiro/settings/mcp.json', text, 'agent/mcp-approval-never');
  const after = applied(fix, '.kiro/settings/mcp.json', text);
  assert.equal(after, text.replace('["*"]', '[]'));
  assert.deepEqual(await findings('.kiro/settings/mcp.json', after, 'agent/mcp-approval-never'), []);
});

test('Zed: both settings in one file, planned together, keep comments and report nothing', async () => {
  const text = '{\n  // agent\n  "agent": {\n    "always_allow_tool_actions": true,\n    "tool_permissions": { "default": "allow", }, // fast\n  },\n}\n';
  const found = await findings('.zed/settings.json', text, 'agent/mcp-approval-never');
  assert.equal(found.length, 2);
  const plan = planFixes(found.map((finding) => ({ finding, doc: { path: '.zed/settings.json', text } })), noFiles);
  const after = plan.files[0].after;
  assert.equal(after, text.replace('": true', '": false').replace('"allow"', '"confirm"'));
  assert.deepEqual(await findings('.zed/settings.json', after, 'agent/mcp-approval-never'), []);
});

test('ShellTool: ask_human_input=True added (CRLF kept), a rescan reports nothing; changed text → no fix', async () => {
  const text = 'from langchain_community.tools import ShellTool\r\n\r\nshell = ShellTool(process=None)\r\n';
  const [fix] = await fixesOf('agent.py', text, 'agent/shell-tool');
  const after = applied(fix, 'agent.py', text);
  assert.equal(after, text.replace('ShellTool(process=None)', 'ShellTool(ask_human_input=True, process=None)'));
  assert.deepEqual(await findings('agent.py', after, 'agent/shell-tool'), []);
  assert.match(fix.description ?? '', /terminal/);
  const [finding] = await findings('agent.py', text, 'agent/shell-tool');
  assert.deepEqual(computeFixes(finding, { path: 'agent.py', text: text.replace('ShellTool(process', 'ShellTool((process') }, noFiles), []);
});

test('Zed: a terminal default of "allow" is set to "confirm" with the global default', async () => {
  const text = '{"agent": {"tool_permissions": {"default": "allow", "tools": {"terminal": {"default": "allow"}, "edit_file": {"default": "allow"}}}}}';
  const [fix] = await fixesOf('.zed/settings.json', text, 'agent/mcp-approval-never');
  assert.equal(applied(fix, '.zed/settings.json', text),
    '{"agent": {"tool_permissions": {"default": "confirm", "tools": {"terminal": {"default": "confirm"}, "edit_file": {"default": "allow"}}}}}');
});
