// Grammar bytes from the extension's dist/grammars, read through vscode.workspace.fs so that desktop,
// remote and web hosts all work; a web host that cannot read its own files that way falls back to fetch.
import * as vscode from 'vscode';
import type { WasmSource } from '../parsing/parserHost';

export function extensionWasmSource(extensionUri: vscode.Uri): WasmSource {
  return {
    async read(fileName: string) {
      const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'grammars', fileName);
      try {
        return await vscode.workspace.fs.readFile(uri);
      } catch (err) {
        if (!/^https?$/.test(uri.scheme) || typeof fetch !== 'function') throw err;
        const response = await fetch(uri.toString(true));
        if (!response.ok) throw new Error(`${fileName}: HTTP ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      }
    },
  };
}
