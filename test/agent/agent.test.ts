import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHomeExpression } from '../../src/core/agent/codeNodes';
import { broadRoot } from '../../src/core/agent/paths';
import { scanText } from '../harness';
import { githubToken } from '../tokens';

async function findings(path: string, text: string) {
  return (await scanText(path, text)).findings.map((f) => [f.ruleId, f.severity]);
}

test('broad roots: the file-system root, drive roots and home folders, not project folders', () => {
  for (const p of ['/', '//', '/**', 'C:\\', 'D:/', 'c:', '~', '~/', '$HOME', '${HOME}', '${userHome}', '%USERPROFILE%', '/home/alice', '/Users/alice/', 'C:\\Users\\alice', '/root']) {
    assert.ok(broadRoot(p), p);
  }
  for (const p of ['${workspaceFolder}', './data', '/home/alice/projects/app', '/Users/alice/Desktop', '/tmp', 'C:\\Users\\alice\\repo', '/srv/data']) {
    assert.equal(broadRoot(p), undefined, p);
  }
});

test('Claude Code paths: `//` is absolute, `~` is home, `/` is relative to the settings file', async () => {
  const settings = (rule: string) => `{ "permissions": { "allow": [${JSON.stringify(rule)}] } }`;
  const path = 'repo/.claude/settings.json';
  assert.deepEqual(await findings(path, settings('Read(//**)')), [['agent/claude-broad-file-access', 'medium']]);
  assert.deepEqual(await findings(path, settings('Write(~/**)')), [['agent/claude-broad-file-access', 'high']]);
  assert.deepEqual(await findings(path, settings('Edit(//Users/alice/**)')), [['agent/claude-broad-file-access', 'high']]);
  assert.deepEqual(await findings(path, settings('Edit(/**)')), []);
  assert.deepEqual(await findings(path, settings('Read(~/.aws/config)')), []);
  assert.deepEqual(await findings(path, settings('Bash(*)')), [['agent/claude-unrestricted-bash', 'high']]);
  assert.deepEqual(await findings(path, settings('Bash(git status)')), []);
  assert.deepEqual(await findings(path, settings('mcp__*')), [['agent/claude-whole-mcp-server', 'high']]);
  assert.deepEqual(await findings(path, settings('mcp__github__*')), [['agent/claude-whole-mcp-server', 'medium']]);
  assert.deepEqual(await findings(path, settings('WebFetch(domain:*)')), [['agent/claude-unrestricted-webfetch', 'medium']]);
  // The same content elsewhere is not Claude Code's settings.
  assert.deepEqual(await findings('repo/settings.json', settings('Bash')), []);
});

test('MCP credentials: a provider token is left to its secret rule; references are never reported', async () => {
  const token = githubToken('Kq7Zr2Xw9Lm4Vb8Nc3Td6Hj1Pf5Gs0');
  const config = (args: string[], env: Record<string, string> = {}) => JSON.stringify({ mcpServers: { s: { command: 'npx', args, env } } }, null, 2);
  const provider = await findings('.mcp.json', config(['server', '--token', token]));
  assert.equal(provider.length, 1);
  assert.match(String(provider[0][0]), /^secret\/github/);
  assert.deepEqual(await findings('.mcp.json', config(['server', '--api-key', '${input:key}'], { AUTH_HEADER: 'Bearer ${env:TOKEN}', API_TOKEN: '${API_TOKEN}' })), []);
  assert.deepEqual(await findings('.mcp.json', config(['server', '--verbose', '--port', '8080'], { LOG_LEVEL: 'debug', SLACK_TEAM_ID: 'T01234567' })), []);
  assert.deepEqual(await findings('.mcp.json', config(['server', '--access-token', 'Zq9Xw2Lm7Rt4Vb8Nc3Kd6Hj1Pf5Gs0Ay'])), [['agent/mcp-literal-credential', 'high']]);
});

test('MCP servers are found under every client key, and a JSON file without MCP servers is not judged', async () => {
  const fs = { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '/'] };
  for (const [path, doc] of [
    ['.vscode/mcp.json', { servers: { fs } }],
    ['.vscode/settings.json', { mcp: { servers: { fs } } }],
    ['home/.claude.json', { projects: { '/work/app': { mcpServers: { fs } } } }],
    ['zed/settings.json', { context_servers: { fs } }],
  ] as const) {
    assert.deepEqual(await findings(path, JSON.stringify(doc)), [['agent/mcp-filesystem-root', 'high']], path);
  }
  assert.deepEqual(await findings('package.json', JSON.stringify({ servers: { fs } })), []);
});

test('agent code: comments, strings and other callables do not count', async () => {
  const py = '# ShellTool() is not used here\nhelp = "PythonREPLTool()"\nclass MyShellTool: pass\ntool = MyShellTool()\nconfig = {"require_approval": "always"}\n';
  assert.deepEqual(await findings('agent.py', py), []);
  const ts = 'const opts = { requireApproval: "never" };\n// requireApproval: "never"\n';
  assert.deepEqual(await findings('agent.ts', ts), [['agent/mcp-approval-never', 'medium']]);
});

test('OAuth scopes need the provider in the file and a scope key', async () => {
  assert.deepEqual(await findings('client.ts', 'const scopes = ["repo"];\n'), []);
  assert.deepEqual(await findings('client.ts', 'import { Octokit } from "@octokit/rest"; // github\nconst scopes = ["repo"];\n'), [['agent/oauth-broad-scope', 'medium']]);
  assert.deepEqual(await findings('client.ts', '// github: this scope repo is not a request\nconst scope = "read:user";\n'), []);
  assert.deepEqual(await findings('notes.md', 'GitHub `scope=repo` is too broad.\n'), []);
  assert.deepEqual(await findings('fixtures.py', '@pytest.fixture(scope="session")\ndef github_client(): ...\n'), []);
});

test('home expressions: the home folder itself, not a folder under it', () => {
  for (const e of ['os.path.expanduser("~")', "expanduser('~/')", 'str(Path.home())', 'pathlib.Path("~").expanduser()', 'os.getenv("HOME")', "os.environ['USERPROFILE']", 'os.homedir()', 'process.env.HOME', '`${os.homedir()}`', 'path.resolve(homedir())']) {
    assert.ok(isHomeExpression(e), e);
  }
  for (const e of ['os.path.expanduser("~/notes")', 'Path.home() / "scratch"', 'path.join(os.homedir(), "app")', 'process.env.HOME_DIR', 'os.getcwd()', '`${os.homedir()}/app`']) {
    assert.equal(isHomeExpression(e), false, e);
  }
});

test('filesystem servers started from code: lists and command lines, in JavaScript too; prose is not a command', async () => {
  const js = "const s = new MCPServerStdio({ fullCommand: 'npx -y @modelcontextprotocol/server-filesystem ~ ./docs' });\n";
  assert.deepEqual(await findings('agent.js', js), [['agent/mcp-filesystem-root', 'high']]);
  assert.deepEqual(await findings('agent.js', js.replace('~ ', '')), []);
  const prose = 'const help = "Run @modelcontextprotocol/server-filesystem / only in a container";\n';
  assert.deepEqual(await findings('agent.ts', prose), []);
  const tsx = "export const fs = { command: 'npx', args: ['@modelcontextprotocol/server-filesystem', process.env.USERPROFILE] };\n";
  assert.deepEqual(await findings('panel.tsx', tsx), [['agent/mcp-filesystem-root', 'high']]);
  // A flag is not a root; the folder after it is judged.
  assert.deepEqual(await findings('agent.py', 'p = StdioServerParameters(command="npx", args=["@modelcontextprotocol/server-filesystem", "--read-only", "/srv/data"])\n'), []);
});

test('ShellTool: a literal ask_human_input=True is the human check; anything else is not', async () => {
  assert.deepEqual(await findings('agent.py', 'from langchain_community.tools import ShellTool\nt = ShellTool(ask_human_input=True)\n'), []);
  for (const args of ['', 'ask_human_input=False', 'ask_human_input=confirm', 'verbose=True']) {
    assert.deepEqual(await findings('agent.py', `from langchain_community.tools import ShellTool\nt = ShellTool(${args})\n`), [['agent/shell-tool', 'high']], args);
  }
});

test('scope keys: the last words of a longer name count, not a word inside another', async () => {
  const slack = (line: string) => findings('install.py', `# slack install\n${line}\n`);
  assert.deepEqual(await slack('PROVISIONING_USER_SCOPES = ["admin"]'), [['agent/oauth-broad-scope', 'high']]);
  assert.deepEqual(await slack('workspaceBotScopes = ["admin"]'), [['agent/oauth-broad-scope', 'high']]);
  assert.deepEqual(await slack('SUPERUSER_SCOPE = ["admin"]'), []);
  assert.deepEqual(await slack('telescope = ["admin"]'), []);
});

test('auto-approval in MCP configs: trust true and autoApprove "*" only', async () => {
  const config = (server: Record<string, unknown>) => JSON.stringify({ mcpServers: { s: { command: 'uvx', args: ['mcp-server-git'], ...server } } });
  assert.deepEqual(await findings('.gemini/settings.json', config({ trust: true })), [['agent/mcp-approval-never', 'medium']]);
  assert.deepEqual(await findings('.gemini/settings.json', config({ trust: false })), []);
  assert.deepEqual(await findings('.gemini/settings.json', config({ trust: 'true' })), []);
  assert.deepEqual(await findings('.kiro/settings/mcp.json', config({ autoApprove: ['*'] })), [['agent/mcp-approval-never', 'medium']]);
  assert.deepEqual(await findings('.kiro/settings/mcp.json', config({ autoApprove: ['git_status', 'git_log'] })), []);
});
