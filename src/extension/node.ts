// Entry of the Node extension host (desktop and remote): the shared extension plus a worker thread
// that scans large documents.
import * as vscode from 'vscode';
import { activateKeyhole, type KeyholeApi } from './extension';
import { workerScanner } from './offThread';

export function activate(context: vscode.ExtensionContext): KeyholeApi {
  return activateKeyhole(context, { offThread: workerScanner(vscode.Uri.joinPath(context.extensionUri, 'dist', 'extension-worker.js').fsPath) });
}

export { deactivate } from './extension';
