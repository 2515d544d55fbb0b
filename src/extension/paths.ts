// Between VS Code URIs and the workspace-relative paths the core works with (`/` separators).
import * as vscode from 'vscode';

/** The folder a document belongs to; untitled and outside documents use the first folder's configuration. */
export function folderFor(uri: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
}

/** The path findings carry: relative to the document's folder, the untitled name, or the full path outside any folder. */
export function corePath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) {
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (uri.path.startsWith(base)) return uri.path.slice(base.length);
  }
  if (uri.scheme === 'untitled') return uri.path;
  return uri.path.replace(/^\/([a-zA-Z]:)/, '$1');
}

/** Resolves a core path (relative to the folder of `anchor`) back to a URI; the anchor's own path maps to the anchor. */
export function uriFor(path: string, anchor: vscode.Uri): vscode.Uri | undefined {
  if (path === corePath(anchor)) return anchor;
  const folder = folderFor(anchor);
  if (!folder) return undefined;
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

/** Schemes whose documents are user content worth scanning (not output panes, git views or diff originals). */
const SCANNED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata', 'vscode-vfs']);

export function isScannable(uri: vscode.Uri): boolean {
  return SCANNED_SCHEMES.has(uri.scheme) || (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === uri.scheme);
}
