// Narrowing fixes for `agent/` findings, one module per configuration family. Rules without a fix, on
// purpose (notes/agent-fixes.md): `mcp-all-tools` (tool names are unknown offline and `tools` is
// required), `python-repl-tool` (no narrower drop-in tool; sandboxing is a deployment choice).
import { detectLanguage } from '../../lang/languages';
import type { Finding, Fix } from '../../types';
import type { FixDocument, FixWorkspace } from '../draft';
import { claudeBashFixes, claudeFileAccessFixes, claudeModeFixes, claudeRemoveRuleFixes } from './agentClaude';
import { approvalConfigFixes } from './agentApprovalConfig';
import { approvalFixes, fileToolkitFixes, shellToolFixes } from './agentCode';
import { mcpRootFixes } from './agentMcp';
import { mcpCodeRootFixes } from './agentMcpCode';
import { oauthScopeFixes } from './agentOauth';
import type { Narrower } from './index';

const BY_RULE: Record<string, Narrower> = {
  'agent/claude-bypass-permissions': claudeModeFixes,
  'agent/claude-unrestricted-bash': claudeBashFixes,
  'agent/claude-unrestricted-webfetch': claudeRemoveRuleFixes,
  'agent/claude-whole-mcp-server': claudeRemoveRuleFixes,
  'agent/claude-broad-file-access': claudeFileAccessFixes,
  'agent/mcp-filesystem-root': (finding, doc) => (finding.remedy?.kind === 'mcp-code-root' ? mcpCodeRootFixes : mcpRootFixes)(finding, doc),
  // Client settings (Gemini, Kiro, Zed) are JSON; `"never"` in code is the OpenAI Agents SDK / Responses API.
  'agent/mcp-approval-never': (finding, doc) => (detectLanguage(doc.path, doc.languageId) === 'json' ? approvalConfigFixes : approvalFixes)(finding, doc),
  'agent/unscoped-file-tools': fileToolkitFixes,
  'agent/shell-tool': shellToolFixes,
  'agent/oauth-broad-scope': (finding, doc) => oauthScopeFixes(finding, doc, detectLanguage(doc.path, doc.languageId)),
};

export function agentFixes(finding: Finding, doc: FixDocument, workspace: FixWorkspace): Fix[] {
  return BY_RULE[finding.ruleId]?.(finding, doc, workspace) ?? [];
}
