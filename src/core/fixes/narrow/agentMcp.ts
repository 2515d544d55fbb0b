// MCP filesystem servers (and container mounts) rooted at `/`, a drive root or the home folder: the
// root becomes the workspace, written the way the client resolves it. Only where the client has a
// spelling for it: VS Code and Cursor expand `${workspaceFolder}`; Claude Code starts `.mcp.json`
// servers in the project folder, so `.` is the project there (it expands only `${VAR}` environment
// variables). Gemini CLI starts stdio servers in the folder it runs in (the project, for a project
// `.gemini/settings.json`) unless the server sets `cwd`, so `.` is that folder too. Claude Desktop,
// Windsurf, Zed, Kiro and other user-level files have no workspace: no fix.
import type { Node } from 'jsonc-parser';
import type { Finding, Fix } from '../../types';
import { replace, type FixDocument } from '../draft';
import { jsonFlavour } from '../json';
import { arrayValues, jsonStringAt, removeItemEdits } from './agentJson';

export interface McpRootRemedy {
  /** The broad root as written in the argument (after JSON decoding). */
  root: string;
  /** True when the argument is a container mount (`-v SRC:DST`, `--mount src=SRC,...`). */
  mount: boolean;
}

interface Client {
  name: string;
  workspace: string;
  why: string;
}

function clientOf(path: string, mount: boolean): Client | undefined {
  const flavour = jsonFlavour(path);
  if (flavour === 'vscode-mcp' || /(?:^|\/)\.vscode\/settings\.json$/i.test(path)) {
    return { name: 'VS Code', workspace: '${workspaceFolder}', why: 'VS Code replaces `${workspaceFolder}` with the folder open in the window.' };
  }
  if (flavour === 'cursor-mcp') {
    return { name: 'Cursor', workspace: '${workspaceFolder}', why: 'Cursor replaces `${workspaceFolder}` in `command`, `args` and `env` with the open project.' };
  }
  // Docker wants an absolute source for a bind mount; `.` is only safe as a server argument.
  if (flavour === 'claude-code-mcp' && !mount) {
    return { name: 'Claude Code', workspace: '.', why: 'Claude Code starts the servers of a project `.mcp.json` in the folder it runs in, the project (it expands `${VAR}` environment variables but has no workspace variable).' };
  }
  if (/(?:^|\/)\.gemini\/settings\.json$/i.test(path) && !mount) {
    return { name: 'Gemini CLI', workspace: '.', why: 'Gemini CLI starts stdio servers in the folder it runs in (project settings apply when it runs in the project; it expands `$VAR` environment variables but has no workspace variable).' };
  }
  return undefined;
}

/** True when the server object holding the argument list `array` sets its own working directory. */
function setsCwd(array: Node | undefined): boolean {
  const server = array?.parent?.parent;
  return server?.type === 'object' && (server.children ?? []).some((p) => p.children?.[0]?.value === 'cwd');
}

export function mcpRootFixes(finding: Finding, doc: FixDocument): Fix[] {
  const data = finding.remedy?.kind === 'mcp-root' ? (finding.remedy.data as unknown as McpRootRemedy) : undefined;
  const at = jsonStringAt(doc.text, finding.span);
  if (!data || typeof data.root !== 'string' || !at) return [];
  const client = clientOf(doc.path, data.mount);
  // Gemini resolves `.` against the server's `cwd` when it has one (Claude Code ignores `cwd`).
  if (!client || (client.name === 'Gemini CLI' && setsCwd(at.node.parent))) return [];
  const value = data.mount ? mountWithSource(at.value, data.root, client.workspace) : at.value === data.root ? client.workspace : undefined;
  if (value === undefined) return [];
  const description = `${client.why} Review what the server needs: a subfolder (\`${client.workspace === '.' ? './docs' : '${workspaceFolder}/docs'}\`) is narrower still.`;
  const title = `Root the server at the workspace (\`${client.workspace}\`) instead of \`${data.root}\``;
  // A second root argument that already is the workspace: the broad one just goes.
  const array = at.node.parent;
  if (!data.mount && array?.type === 'array' && arrayValues(array).includes(value)) {
    const edits = removeItemEdits(doc.text, array, array.children!.indexOf(at.node));
    return edits.length ? [{ title: `Remove the root \`${data.root}\`: the server is also rooted at the workspace`, description, preferred: false, edits: [{ path: doc.path, edits }] }] : [];
  }
  return [{ title, description, preferred: false, edits: [{ path: doc.path, edits: [replace(finding.span, JSON.stringify(value))] }] }];
}

/** `-v /:/host` → `-v ${workspaceFolder}:/host`; `type=bind,src=/,dst=/x` → `src=${workspaceFolder}`. */
function mountWithSource(spec: string, root: string, workspace: string): string | undefined {
  const m = new RegExp(`(^|[=,])${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[:,]|$)`).exec(spec);
  if (!m) return undefined;
  const at = m.index + m[1].length;
  return spec.slice(0, at) + workspace + spec.slice(at + root.length);
}
