// Claude Code settings (`.claude/settings.json`): `bypassPermissions` back to prompting, `Bash(*)`
// replaced by the repository's own commands, whole-disk file rules scoped to the project, and rules
// that cannot be narrowed offline (any URL, a whole MCP server) removed so that Claude Code asks.
import type { Node } from 'jsonc-parser';
import { agentProjectRoot } from '../../correlate/facts';
import type { Finding, Fix } from '../../types';
import { replace, type FixDocument, type FixWorkspace } from '../draft';
import { repositoryCommands, type RepositoryCommand } from './agentCommands';
import { arrayValues, jsonStringAt, removeItemEdits, replaceItemEdit } from './agentJson';

const PROJECT_SETTINGS = /(?:^|\/)\.claude\/settings(?:\.local)?\.json$/i;
const UNRESTRICTED_BASH = /^Bash(?:\(\s*(?:\*{1,2}|:\*)\s*\))?$/;
/** Read-only git commands, exact: `git diff:*` would also allow `git diff --output=<file>`. */
const GIT_STARTER = ['git status', 'git diff', 'git log'];
const READ_TOOLS = new Set(['Read', 'Glob', 'Grep']);

interface ListItem {
  item: Node;
  array: Node;
  index: number;
  value: string;
}

/** The string at the finding's span when it is still an item of `permissions.<list>`. */
function permissionItem(doc: FixDocument, finding: Finding, list: string): ListItem | undefined {
  const at = jsonStringAt(doc.text, finding.span);
  if (!at || !at.node.parent || at.node.parent.type !== 'array') return undefined;
  const { path } = at;
  if (path.length < 3 || path[path.length - 3] !== 'permissions' || path[path.length - 2] !== list) return undefined;
  return { item: at.node, array: at.node.parent, index: path[path.length - 1] as number, value: at.value };
}

/** The project folder of a settings file with a trailing `/` (`''` at the workspace root). */
function projectFolder(path: string): string {
  const root = agentProjectRoot(path);
  return root ? `${root}/` : '';
}

function removal(doc: FixDocument, at: ListItem, title: string, description: string): Fix | undefined {
  const edits = removeItemEdits(doc.text, at.array, at.index);
  return edits.length ? { title, description, preferred: false, edits: [{ path: doc.path, edits }] } : undefined;
}

export function claudeModeFixes(finding: Finding, doc: FixDocument): Fix[] {
  const at = jsonStringAt(doc.text, finding.span);
  if (!at || at.value !== 'bypassPermissions' || at.path.join('.') !== 'permissions.defaultMode') return [];
  const mode = (value: string, title: string, description: string): Fix =>
    ({ title, description, preferred: false, edits: [{ path: doc.path, edits: [replace(finding.span, JSON.stringify(value))] }] });
  return [
    mode('default', 'Set defaultMode to "default": Claude Code asks before each tool use the allow rules do not cover',
      'Routine commands keep running without a prompt through `permissions.allow` rules; everything else asks. Keep `bypassPermissions` for throwaway containers without credentials or network (start them with `--dangerously-skip-permissions` there instead of committing the mode).'),
    mode('acceptEdits', 'Set defaultMode to "acceptEdits": file edits go through, shell commands and web requests ask',
      'Edits inside the project are accepted without asking; shell commands, web requests and MCP tools still ask unless an allow rule covers them.'),
  ];
}

export function claudeBashFixes(finding: Finding, doc: FixDocument, workspace: FixWorkspace): Fix[] {
  const at = permissionItem(doc, finding, 'allow');
  if (!at || !UNRESTRICTED_BASH.test(at.value.trim())) return [];
  const existing = new Set(arrayValues(at.array).map((v) => v?.trim()));
  const project = PROJECT_SETTINGS.test(doc.path) ? repositoryCommands((p) => workspace.read(p), projectFolder(doc.path)) : [];
  const commands: RepositoryCommand[] = project.length ? project : GIT_STARTER.map((command) => ({ command, source: 'git' }));
  const rules = commands.map((c) => `Bash(${c.command})`).filter((r) => !existing.has(r));
  const remove = removal(doc, at, `Remove \`${at.value}\`: Claude Code asks before each shell command`,
    'Without the rule Claude Code asks before every shell command; "don\'t ask again" on a prompt adds an exact rule for that command.');
  if (rules.length === 0) {
    const covered = removal(doc, at, `Remove \`${at.value}\`: the ${project.length ? "repository's commands" : 'read-only git commands'} are already allowed`,
      'The commands the allow list already holds keep running without a prompt; any other shell command asks.');
    return covered ? [covered] : [];
  }
  const sources = [...new Set(commands.map((c) => c.source))].join(', ');
  const narrowed: Fix = project.length
    ? {
      title: `Allow the repository's ${rules.length} command${rules.length === 1 ? '' : 's'} (${sources}) instead of any shell command`,
      description: `Replaces \`${at.value}\` with exact rules for the scripts and targets the repository defines (from ${sources}): ${rules.join(', ')}. Review the list: drop what the agent should not run unasked (deploy, publish, release targets run whatever they contain). Exact rules do not allow extra arguments; write \`Bash(npm run test:*)\` where arguments are needed (Claude Code does not let a prefix rule cover \`cmd && other\`). Other commands ask.`,
      preferred: false,
      edits: [{ path: doc.path, edits: [replaceItemEdit(doc.text, at.item, rules)] }],
    }
    : {
      title: `Allow read-only git commands instead of any shell command (starting point: review)`,
      description: `No package.json scripts or Makefile targets were found next to ${doc.path}, so \`${at.value}\` becomes a starting point of read-only commands: ${rules.join(', ')}. Add the build and test commands the agent should run unasked; every other command asks.`,
      preferred: false,
      edits: [{ path: doc.path, edits: [replaceItemEdit(doc.text, at.item, rules)] }],
    };
  return remove ? [narrowed, remove] : [narrowed];
}

/** `WebFetch` without a domain and `mcp__server`: nothing narrower is known offline, so the rule goes and Claude Code asks. */
export function claudeRemoveRuleFixes(finding: Finding, doc: FixDocument): Fix[] {
  const at = permissionItem(doc, finding, 'allow');
  if (!at) return [];
  const value = at.value.trim();
  const webFetch = /^WebFetch(?:\(|$)/.test(value);
  const mcp = /^mcp__/.test(value);
  if (!webFetch && !mcp) return [];
  const fix = webFetch
    ? removal(doc, at, `Remove \`${at.value}\`: Claude Code asks before fetching a URL`,
      'The domains an agent needs cannot be known from the repository, so the rule is removed rather than guessed. On a prompt, "don\'t ask again" adds `WebFetch(domain:<host>)` for that host only.')
    : removal(doc, at, `Remove \`${at.value}\`: Claude Code asks before each tool of the server`,
      `The server's tool names are only known once it runs, so the rule is removed rather than guessed. On a prompt, "don't ask again" adds \`${toolRule(value)}\` for that tool only; allow read-only tools by name that way.`);
  return fix ? [fix] : [];
}

/** The rule Claude Code records for one tool: `mcp__github__<tool>`, or `mcp__<server>__<tool>` for `mcp__*`. */
function toolRule(value: string): string {
  const server = value.slice(5).split('__')[0];
  return server && server !== '*' ? `mcp__${server}__<tool>` : 'mcp__<server>__<tool>';
}

/** `Read(//**)`, `Edit(~/**)`, additional directory `/` or `~`. */
export function claudeFileAccessFixes(finding: Finding, doc: FixDocument): Fix[] {
  const directory = permissionItem(doc, finding, 'additionalDirectories');
  if (directory) {
    const fix = removal(doc, directory, `Remove the additional directory \`${directory.value}\`: the agent works in the project folder`,
      'Claude Code always has the folder it was started in; add narrower directories (a sibling project, a shared library) if the agent needs them.');
    return fix ? [fix] : [];
  }
  const at = permissionItem(doc, finding, 'allow');
  const m = at && /^([A-Za-z]+)\((.*)\)$/s.exec(at.value.trim());
  if (!at || !m) return [];
  const tool = m[1];
  const remove = removal(doc, at, `Remove \`${at.value}\``,
    READ_TOOLS.has(tool)
      ? 'Claude Code reads files in the project without asking; reads elsewhere ask.'
      : 'Edits anywhere ask first; "don\'t ask again" on a prompt allows edits for that session.');
  if (READ_TOOLS.has(tool)) return remove ? [remove] : [];
  // Write tools: the same rule scoped to the project (`./` is the folder Claude Code runs in).
  const scoped = `${tool}(./**)`;
  if (arrayValues(at.array).some((v) => v?.trim() === scoped)) return remove ? [remove] : [];
  const narrowed: Fix = {
    title: `Scope \`${at.value}\` to the project: \`${scoped}\``,
    description: `\`${scoped}\` lets the agent change files in the folder Claude Code was started in without asking; changes elsewhere (shell profiles, SSH and cloud configuration) ask. In Claude Code rules \`./\` is that folder, \`~/\` the home folder and \`//\` the file-system root.`,
    preferred: false,
    edits: [{ path: doc.path, edits: [replace(finding.span, JSON.stringify(scoped))] }],
  };
  return remove ? [narrowed, remove] : [narrowed];
}
