// Helpers for the integration suite: the test workspace, documents, waiting on diagnostics, settings.
import assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import * as vscode from 'vscode';
import type { KeyholeApi } from '../../src/extension/extension';
import { base62 } from '../tokens';
import { REPORT_MARKER } from './runMocha';

export const EXTENSION_ID = 'keyhole.keyhole';
/** The rule a GitHub classic personal access token (`ghp_`) is reported under. */
export const GITHUB_PAT = 'secret/github-pat-classic';

export async function keyhole(): Promise<KeyholeApi> {
  const ext = vscode.extensions.getExtension<KeyholeApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri;
}

export function fileUri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...rel.split('/'));
}

export async function writeFile(rel: string, text: string): Promise<vscode.Uri> {
  const uri = fileUri(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function readFile(rel: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(rel)));
  } catch {
    return undefined;
  }
}

export async function deleteFile(rel: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(fileUri(rel), { recursive: true });
  } catch {
    // already gone
  }
}

/** Writes the file (when text is given) and shows it in an editor. */
export async function openFile(rel: string, text?: string): Promise<vscode.TextEditor> {
  const uri = text === undefined ? fileUri(rel) : await writeFile(rel, text);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

export async function openUntitled(language: string, text: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content: text }));
}

/** Closes every editor without saving (untitled buffers are reverted first, so no dialog opens). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // Untitled names are reused (`Untitled-1`): wait until the closed buffers' diagnostics are gone.
  await waitFor('diagnostics of closed untitled buffers to clear', () =>
    !vscode.languages.getDiagnostics().some(([uri, ds]) => uri.scheme === 'untitled' && ds.some((d) => d.source === 'Keyhole')), 5000);
}

export function keyholeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Keyhole');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

type Truthy<T> = Exclude<T, false | null | undefined | 0 | ''>;

/** Polls until `probe` returns a truthy value; fails with `what` after the timeout. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 5000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** A line in the test report (a measurement worth seeing in CI). */
export function note(text: string): void {
  console.log(`${REPORT_MARKER}      · ${text}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Waits until the document has a Keyhole diagnostic of `ruleId` (and returns it). */
export function diagnosticOf(uri: vscode.Uri, ruleId: string, timeoutMs = 5000): Promise<vscode.Diagnostic> {
  return waitFor(`a ${ruleId} diagnostic on ${uri.path}`, () => keyholeDiagnostics(uri).find((d) => ruleOf(d) === ruleId), timeoutMs);
}

export function noDiagnosticOf(uri: vscode.Uri, ruleId: string, timeoutMs = 5000): Promise<boolean> {
  return waitFor(`no ${ruleId} diagnostic on ${uri.path}`, () => !keyholeDiagnostics(uri).some((d) => ruleOf(d) === ruleId), timeoutMs);
}

/** Waits until the latest version of the document has been scanned, then returns its Keyhole diagnostics. */
export async function scannedDiagnostics(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  await (await keyhole()).whenScanned(doc);
  await sleep(30);
  return keyholeDiagnostics(doc.uri);
}

/** Sets a `keyhole.*` (or other) setting for the workspace; returns a function that restores it. */
export async function setSetting(section: string, key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration(section);
  const before = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return async () => {
    await vscode.workspace.getConfiguration(section).update(key, before, vscode.ConfigurationTarget.Workspace);
  };
}

/** Types text at the end of the document through the editor's `type` command, as a keyboard would. */
export async function typeAtEnd(editor: vscode.TextEditor, text: string): Promise<void> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  await vscode.commands.executeCommand('type', { text });
}

export async function deleteLine(editor: vscode.TextEditor, line: number): Promise<void> {
  const doc = editor.document;
  const range = line + 1 < doc.lineCount ? new vscode.Range(line, 0, line + 1, 0) : doc.lineAt(line).rangeIncludingLineBreak;
  assert.ok(await editor.edit((b) => b.delete(range)));
}

// Synthetic credentials: random-looking values of the right shape, never real ones.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A deterministic pseudo-random base62 string (xorshift), so that failures reproduce. */
export function randomBase62(length: number, seed: number): string {
  let x = seed | 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += BASE62[(x >>> 0) % 62];
  }
  return out;
}

/** Node's own CRC32 where it has one (Node 20.15+, 22.2+), else the textbook one (older Electron builds of VS Code). */
function crc32(text: string): number {
  const native = (zlib as { crc32?: (data: string) => number }).crc32;
  if (native) return native(text);
  let c = ~0;
  for (let i = 0; i < text.length; i++) {
    c ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A GitHub classic token (`ghp_`) whose body carries a valid CRC32 checksum. */
export function githubToken(seed: number): string {
  const body = randomBase62(30, seed);
  return `ghp_${body}${base62(crc32(body), 6)}`;
}

/** A password-like value for the generic rule: mixed classes, no dictionary words. */
export function fakePassword(seed: number): string {
  return `${randomBase62(10, seed)}!${randomBase62(6, seed + 7)}#9`;
}

/** A value for the custom rule the test workspace's `.keyhole.json` defines (`acme_live_` + 24 characters). */
export function acmeKey(seed: number): string {
  return `acme_live_${randomBase62(24, seed).toLowerCase()}`;
}
