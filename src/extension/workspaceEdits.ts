// Core edits (UTF-16 offsets into a file's text, possibly across several files) as one WorkspaceEdit,
// so that a fix touching the code and `.env` is a single undo step.
import * as vscode from 'vscode';
import { LineIndex } from '../core/text';
import type { FileEdit, Fix, TextEdit } from '../core/types';
import { uriFor } from './paths';

/** Text of a file as the editor sees it: the open document (unsaved changes included), else the bytes on disk. */
async function currentText(uri: vscode.Uri): Promise<{ positionAt(offset: number): vscode.Position } | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open;
  try {
    const lines = new LineIndex(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    return { positionAt: (offset) => { const p = lines.position(offset); return new vscode.Position(p.line, p.character); } };
  } catch {
    return undefined;
  }
}

/** Adds the edits of one file to `edit`; false when the file cannot be resolved or read (and may not be created). */
export async function addFileEdit(edit: vscode.WorkspaceEdit, fileEdit: FileEdit, anchor: vscode.Uri): Promise<boolean> {
  const uri = uriFor(fileEdit.path, anchor);
  if (!uri) return false;
  const text = await currentText(uri);
  if (!text) {
    if (!fileEdit.create) return false;
    // A new file: the edits apply to the empty text, so all of them insert at offset 0.
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), fileEdit.edits.map((e) => e.newText).join(''));
    return true;
  }
  for (const e of fileEdit.edits) edit.replace(uri, rangeOf(text, e), e.newText);
  return true;
}

function rangeOf(text: { positionAt(offset: number): vscode.Position }, e: TextEdit): vscode.Range {
  return new vscode.Range(text.positionAt(e.span.start), text.positionAt(e.span.end));
}

/** The fix as one WorkspaceEdit, or undefined when a file it needs cannot be resolved. */
export async function fixToWorkspaceEdit(fix: Fix, anchor: vscode.Uri): Promise<vscode.WorkspaceEdit | undefined> {
  const edit = new vscode.WorkspaceEdit();
  for (const fileEdit of fix.edits) {
    if (!(await addFileEdit(edit, fileEdit, anchor))) return undefined;
  }
  return edit;
}
