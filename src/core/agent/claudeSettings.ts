// Claude Code settings (`.claude/settings.json`, `.claude/settings.local.json`, `managed-settings.json`):
// allow rules and modes that let the agent act without asking. Only `permissions.allow` is judged:
// deny and ask rules narrow what the agent may do.
import { agentProjectRoot, FACT } from '../correlate/facts';
import type { Detector, ScanContext } from '../detector';
import { dataFromJson, get, stringList, type DataScalar } from '../structured';
import type { RawFinding, Severity } from '../types';
import { broadRoot } from './paths';
import { AGENT_RULES } from './rules';

const SETTINGS_PATH = /(?:^|\/)(?:\.claude\/settings(?:\.local)?|managed-settings)\.json$/i;
/** `Tool` or `Tool(specifier)`. */
const PERMISSION_RULE = /^([A-Za-z][\w*-]*)(?:\((.*)\))?$/s;
const FILE_TOOLS: Record<string, 'read' | 'write'> = { Read: 'read', Glob: 'read', Grep: 'read', Edit: 'write', Write: 'write', MultiEdit: 'write', NotebookEdit: 'write' };

export const claudeSettingsDetector: Detector = {
  id: 'agent-claude-settings',
  rules: [AGENT_RULES.claudeBypassPermissions, AGENT_RULES.claudeUnrestrictedBash, AGENT_RULES.claudeBroadFileAccess, AGENT_RULES.claudeUnrestrictedWebFetch, AGENT_RULES.claudeWholeMcpServer],
  wantsTree: (ctx) => ctx.language === 'json' && SETTINGS_PATH.test(ctx.path) && ctx.lower.includes('permissions'),
  detect(ctx: ScanContext): RawFinding[] {
    if (!ctx.tree || ctx.language !== 'json' || !SETTINGS_PATH.test(ctx.path)) return [];
    const doc = dataFromJson(ctx.tree.rootNode)[0];
    const permissions = get(doc, 'permissions');
    if (permissions?.kind !== 'object') return [];
    const root = agentProjectRoot(ctx.path);
    const unrestricted = (what: string, node: DataScalar) => ctx.note?.(FACT.agentUnrestrictedTools, `${root}\t${what}`, node.span);
    const out: RawFinding[] = [];
    const push = (ruleId: string, node: DataScalar, severity: Severity | undefined, message: string) =>
      out.push({ ruleId, span: node.span, severity, confidence: 'validated', message, evidence: [`permissions: ${String(node.value)}`] });

    const mode = get(permissions, 'defaultMode');
    if (mode?.kind === 'scalar' && mode.value === 'bypassPermissions') {
      unrestricted('*', mode);
      push(AGENT_RULES.claudeBypassPermissions.id, mode, undefined,
        '`defaultMode: "bypassPermissions"` runs every tool call without asking: shell commands, file writes, web requests and MCP tools. Keep it to throwaway containers; use allow rules for what is routine.');
    }

    for (const { value, node } of stringList(get(permissions, 'allow'))) {
      const m = PERMISSION_RULE.exec(value.trim());
      if (!m) continue;
      const [, tool, specifier] = m;
      const any = specifier === undefined || /^\*{1,2}$/.test(specifier.trim()) || specifier.trim() === ':*';
      if (tool === 'Bash' && any) {
        unrestricted('*', node);
        push(AGENT_RULES.claudeUnrestrictedBash.id, node, undefined,
          `Allow rule \`${value}\` lets the agent run any shell command without asking: read credentials, push code, reach the network. Allow specific commands (\`Bash(npm run test:*)\`).`);
      } else if (FILE_TOOLS[tool] && specifier !== undefined) {
        const what = claudeBroadPath(specifier.trim());
        if (!what) continue;
        const writes = FILE_TOOLS[tool] === 'write';
        push(AGENT_RULES.claudeBroadFileAccess.id, node, writes ? 'high' : 'medium',
          `Allow rule \`${value}\` lets the agent ${writes ? 'change' : 'read'} files anywhere under ${what} without asking: SSH keys, cloud credentials, shell profiles${writes ? ' (a changed profile runs at the next login)' : ''}.`);
      } else if (tool === 'WebFetch' && (any || /^domain:\*$/.test(specifier.trim()))) {
        push(AGENT_RULES.claudeUnrestrictedWebFetch.id, node, undefined,
          `Allow rule \`${value}\` lets the agent request any URL without asking, a ready channel to send out whatever it has read. Allow domains (\`WebFetch(domain:docs.example.com)\`).`);
      } else if (specifier === undefined && tool.startsWith('mcp__')) {
        const [server, toolName] = tool.slice(5).split('__');
        if (toolName !== undefined && toolName !== '*') continue;
        const everything = server === '*' || server === '';
        unrestricted(everything ? '*' : server, node);
        push(AGENT_RULES.claudeWholeMcpServer.id, node, everything ? 'high' : undefined,
          everything
            ? `Allow rule \`${value}\` approves every tool of every MCP server without asking.`
            : `Allow rule \`${value}\` approves every tool of MCP server \`${server}\` without asking, including tools that write or delete and tools it adds later. Allow tools by name (\`mcp__${server}__<tool>\`).`);
      }
    }

    for (const { value, node } of stringList(get(permissions, 'additionalDirectories'))) {
      const what = broadRoot(value);
      if (what) {
        push(AGENT_RULES.claudeBroadFileAccess.id, node, 'high',
          `Additional directory \`${value}\` opens ${what} to the agent: its file tools reach SSH keys, cloud credentials and every other project.`);
      }
    }
    return out;
  },
};

/** Claude Code path specifiers: `//path` is absolute, `~/path` the home folder; `/path` is relative to the settings file. */
function claudeBroadPath(specifier: string): string | undefined {
  const s = specifier.replace(/\/\*{1,2}$/, '/'); // `//**` → `//`, `~/**` → `~/`
  if (s === '//') return 'the file-system root';
  if (s === '~' || s === '~/') return 'the home folder';
  return s.startsWith('//') ? broadRoot(s.slice(1)) : undefined;
}
