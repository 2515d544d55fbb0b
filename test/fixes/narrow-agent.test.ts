// Edge cases of the agent narrowing fixes (the before/after cases are in test/fixtures/fixes-narrow/agent).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFixes, type FixWorkspace } from '../../src/core/fixes/index';
import { planFixes } from '../../src/core/fixes/plan';
import { repositoryCommands } from '../../src/core/fixes/narrow/agentCommands';
import { applyTextEdits } from '../../src/core/fixes/suppress';
import type { Finding, Fix } from '../../src/core/types';
import { scanText } from '../harness';

const noFiles: FixWorkspace = { read: () => undefined };
const workspaceOf = (files: Record<string, string>): FixWorkspace => ({ read: (p) => files[p] });

async function findings(path: string, text: string, ruleId: string): Promise<Finding[]> {
  return (await scanText(path, text)).findings.filter((f) => f.ruleId === ruleId);
}

async function fixesOf(path: string, text: string, ruleId: string, workspace = noFiles): Promise<Fix[]> {
  const [finding] = await findings(path, text, ruleId);
  assert.ok(finding, `${ruleId} is reported`);
  return computeFixes(finding, { path, text }, workspace);
}

function applied(fix: Fix, path: string, text: string): string {
  const edits = fix.edits.find((e) => e.path === path);
  assert.ok(edits, `the fix edits ${path}`);
  return applyTextEdits(text, edits.edits);
}

test('repository commands: package.json scripts without lifecycle scripts and hooks, the declared package manager', () => {
  const pkg = JSON.stringify({ packageManager: 'pnpm@9.1.0', scripts: { prebuild: 'x', build: 'x', test: 'x', postinstall: 'x', 'weird name': 'x' } });
  assert.deepEqual(repositoryCommands((p) => (p === 'package.json' ? pkg : undefined), '').map((c) => c.command),
    ['pnpm install --frozen-lockfile', 'pnpm test', 'pnpm run build', 'pnpm run test']);
  const yarn1 = JSON.stringify({ packageManager: 'yarn@1.22.19', scripts: { lint: 'x' } });
  assert.deepEqual(repositoryCommands((p) => (p === 'web/package.json' ? yarn1 : undefined), 'web/').map((c) => c.command),
    ['yarn install --frozen-lockfile', 'yarn run lint']);
  assert.deepEqual(repositoryCommands((p) => (p === 'package.json' ? '{ not json' : undefined), ''), []);
  assert.deepEqual(repositoryCommands(() => undefined, ''), []);
});

test('repository commands: Makefile targets, not assignments, pattern rules or special targets; GNUmakefile first', () => {
  const makefile = [
    '.PHONY: all test',
    'CC := gcc',
    'PREFIX ::= /usr',
    'all test: build',
    '\t@echo done',
    'build:: src/main.c',
    '%.o: %.c',
    'release: VERSION = 2',
    'clean :',
    '\trm -rf out',
  ].join('\n');
  const read = (files: Record<string, string>) => (p: string) => files[p];
  assert.deepEqual(repositoryCommands(read({ Makefile: makefile }), '').map((c) => c.command),
    ['make all', 'make test', 'make build', 'make release', 'make clean']);
  assert.deepEqual(repositoryCommands(read({ Makefile: makefile, GNUmakefile: 'only:\n' }), '').map((c) => c.command), ['make only']);
});

const SETTINGS = '.claude/settings.json';

test('Bash(*) without package.json or Makefile: read-only git commands as a reviewed starting point, removal second', async () => {
  const text = '{\n  "permissions": {\n    "allow": [\n      "Bash(*)"\n    ]\n  }\n}\n';
  const fixes = await fixesOf(SETTINGS, text, 'agent/claude-unrestricted-bash');
  assert.equal(fixes.length, 2);
  assert.ok(fixes[0].preferred && !fixes[1].preferred);
  assert.match(fixes[0].title, /review/);
  assert.equal(applied(fixes[0], SETTINGS, text), '{\n  "permissions": {\n    "allow": [\n      "Bash(git status)",\n      "Bash(git diff)",\n      "Bash(git log)"\n    ]\n  }\n}\n');
  assert.equal(applied(fixes[1], SETTINGS, text), '{\n  "permissions": {\n    "allow": [\n    ]\n  }\n}\n'.replace('[\n    ]', '[]'));
});

test('Bash: commands already allowed are not added twice; all of them allowed → the rule is removed', async () => {
  const pkg = JSON.stringify({ scripts: { lint: 'eslint .' } });
  const some = '{"permissions": {"allow": ["Bash(npm ci)", "Bash"]}}';
  const [fix] = await fixesOf(SETTINGS, some, 'agent/claude-unrestricted-bash', workspaceOf({ 'package.json': pkg }));
  assert.equal(applied(fix, SETTINGS, some), '{"permissions": {"allow": ["Bash(npm ci)", "Bash(npm run lint)"]}}');
  const all = '{"permissions": {"allow": ["Bash(npm ci)", "Bash(npm run lint)", "Bash(*)"]}}';
  const fixes = await fixesOf(SETTINGS, all, 'agent/claude-unrestricted-bash', workspaceOf({ 'package.json': pkg }));
  assert.equal(fixes.length, 1);
  assert.match(fixes[0].title, /already allowed/);
  assert.equal(applied(fixes[0], SETTINGS, all), '{"permissions": {"allow": ["Bash(npm ci)", "Bash(npm run lint)"]}}');
});

test('Bash in a nested project reads the package.json beside its .claude folder', async () => {
  const text = '{"permissions": {"allow": ["Bash(:*)"]}}';
  const files = { 'package.json': JSON.stringify({ scripts: { root: 'x' } }), 'apps/web/package.json': JSON.stringify({ scripts: { dev: 'x' } }) };
  const [fix] = await fixesOf('apps/web/.claude/settings.json', text, 'agent/claude-unrestricted-bash', workspaceOf(files));
  assert.equal(applied(fix, 'apps/web/.claude/settings.json', text), '{"permissions": {"allow": ["Bash(npm ci)", "Bash(npm run dev)"]}}');
});

test('Claude settings with CRLF, tabs and comments keep them', async () => {
  const text = '{\r\n\t// team settings\r\n\t"permissions": {\r\n\t\t"allow": [\r\n\t\t\t"Read(src/**)", // sources\r\n\t\t\t"Bash(*)"\r\n\t\t]\r\n\t}\r\n}\r\n';
  const pkg = JSON.stringify({ scripts: { test: 'x' } });
  const [fix] = await fixesOf(SETTINGS, text, 'agent/claude-unrestricted-bash', workspaceOf({ 'package.json': pkg }));
  assert.equal(applied(fix, SETTINGS, text),
    '{\r\n\t// team settings\r\n\t"permissions": {\r\n\t\t"allow": [\r\n\t\t\t"Read(src/**)", // sources\r\n\t\t\t"Bash(npm ci)",\r\n\t\t\t"Bash(npm test)",\r\n\t\t\t"Bash(npm run test)"\r\n\t\t]\r\n\t}\r\n}\r\n');
  const webFetch = '{\r\n  "permissions": {\r\n    "allow": [\r\n      "Read(src/**)",\r\n      "WebFetch"\r\n    ]\r\n  }\r\n}\r\n';
  const [removal] = await fixesOf(SETTINGS, webFetch, 'agent/claude-unrestricted-webfetch');
  assert.equal(applied(removal, SETTINGS, webFetch), '{\r\n  "permissions": {\r\n    "allow": [\r\n      "Read(src/**)"\r\n    ]\r\n  }\r\n}\r\n');
});

test('changed text under the finding: no fix', async () => {
  const text = '{"permissions": {"defaultMode": "bypassPermissions", "allow": ["Bash(*)", "WebFetch"]}}';
  for (const ruleId of ['agent/claude-bypass-permissions', 'agent/claude-unrestricted-bash', 'agent/claude-unrestricted-webfetch']) {
    const [finding] = await findings(SETTINGS, text, ruleId);
    const changed = text.replace('bypassPermissions', 'bypassPermission!').replace('"Bash(*)"', '"Bash(ls)"').replace('"WebFetch"', '"WebFetcH"');
    assert.deepEqual(computeFixes(finding, { path: SETTINGS, text: changed }, noFiles), [], ruleId);
    assert.ok(computeFixes(finding, { path: SETTINGS, text }, noFiles).length > 0, ruleId);
  }
});

test('bypassPermissions: "default" preferred, "acceptEdits" second', async () => {
  const text = '{ "permissions": { "defaultMode": "bypassPermissions" } }';
  const fixes = await fixesOf(SETTINGS, text, 'agent/claude-bypass-permissions');
  assert.deepEqual(fixes.map((f) => applied(f, SETTINGS, text)), [
    '{ "permissions": { "defaultMode": "default" } }',
    '{ "permissions": { "defaultMode": "acceptEdits" } }',
  ]);
});

test('several Claude findings in one file, planned together, leave valid JSON and nothing to report', async () => {
  const text = '{\n  "permissions": {\n    "defaultMode": "bypassPermissions",\n    "allow": ["Bash", "Bash(*)", "WebFetch(domain:*)", "mcp__github__*", "Grep(//**)"],\n    "additionalDirectories": ["/"]\n  }\n}\n';
  const all = (await scanText(SETTINGS, text)).findings.filter((f) => f.category === 'agent');
  assert.equal(all.length, 7);
  let current = text;
  for (let round = 0; round < 3; round++) {
    const left = (await scanText(SETTINGS, current)).findings.filter((f) => f.category === 'agent');
    const plan = planFixes(left.map((finding) => ({ finding, doc: { path: SETTINGS, text: current } })), noFiles);
    if (!plan.files.length) break;
    current = plan.files[0].after;
  }
  assert.deepEqual(JSON.parse(current), { permissions: { defaultMode: 'default', allow: ['Bash(git status)', 'Bash(git diff)', 'Bash(git log)'], additionalDirectories: [] } });
  assert.deepEqual((await scanText(SETTINGS, current)).findings.filter((f) => f.category === 'agent'), []);
});

test('filesystem root: no fix for Claude Desktop, nor for a docker mount in .mcp.json, nor when the text changed', async () => {
  const desktop = '{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/"]}}}';
  assert.deepEqual(await fixesOf('claude_desktop_config.json', desktop, 'agent/mcp-filesystem-root'), []);
  const mount = '{"mcpServers": {"fs": {"command": "docker", "args": ["run", "-v", "/:/host", "mcp/filesystem"]}}}';
  assert.deepEqual(await fixesOf('.mcp.json', mount, 'agent/mcp-filesystem-root'), []);
  const vscode = '{"servers": {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "C:\\\\"]}}}';
  const [finding] = await findings('.vscode/mcp.json', vscode, 'agent/mcp-filesystem-root');
  const [fix] = computeFixes(finding, { path: '.vscode/mcp.json', text: vscode }, noFiles);
  assert.equal(applied(fix, '.vscode/mcp.json', vscode), vscode.replace('"C:\\\\"', '"${workspaceFolder}"'));
  assert.deepEqual(computeFixes(finding, { path: '.vscode/mcp.json', text: vscode.replace('C:', 'D:') }, noFiles), []);
});

test('"tools": ["*"], PythonREPLTool, load_tools(["terminal"]) and ShellTool(**kwargs) get no fix', async () => {
  assert.deepEqual(await fixesOf('.github/copilot/mcp.json', '{"mcpServers": {"gh": {"type": "local", "command": "x", "tools": ["*"]}}}', 'agent/mcp-all-tools'), []);
  const py = 'from langchain_community.tools import ShellTool\nfrom langchain_experimental.tools import PythonREPLTool\ntools = [ShellTool(**opts), PythonREPLTool()]\n';
  assert.deepEqual(await fixesOf('agent.py', py, 'agent/shell-tool'), []);
  assert.deepEqual(await fixesOf('agent.py', py, 'agent/python-repl-tool'), []);
  assert.deepEqual(await fixesOf('agent.py', 'from langchain.agents import load_tools\ntools = load_tools(["terminal"])\n', 'agent/shell-tool'), []);
  const variable = 'from langchain_community.tools import ShellTool\nshell = ShellTool(ask_human_input=interactive)\n';
  assert.deepEqual(await fixesOf('agent.py', variable, 'agent/shell-tool'), []);
});

test('requireApproval: the quote style is kept; changed text → no fix', async () => {
  const ts = 'const tool = hostedMcpTool({ serverLabel: "x", serverUrl: "https://x", requireApproval: `never` });\n';
  const [fix] = await fixesOf('a.ts', ts, 'agent/mcp-approval-never');
  assert.equal(applied(fix, 'a.ts', ts), ts.replace('`never`', '`always`'));
  assert.match(fix.description ?? '', /toolNames/);
  const [finding] = await findings('a.ts', ts, 'agent/mcp-approval-never');
  assert.deepEqual(computeFixes(finding, { path: 'a.ts', text: ts.replace('`never`', '`nevr!`') }, noFiles), []);
});

test('FileManagementToolkit: **kwargs may hold root_dir (no fix); an existing import os is not repeated; JS gets no fix', async () => {
  const splat = 'from langchain_community.agent_toolkits import FileManagementToolkit\ntk = FileManagementToolkit(**options)\n';
  assert.deepEqual(await fixesOf('a.py', splat, 'agent/unscoped-file-tools'), []);
  const withOs = 'import os\nfrom langchain_community.agent_toolkits import FileManagementToolkit\ntk = FileManagementToolkit(root_dir=os.path.expanduser("~"))\n';
  const [fix] = await fixesOf('a.py', withOs, 'agent/unscoped-file-tools');
  assert.equal(applied(fix, 'a.py', withOs), 'import os\nfrom langchain_community.agent_toolkits import FileManagementToolkit\ntk = FileManagementToolkit(root_dir=os.getcwd(), selected_tools=["read_file", "list_directory"])\n');
  const js = 'import { FileManagementToolkit } from "x";\nconst tk = new FileManagementToolkit({ rootDir: "/" });\n';
  assert.deepEqual(await fixesOf('a.ts', js, 'agent/unscoped-file-tools'), []);
});

test('OAuth: the only scope is not removed, Slack admin has no counterpart, a comma list loses one word', async () => {
  assert.deepEqual(await fixesOf('login.py', 'GITHUB_SCOPES = ["delete_repo"]\n', 'agent/oauth-broad-scope'), []);
  assert.deepEqual(await fixesOf('slack.py', 'SLACK_SCOPES = "admin,chat:write"  # slack\n', 'agent/oauth-broad-scope'), []);
  const flag = 'gh auth refresh --scopes delete_repo,read:org\n';
  const [fix] = await fixesOf('setup.sh', flag, 'agent/oauth-broad-scope');
  assert.equal(applied(fix, 'setup.sh', flag), 'gh auth refresh --scopes read:org\n');
  const yaml = 'github:\n  scopes: "repo read:user"\n';
  const [repo] = await fixesOf('config.yml', yaml, 'agent/oauth-broad-scope');
  assert.equal(applied(repo, 'config.yml', yaml), 'github:\n  scopes: "public_repo read:user"\n');
});

test('an MCP literal credential gets the secret fix (VS Code input)', async () => {
  const text = '{"servers": {"jira": {"command": "npx", "args": ["mcp-atlassian", "--jira-token", "Zq8vLr2mXw9TkP4sJd7HnB3cVf6GyA1e"]}}}';
  const [fix] = await fixesOf('.vscode/mcp.json', text, 'agent/mcp-literal-credential');
  assert.ok(fix.edits.some((e) => e.path === '.env'));
  assert.ok(!fix.title.includes('Zq8vLr2m') && !(fix.description ?? '').includes('Zq8vLr2m'));
});

test('filesystem root in VS Code user/workspace settings (`mcp.servers`) → ${workspaceFolder}', async () => {
  const text = '{\n  "editor.tabSize": 2,\n  "mcp": { "servers": { "fs": { "command": "npx", "args": ["@modelcontextprotocol/server-filesystem", "${userHome}"] } } }\n}\n';
  const fixes = await fixesOf('.vscode/settings.json', text, 'agent/mcp-filesystem-root');
  assert.equal(applied(fixes[0], '.vscode/settings.json', text), text.replace('"${userHome}"', '"${workspaceFolder}"'));
});

test('whole MCP server rules: the description names the per-tool rule Claude Code records', async () => {
  const text = '{"permissions": {"allow": ["mcp__github__*", "mcp__*", "Bash( * )"]}}';
  const all = (await scanText(SETTINGS, text)).findings;
  const descriptions = all.filter((f) => f.ruleId === 'agent/claude-whole-mcp-server')
    .map((f) => computeFixes(f, { path: SETTINGS, text }, noFiles)[0].description);
  assert.deepEqual(descriptions.map((d) => /`(mcp__[^`]+)`/.exec(d ?? '')?.[1]), ['mcp__github__<tool>', 'mcp__<server>__<tool>']);
  const bash = all.find((f) => f.ruleId === 'agent/claude-unrestricted-bash')!;
  assert.equal(computeFixes(bash, { path: SETTINGS, text }, noFiles).length, 2);
});
