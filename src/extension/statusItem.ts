// A language status item with the active file's finding count (or why it was not scanned);
// clicking it audits the workspace.
import * as vscode from 'vscode';
import { isScannable } from './paths';
import type { Results } from './results';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('keyhole.status', [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }]);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly results: Results) {
    this.item.name = 'Keyhole';
    this.item.command = { command: 'keyhole.auditWorkspace', title: 'Audit Workspace' };
    this.disposables.push(
      results.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  get detail(): string | undefined {
    return this.item.detail;
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const entry = doc && isScannable(doc.uri) ? this.results.get(doc.uri) : undefined;
    const n = entry?.result.findings.length ?? 0;
    if (entry?.result.skipped && n === 0 && !entry.result.skipped.startsWith('syntax-aware')) {
      this.item.text = '$(shield) Keyhole: skipped';
      this.item.detail = entry.result.skipped;
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      return;
    }
    this.item.text = n ? `$(shield) Keyhole: ${n} finding${n === 1 ? '' : 's'}` : '$(shield) Keyhole: no findings';
    this.item.detail = entry?.result.skipped ?? (entry ? `${entry.result.suppressions.length} suppression${entry.result.suppressions.length === 1 ? '' : 's'} in this file` : 'not scanned');
    this.item.severity = n ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
