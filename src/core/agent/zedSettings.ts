// Zed settings (`.zed/settings.json` in a project, `~/.config/zed/settings.json`): agent tool calls
// approved without asking. `agent.always_allow_tool_actions: true` (before Zed 0.224) approves every
// action; `agent.tool_permissions.default: "allow"` (0.224 on) does too unless the terminal tool keeps
// its own `"confirm"` or `"deny"` default (Zed's documented pattern, not reported: edits and MCP tools
// still run unasked, but every shell command is confirmed).
import { agentProjectRoot, FACT } from '../correlate/facts';
import type { Detector, ScanContext } from '../detector';
import { dataFromJson, get, stringValue, type DataNode } from '../structured';
import type { RawFinding } from '../types';
import { AGENT_RULES } from './rules';

const SETTINGS_PATH = /(?:^|\/)\.?zed\/settings\.json$/i;
const GUARDED = new Set(['confirm', 'deny']);

export const zedSettingsDetector: Detector = {
  id: 'agent-zed-settings',
  rules: [AGENT_RULES.mcpApprovalNever],
  wantsTree: (ctx) => ctx.language === 'json' && SETTINGS_PATH.test(ctx.path) && (ctx.lower.includes('always_allow_tool_actions') || ctx.lower.includes('tool_permissions')),
  detect(ctx: ScanContext): RawFinding[] {
    if (!ctx.tree || ctx.language !== 'json' || !SETTINGS_PATH.test(ctx.path)) return [];
    const agent = get(dataFromJson(ctx.tree.rootNode)[0], 'agent');
    const out: RawFinding[] = [];
    const report = (node: DataNode, evidence: string, message: string) => {
      ctx.note?.(FACT.agentUnrestrictedTools, `${agentProjectRoot(ctx.path)}\t*`, node.span);
      out.push({ ruleId: AGENT_RULES.mcpApprovalNever.id, span: node.span, severity: 'high', confidence: 'validated', message, evidence: [evidence] });
    };

    const always = get(agent, 'always_allow_tool_actions');
    if (always?.kind === 'scalar' && always.value === true) {
      report(always, 'always_allow_tool_actions: true',
        '`"always_allow_tool_actions": true` lets the Zed agent run every tool action without asking: terminal commands, file edits and deletions, web fetches and MCP tools. Set it to `false`, or (Zed 0.224 and later) allow only named commands with `agent.tool_permissions`.');
    }
    const permissions = get(agent, 'tool_permissions');
    const fallback = get(permissions, 'default');
    const terminal = stringValue(get(permissions, 'tools', 'terminal', 'default'));
    if (fallback && stringValue(fallback) === 'allow' && !GUARDED.has(terminal ?? '')) {
      report(fallback, 'tool_permissions.default: allow',
        '`"tool_permissions": { "default": "allow" }` lets the Zed agent run every tool without asking, the terminal included: any shell command, file edits and deletions, web fetches and MCP tools. Keep `"default": "confirm"` and allow commands by pattern (`tools.terminal.always_allow`), or at least set `tools.terminal.default` to `"confirm"`.');
    }
    return out;
  },
};
