// The web build (the manifest's `browser` entry) in VS Code's web worker extension host: activation,
// a grammar-backed scan, a quick fix, and a reach finding. The staged extension has no `main`, so the
// workbench cannot run it anywhere else.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors, deleteFile, diagnosticOf, EXTENSION_ID, GITHUB_PAT, githubToken, keyhole, noDiagnosticOf, note, openFile,
} from '../../integration/helpers';

async function preferredQuickFix(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction> {
  const actions = await codeActions(uri, range);
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, `a preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
  return fix;
}

/** The quick fixes at a range. The workbench cancels a request when the document or its diagnostics change meanwhile; it is asked again then, as the lightbulb would. */
async function codeActions(uri: vscode.Uri, range: vscode.Range, attempts = 3): Promise<vscode.CodeAction[]> {
  try {
    return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value) ?? [];
  } catch (err) {
    if (attempts <= 1 || (err as Error).message !== 'Canceled') throw err;
    return codeActions(uri, range, attempts - 1);
  }
}

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applied ${action.title}`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('Web worker extension host', () => {
  const created: string[] = [];
  afterEach(async () => {
    await closeAllEditors();
  });
  after(async () => {
    for (const f of created) await deleteFile(f);
  });

  it('activates the browser entry in a web worker, with no Node runtime', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is visible to the web worker host');
    assert.equal(ext.packageJSON.main, undefined, 'the staged manifest has no Node entry');
    const api = await keyhole();
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a WorkerGlobalScope');
    assert.equal(typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node, 'undefined', 'no Node runtime');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    const line = api.recentLog().find((l) => l.includes('Keyhole activated'));
    assert.ok(line, 'the activation line is in the log');
    assert.match(line, /\(web worker extension host/);
  });

  it('reports a GitHub token in TypeScript with the grammar loaded through the web path, and its quick fix applies', async () => {
    const token = githubToken(101);
    const rel = 'src/web-client.ts';
    created.push(rel, '.env', '.env.example');
    const opened = Date.now();
    const editor = await openFile(rel, `export const token = "${token}";\n`);
    const scanned = await (await keyhole()).whenScanned(editor.document);
    note(`first TypeScript scan (grammar load included) ${Date.now() - opened} ms after opening`);
    assert.ok(scanned, 'the document was scanned');
    assert.equal(scanned.skipped, undefined, 'the syntax-aware checks ran (the TypeScript grammar loaded)');
    const d = await diagnosticOf(editor.document.uri, GITHUB_PAT, 5000);
    assert.ok(!d.message.includes(token), 'no secret in the message');
    const fix = await preferredQuickFix(editor.document.uri, d.range);
    assert.ok(!fix.title.includes(token), `no secret in "${fix.title}"`);
    await apply(fix);
    assert.equal(editor.document.getText(), 'export const token = process.env.GITHUB_TOKEN!;\n');
    const env = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.env'));
    assert.ok(env.getText().includes(`GITHUB_TOKEN=${token}`), 'the token moved to .env');
    await noDiagnosticOf(editor.document.uri, GITHUB_PAT, 3000);
  });

  it('reports `permissions: write-all` in a workflow (YAML grammar) and narrows it', async () => {
    const rel = '.github/workflows/web-release.yml';
    created.push(rel);
    const workflow = [
      'name: release',
      'on: push',
      'permissions: write-all',
      'jobs:',
      '  release:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: softprops/action-gh-release@v2',
      '',
    ].join('\n');
    const editor = await openFile(rel, workflow);
    const scanned = await (await keyhole()).whenScanned(editor.document);
    assert.equal(scanned?.skipped, undefined, 'the syntax-aware checks ran (the YAML grammar loaded)');
    const d = await diagnosticOf(editor.document.uri, 'iam/gha-write-all', 5000);
    await apply(await preferredQuickFix(editor.document.uri, d.range));
    assert.doesNotMatch(editor.document.getText(), /write-all/);
    await noDiagnosticOf(editor.document.uri, 'iam/gha-write-all', 3000);
  });

  it('does not report a file without credentials or grants', async () => {
    const rel = 'src/web-clean.ts';
    created.push(rel);
    const editor = await openFile(rel, 'export const greeting = "hello";\n');
    const scanned = await (await keyhole()).whenScanned(editor.document);
    assert.ok(scanned, 'the document was scanned');
    assert.equal(scanned.findings.length, 0);
  });
});
