import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AuditSummary } from '../../../src/extension/audit';
import type { TreeSnapshot } from '../../../src/extension/findingsTree';
import type { Suppression } from '../../../src/core/types';
import sarifSchema from '../../schemas/sarif-2.1.0.json';
import {
  acmeKey, closeAllEditors, deleteFile, fakePassword, fileUri, keyhole, keyholeDiagnostics, openFile, readFile, ruleOf, waitFor, writeFile,
} from '../helpers';

/** Files the audit must report, and files it must leave alone (each with a finding of its own). */
const REPORTED = {
  'audit/app/settings.py': () => `import os\n\nDB_PASSWORD = "${fakePassword(40)}"\n`,
  'audit/app/client.ts': () => `export const acme = "${acmeKey(41)}";\nexport const other = "${acmeKey(42)}";\n`,
  'audit/app/suppressed.py': () => `API_PASSWORD = "${fakePassword(43)}"  # keyhole-ignore secret/generic-password -- test fixture\nOTHER_PASSWORD = "${fakePassword(44)}"  # keyhole-ignore -- everything on this line\n`,
};
const SKIPPED = {
  'audit/ignored-by-git/secret.py': () => `DB_PASSWORD = "${fakePassword(45)}"\n`,
  'audit/debug.log': () => `password = "${fakePassword(46)}"\n`,
  'audit/excluded-by-setting/secret.py': () => `DB_PASSWORD = "${fakePassword(47)}"\n`,
  'vendor/lib/secret.py': () => `DB_PASSWORD = "${fakePassword(48)}"\n`,
};

/** Keyhole diagnostics of the files this suite wrote (other suites' documents may still be open). */
function auditFolderDiagnostics(): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics().filter(([uri]) => uri.path.includes('/audit/')).flatMap(([, ds]) => ds.filter((d) => d.source === 'Keyhole'));
}

function describeDiagnostics(): string {
  return vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === 'Keyhole'))
    .map(([uri, ds]) => `${uri.path}: ${ds.map((d) => `${ruleOf(d)}@${d.range.start.line}`).join(', ')}`).join('\n');
}

function find(nodes: TreeSnapshot[], label: string): TreeSnapshot {
  const node = nodes.find((n) => n.label === label || n.label.endsWith(`/${label}`));
  assert.ok(node, `a tree node "${label}" among ${nodes.map((n) => n.label).join(', ')}`);
  return node;
}

describe('Audit Workspace, the tree view and reports', () => {
  let summary: AuditSummary;

  before(async () => {
    await keyhole();
    await closeAllEditors();
    // .gitignore of the workspace ignores `ignored-by-git/` and `*.log`; files.exclude hides `excluded-by-setting`;
    // .keyhole.json ignores `vendor/**`.
    for (const [path, text] of Object.entries({ ...REPORTED, ...SKIPPED })) await writeFile(path, text());
    summary = await vscode.commands.executeCommand<AuditSummary>('keyhole.auditWorkspace');
  });

  after(async () => {
    await deleteFile('audit');
    await deleteFile('vendor');
    await closeAllEditors();
  });

  it('fills the Problems panel with the findings of every file it scanned, unopened ones included', async () => {
    assert.equal(summary.cancelled, false);
    assert.ok(summary.files >= 4, `${summary.files} files scanned`);
    assert.deepEqual(keyholeDiagnostics(fileUri('audit/app/settings.py')).map(ruleOf), ['secret/generic-password']);
    assert.deepEqual(keyholeDiagnostics(fileUri('audit/app/client.ts')).map(ruleOf), ['secret/custom-acme-key', 'secret/custom-acme-key']);
    assert.equal(auditFolderDiagnostics().length, 3, describeDiagnostics());
    assert.ok(summary.findings >= 3);
  });

  it('honours .gitignore, files.exclude and the ignore globs of .keyhole.json', () => {
    for (const path of Object.keys(SKIPPED)) assert.deepEqual(keyholeDiagnostics(fileUri(path)), [], `${path} was not scanned`);
  });

  it('honours suppression comments in files it did not open', () => {
    assert.deepEqual(keyholeDiagnostics(fileUri('audit/app/suppressed.py')), []);
  });

  it('shows the findings in the tree by category, rule and file, with counts', async () => {
    const api = await keyhole();
    const tree = await waitFor('the tree to fill', () => (api.treeSnapshot().length ? api.treeSnapshot() : undefined), 3000);
    const secrets = find(tree, 'Hardcoded credentials');
    const count = (n: TreeSnapshot) => Number(/^(\d+) finding/.exec(n.description ?? '')?.[1]);
    assert.equal(count(secrets), secrets.children.reduce((sum, rule) => sum + count(rule), 0), 'category count = sum of its rules');
    const custom = find(secrets.children, 'secret/custom-acme-key');
    assert.equal(custom.description, '2 findings');
    const file = find(custom.children, 'client.ts');
    assert.match(file.description ?? '', /audit\/app · 2 findings/);
    assert.deepEqual(file.children.map((c) => c.label.replace(/:.*/, '')), ['Line 1', 'Line 2']);
    assert.ok(file.children.every((c) => c.label.includes('acme') && c.label.includes('…')), 'findings show the redacted value only');
    const password = find(secrets.children, 'secret/generic-password');
    assert.equal(find(password.children, 'settings.py').description, 'audit/app · 1 finding');
    assert.ok(!password.children.some((f) => f.label.endsWith('suppressed.py')), 'suppressed findings are not listed');
  });

  it('exports a SARIF report that validates against the SARIF 2.1.0 schema', async () => {
    // Under vendor/, which .keyhole.json ignores, so that later audits do not scan the report.
    const target = fileUri('vendor/report.sarif');
    const written = await vscode.commands.executeCommand<vscode.Uri>('keyhole.exportSarif', target);
    assert.equal(written?.toString(), target.toString());
    type SarifResult = { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] };
    const sarif = JSON.parse((await readFile('vendor/report.sarif'))!) as { runs: { results: SarifResult[] }[] };
    // The SARIF schema has a pattern that is not valid with the `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv as never);
    const validate = ajv.compile(sarifSchema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const results = sarif.runs[0].results;
    assert.deepEqual(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri).sort(), ['audit/app/client.ts', 'audit/app/client.ts', 'audit/app/settings.py']);
    assert.ok(!JSON.stringify(sarif).includes(acmeKey(41)), 'no secret in the report');
  });

  it('lists suppressions with their reasons', async () => {
    const list = await vscode.commands.executeCommand<Suppression[]>('keyhole.listSuppressions');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const mine = list.filter((s) => s.path === 'audit/app/suppressed.py');
    assert.deepEqual(mine.map((s) => [s.range.start.line, s.ruleIds.join(','), s.reason]), [
      [0, 'secret/generic-password', 'test fixture'],
      [1, '', 'everything on this line'],
    ]);
  });

  it('uses the editor text of open, unsaved documents', async () => {
    const editor = await openFile('audit/app/settings.py');
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), `ADMIN_PASSWORD = "${fakePassword(49)}"\n`));
    const again = await vscode.commands.executeCommand<AuditSummary>('keyhole.auditWorkspace');
    assert.equal(again.findings, summary.findings + 1);
    assert.equal(keyholeDiagnostics(editor.document.uri).length, 2);
    assert.equal(auditFolderDiagnostics().length, 4, describeDiagnostics());
    await editor.edit((b) => b.delete(new vscode.Range(1, 0, 2, 0)));
    await editor.document.save();
  });

  it('Audit Current File scans the active editor at once', async () => {
    const editor = await openFile('audit/app/later.py', 'import os\n');
    await (await keyhole()).whenScanned(editor.document);
    await vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode(`DB_PASSWORD = "${fakePassword(50)}"\n`));
    await waitFor('the editor to show the new file content', () => editor.document.getText().includes('DB_PASSWORD'), 5000);
    const result = await vscode.commands.executeCommand<{ findings: { ruleId: string }[] }>('keyhole.auditFile');
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['secret/generic-password']);
  });

  it('reveals a finding when its tree item is clicked', async () => {
    const api = await keyhole();
    const client = find(find(find(api.treeSnapshot(), 'Hardcoded credentials').children, 'secret/custom-acme-key').children, 'client.ts');
    const second = client.children[1];
    assert.equal(second.contextValue, 'finding.fixable');
    assert.ok(second.command);
    await vscode.commands.executeCommand(second.command.command, ...(second.command.arguments ?? []));
    const editor = await waitFor('the editor of the finding', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('client.ts') && vscode.window.activeTextEditor);
    assert.equal(editor.selection.start.line, 1);
    assert.equal(editor.document.getText(editor.selection), acmeKey(42));
  });

  it('ignores a finding on its line from the tree view\'s context menu', async () => {
    const api = await keyhole();
    const password = find(find(api.treeSnapshot(), 'Hardcoded credentials').children, 'secret/generic-password');
    const settings = find(password.children, 'settings.py');
    const item = settings.children[0];
    assert.equal(item.contextValue, 'finding.fixable');
    assert.equal(await vscode.commands.executeCommand('keyhole.ignoreOnLine', item.node), true);
    const editor = await waitFor('the file in an editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('audit/app/settings.py') && vscode.window.activeTextEditor);
    assert.match(editor.document.lineAt(2).text, /^DB_PASSWORD = ".*"  # keyhole-ignore secret\/generic-password -- TODO: say why this is safe$/,
      `${JSON.stringify(item.node.kind === 'finding' && item.node.item.finding.range)}\n${editor.document.getText()}`);
    await waitFor('the finding gone', () => keyholeDiagnostics(editor.document.uri).length === 0, 3000);
  });
});
