// Sets up the scenes of the README's screenshots inside the real workbench; the launcher
// (scripts/integration/screenshots.mjs) takes a screenshot when it sees a SCREENSHOT line.
import * as vscode from 'vscode';
import { diagnosticOf, fakePassword, GITHUB_PAT, githubToken, keyhole, sleep, writeFile } from './helpers';
import { REPORT_MARKER } from './runMocha';

async function shoot(name: string): Promise<void> {
  await sleep(1500);
  console.log(`${REPORT_MARKER}SCREENSHOT ${name}`);
  await sleep(2500);
}

export async function run(): Promise<void> {
  await keyhole();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  const uri = await writeFile('src/settings.py', [
    'import os',
    '',
    'DEBUG = os.environ.get("DEBUG") == "1"',
    `GITHUB_TOKEN = "${githubToken(7)}"`,
    `DB_PASSWORD = "${fakePassword(7)}"`,
    'DB_HOST = os.environ["DB_HOST"]',
    '',
  ].join('\n'));
  await writeFile('deploy/config.ts', `export const deployKey = "${githubToken(8)}";\n`);
  const editor = await vscode.window.showTextDocument(uri);
  const token = await diagnosticOf(uri, GITHUB_PAT, 10_000);
  await diagnosticOf(uri, 'secret/generic-password', 10_000);

  editor.selection = new vscode.Selection(token.range.start.translate(0, 6), token.range.start.translate(0, 6));
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await sleep(500);
  await vscode.commands.executeCommand('editor.action.showHover');
  await shoot('inline-diagnostic');

  await vscode.commands.executeCommand('editor.action.hideHover');
  await vscode.commands.executeCommand('editor.action.quickFix');
  await shoot('quick-fix-menu');

  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await vscode.commands.executeCommand('keyhole.auditWorkspace');
  await vscode.commands.executeCommand('workbench.view.extension.keyhole');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await shoot('tree-view');
}
