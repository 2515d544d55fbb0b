// AI-agent tool scopes (OWASP LLM06:2025 Excessive Agency): MCP server configuration, Claude Code
// permission settings, agent code that hands a model a shell or the file system, and OAuth scopes
// wider than an integration needs.
import { TAG } from '../rules/taxonomy';
import type { RuleInfo, Severity } from '../types';

const MCP_SECURITY = 'https://modelcontextprotocol.io/specification/draft/basic/security_best_practices';
const VSCODE_MCP = 'https://code.visualstudio.com/docs/copilot/customization/mcp-servers';
const CLAUDE_PERMISSIONS = 'https://docs.anthropic.com/en/docs/claude-code/iam';
const LANGCHAIN_SECURITY = 'https://python.langchain.com/docs/security/';
const OPENAI_AGENTS_MCP = 'https://openai.github.io/openai-agents-js/guides/mcp/';
const COPILOT_AGENT_MCP = 'https://docs.github.com/en/copilot/how-tos/use-copilot-agents/coding-agent/extend-coding-agent-with-mcp';
const GITHUB_SCOPES = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps';

const AGENCY = [TAG.excessiveAgency, TAG.overprivileged];

function rule(id: string, title: string, severity: Severity, description: string, docsUrl: string, tags: string[] = AGENCY): RuleInfo {
  return { id: `agent/${id}`, title, category: 'agent', severity, description, docsUrl, tags };
}

export const AGENT_RULES = {
  mcpLiteralCredential: rule('mcp-literal-credential', 'Literal credential in an MCP server configuration', 'high',
    'An MCP server gets a credential written into its configuration (a `--token` argument, an `Authorization` header passed as an argument, an auth header in `env`). The file is shared with the project or synced between machines; the agent, and every tool it runs, can read it. VS Code keeps such values in `inputs` with `"password": true` (`${input:id}`); other clients read them from the environment (`${env:NAME}`, `${NAME}`). Values that the secret rules recognise are reported by them, with the MCP context added.',
    VSCODE_MCP, [TAG.secretLeakage, TAG.hardcodedCredentials, TAG.excessiveAgency]),
  mcpFilesystemRoot: rule('mcp-filesystem-root', 'MCP filesystem server rooted at / or the home folder', 'high',
    'A filesystem MCP server (or a container mount given to an MCP server) is rooted at the file-system root, a drive root or the home folder: the agent can read SSH keys, cloud credentials and browser profiles, and write anywhere. Root it at the workspace (`${workspaceFolder}`) or a project subfolder.',
    MCP_SECURITY),
  mcpAllTools: rule('mcp-all-tools', 'Every tool of an MCP server enabled for an autonomous agent', 'medium',
    '`"tools": ["*"]` exposes every tool of the MCP server, including ones that write, delete or send, to an agent that calls them without asking. List the tools the agent needs.',
    COPILOT_AGENT_MCP),
  claudeBypassPermissions: rule('claude-bypass-permissions', 'Claude Code permission prompts bypassed', 'high',
    '`"defaultMode": "bypassPermissions"` runs every tool call (shell commands, file writes, web requests, MCP tools) without asking. Meant for isolated containers only.',
    CLAUDE_PERMISSIONS),
  claudeUnrestrictedBash: rule('claude-unrestricted-bash', 'Claude Code may run any shell command', 'high',
    'An allow rule `Bash` or `Bash(*)` lets the agent run any command without asking: read credentials, push code, call the network. Allow specific commands (`Bash(npm run test:*)`).',
    CLAUDE_PERMISSIONS),
  claudeBroadFileAccess: rule('claude-broad-file-access', 'Claude Code file access to the whole disk or home folder', 'high',
    'An allow rule such as `Read(//**)`, `Edit(~/**)` or an additional directory `/` or `~` lets the agent read or change files far outside the project: SSH keys, cloud credentials, shell profiles. (`//path` is absolute and `~/path` is the home folder; `/path` is relative to the settings file.)',
    CLAUDE_PERMISSIONS),
  claudeUnrestrictedWebFetch: rule('claude-unrestricted-webfetch', 'Claude Code may fetch any URL', 'medium',
    'An allow rule `WebFetch` without a domain lets the agent send requests to any host without asking, a ready exfiltration channel for anything it has read. Allow domains (`WebFetch(domain:docs.example.com)`).',
    CLAUDE_PERMISSIONS),
  claudeWholeMcpServer: rule('claude-whole-mcp-server', 'Every tool of an MCP server allowed in Claude Code', 'medium',
    'An allow rule `mcp__<server>` (or `mcp__<server>__*`) approves every tool the server offers, including tools it adds later. Allow tools by name (`mcp__github__get_issue`).',
    CLAUDE_PERMISSIONS),
  shellTool: rule('shell-tool', 'Agent with an unrestricted shell tool', 'high',
    'LangChain `ShellTool` (or `load_tools(["terminal"])`) lets the model run any command on the host with the process\'s permissions. Run it in a sandbox or give the agent narrow tools instead. `ShellTool(ask_human_input=True)`, where the operator confirms every command, is not reported.',
    LANGCHAIN_SECURITY),
  pythonReplTool: rule('python-repl-tool', 'Agent with a Python REPL tool', 'high',
    '`PythonREPLTool` / `PythonAstREPLTool` executes model-written Python in the host process: file system, network and credentials included. Run it in a sandbox.',
    LANGCHAIN_SECURITY),
  unscopedFileTools: rule('unscoped-file-tools', 'Agent file tools without a root directory', 'medium',
    '`FileManagementToolkit()` without `root_dir` (or rooted at `/` or the home folder) lets the model read, write, move and delete any file the process can reach. Pass `root_dir` set to a scratch folder and `selected_tools` with what it needs.',
    LANGCHAIN_SECURITY),
  mcpApprovalNever: rule('mcp-approval-never', 'Agent tool calls approved without review', 'medium',
    '`requireApproval: "never"` (OpenAI Agents SDK, Responses API `require_approval`), Gemini CLI `"trust": true` on a server, or `"autoApprove": ["*"]` (Kiro) lets the model call every tool of an MCP server without a human check, including tools added later. Zed\'s `"always_allow_tool_actions": true`, or `tool_permissions` `"default": "allow"` without a terminal default of `"confirm"`, does the same for every tool, shell included (high). Approve read-only tools by name (`{ never: { toolNames: [...] } }`, `"autoApprove": ["search_docs"]`) and keep the rest on asking.',
    OPENAI_AGENTS_MCP),
  oauthBroadScope: rule('oauth-broad-scope', 'OAuth scope wider than an integration needs', 'medium',
    'Code requests an OAuth scope that grants far more than one integration needs: Google `cloud-platform` (every Google Cloud API the identity may use), GitHub `repo` (read and write to every private repository), `admin:org`, `delete_repo`, Slack `admin`. A leaked token, or an agent acting with it, reaches all of that.',
    GITHUB_SCOPES),
} satisfies Record<string, RuleInfo>;
