// The command palette and view commands.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES } from '../core/config';
import { allowlistEdits, ignoreFileEdit, ignoreLineEdit, REASON_PLACEHOLDER } from '../core/fixes/suppress';
import type { ScanReport } from '../core/report/model';
import { toSarif } from '../core/report/sarif';
import { formatSuppressionList } from '../core/suppressions';
import type { FileScanResult, Finding, Suppression } from '../core/types';
import { auditWorkspace, type AuditDeps, type AuditSummary } from './audit';
import { COMMANDS, suppressTarget, textEditToWorkspaceEdit } from './codeActions';
import { fixAllFor, fixesFor } from './fixes';
import type { FindingsNode } from './findingsTree';
import { corePath, folderFor } from './paths';
import { fixToWorkspaceEdit } from './workspaceEdits';

declare const KEYHOLE_VERSION: string | undefined;
const VERSION = typeof KEYHOLE_VERSION === 'string' ? KEYHOLE_VERSION : '0.0.0-dev';

export class Commands {
  private lastAudit?: AuditSummary;

  constructor(private readonly deps: AuditDeps) {}

  register(): vscode.Disposable[] {
    const r = vscode.commands.registerCommand;
    return [
      r('keyhole.auditWorkspace', () => this.audit()),
      r('keyhole.auditFile', (uri?: vscode.Uri) => this.auditFile(uri)),
      r('keyhole.exportSarif', (target?: vscode.Uri) => this.exportSarif(target)),
      r('keyhole.fixAllInFile', (uri?: vscode.Uri) => this.fixAllInFile(uri)),
      r('keyhole.listSuppressions', () => this.listSuppressions()),
      r('keyhole.showOutput', () => this.deps.log.show()),
      r(COMMANDS.showRuleDocs, (ruleId?: string) => this.showRuleDocs(ruleId)),
      r(COMMANDS.addToAllowlist, (uri: vscode.Uri, fingerprint: string, reason?: string) => this.addToAllowlist(uri, fingerprint, reason)),
      r(COMMANDS.selectReason, (uri: vscode.Uri, line: number) => selectReasonPlaceholder(uri, line)),
      r(COMMANDS.showFixNote, (title: string, description: string) => this.showFixNote(title, description)),
      r('keyhole.applyFix', (node: FindingsNode) => this.onFinding(node, (uri, f) => this.applyPreferredFix(uri, f))),
      r('keyhole.ignoreOnLine', (node: FindingsNode) => this.onFinding(node, (uri, f) => this.ignore(uri, f, 'line'))),
      r('keyhole.ignoreInFile', (node: FindingsNode) => this.onFinding(node, (uri, f) => this.ignore(uri, f, 'file'))),
      r('keyhole.allowlistFinding', (node: FindingsNode) => this.onFinding(node, (uri, f) => this.addToAllowlist(uri, f.fingerprint))),
    ];
  }

  async audit(): Promise<AuditSummary> {
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Keyhole: auditing the workspace', cancellable: true },
      (progress, token) => auditWorkspace(this.deps, progress, token),
    );
    this.lastAudit = summary;
    const skipped = summary.skipped.length ? `, ${summary.skipped.length} skipped (see Output)` : '';
    void vscode.window.showInformationMessage(
      `Keyhole: ${summary.cancelled ? 'audit cancelled after ' : ''}${summary.files} files, ${summary.findings} finding${summary.findings === 1 ? '' : 's'}${skipped}.`,
    );
    return summary;
  }

  private async auditFile(uri?: vscode.Uri): Promise<FileScanResult | undefined> {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showInformationMessage('Keyhole: open a file to audit it.');
      return undefined;
    }
    const result = await this.deps.live.scanNow(doc);
    if (result?.skipped && result.findings.length === 0) void vscode.window.showWarningMessage(`Keyhole: ${corePath(doc.uri)}: ${result.skipped}`);
    return result;
  }

  private async exportSarif(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!this.lastAudit) await this.audit();
    target ??= await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder.uri, 'keyhole.sarif') : undefined,
      filters: { SARIF: ['sarif', 'json'] },
      title: 'Export Keyhole findings as SARIF',
    });
    if (!target) return undefined;
    const { engine } = await this.deps.engines.forUri(folder?.uri ?? target);
    const files = this.lastAudit?.reported ?? [];
    const report: ScanReport = {
      toolVersion: VERSION,
      root: folder ? (folder.uri.scheme === 'file' ? folder.uri.fsPath : folder.uri.toString()) : '/',
      files,
      skipped: this.lastAudit?.skipped ?? [],
      rules: engine.rules(),
      scannedFiles: this.lastAudit?.files ?? files.length,
    };
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`${JSON.stringify(toSarif(report), null, 2)}\n`));
    const count = files.reduce((n, f) => n + f.findings.length, 0);
    void vscode.window.showInformationMessage(`Keyhole: ${count} finding${count === 1 ? '' : 's'} exported to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  }

  private async fixAllInFile(uri?: vscode.Uri): Promise<number> {
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!doc) return 0;
    const result = await this.deps.live.scanNow(doc);
    const { fix, count } = await fixAllFor(doc, result?.findings ?? [], this.deps.engines);
    const edit = fix && (await fixToWorkspaceEdit(fix, doc.uri));
    if (!edit) {
      void vscode.window.showInformationMessage('Keyhole: no automatic fix for the findings in this file.');
      return 0;
    }
    return (await vscode.workspace.applyEdit(edit)) ? count : 0;
  }

  private async listSuppressions(): Promise<Suppression[]> {
    const audit = this.lastAudit ?? (await this.audit());
    const suppressions = audit.reported.flatMap((r) => r.suppressions);
    this.deps.log.info(`Suppressions:\n${formatSuppressionList(suppressions)}`);
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { suppression: Suppression }>();
    pick.title = `Keyhole suppressions (${suppressions.length})`;
    pick.placeholder = 'Select a suppression to reveal it';
    pick.items = suppressions.map((s) => ({
      label: `${s.path}:${s.range.start.line + 1}`,
      description: `${s.marker} ${s.ruleIds.length ? s.ruleIds.join(', ') : 'all rules'}`,
      detail: s.reason ? `Reason: ${s.reason}` : '$(warning) No reason given',
      suppression: s,
    }));
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0]?.suppression;
      pick.hide();
      const folder = vscode.workspace.workspaceFolders?.[0];
      const uri = chosen && folder && vscode.Uri.joinPath(folder.uri, ...chosen.path.split('/'));
      if (uri) void vscode.window.showTextDocument(uri, { selection: new vscode.Range(chosen.range.start.line, chosen.range.start.character, chosen.range.end.line, chosen.range.end.character) });
    });
    pick.onDidHide(() => pick.dispose());
    pick.show();
    return suppressions;
  }

  private async showRuleDocs(ruleId?: string): Promise<string | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const rules = folder ? (await this.deps.engines.forUri(folder.uri)).engine.rules() : [];
    ruleId ??= (await vscode.window.showQuickPick(rules.map((r) => ({ label: r.id, description: r.title })), { title: 'Keyhole rule documentation' }))?.label;
    const url = rules.find((r) => r.id === ruleId)?.docsUrl ?? this.findingDocs(ruleId);
    if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  }

  private findingDocs(ruleId: string | undefined): string | undefined {
    for (const r of this.deps.results.all()) {
      const f = r.result.findings.find((x) => x.ruleId === ruleId && x.docsUrl);
      if (f) return f.docsUrl;
    }
    return undefined;
  }

  /** Adds a finding's fingerprint to the allowlist of its folder's configuration file (created if missing) and saves it. */
  private async addToAllowlist(uri: vscode.Uri, fingerprint: string, reason?: string): Promise<boolean> {
    const folder = folderFor(uri);
    if (!folder) {
      void vscode.window.showWarningMessage('Keyhole: the allowlist lives in the workspace configuration file; open a folder first.');
      return false;
    }
    reason ??= await vscode.window.showInputBox({
      title: 'Add to the Keyhole allowlist',
      prompt: 'Why is this finding acceptable? (kept in the configuration file for reviewers)',
      placeHolder: 'e.g. revoked test token used by the fixtures',
    });
    if (reason === undefined) return false;
    const { configUri } = await this.deps.engines.forUri(uri);
    const target = configUri ?? vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAMES[0]);
    let text: string | undefined;
    try {
      text = (await vscode.workspace.openTextDocument(target)).getText();
    } catch {
      text = undefined;
    }
    const path = uri.scheme === 'untitled' ? undefined : corePath(uri);
    const edits = allowlistEdits(text, { fingerprint, path, reason: reason.trim() || undefined });
    if (edits.length === 0) return true;
    const edit = new vscode.WorkspaceEdit();
    if (text === undefined) {
      edit.createFile(target, { ignoreIfExists: true });
      edit.insert(target, new vscode.Position(0, 0), edits.map((e) => e.newText).join(''));
    } else {
      const doc = await vscode.workspace.openTextDocument(target);
      for (const e of edits) edit.replace(target, new vscode.Range(doc.positionAt(e.span.start), doc.positionAt(e.span.end)), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    await (await vscode.workspace.openTextDocument(target)).save();
    this.deps.engines.invalidate('allowlist updated');
    return true;
  }

  private async onFinding(node: FindingsNode | undefined, act: (uri: vscode.Uri, finding: Finding) => Promise<unknown>): Promise<unknown> {
    if (node?.kind !== 'finding') return undefined;
    return act(node.item.uri, node.item.finding);
  }

  private async applyPreferredFix(uri: vscode.Uri, finding: Finding): Promise<boolean> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const fix = (await fixesFor(doc, finding, this.deps.engines)).find((f) => f.preferred);
    const edit = fix && (await fixToWorkspaceEdit(fix, uri));
    if (!edit) {
      void vscode.window.showInformationMessage(`Keyhole: no automatic fix for this ${finding.ruleId} finding.`);
      return false;
    }
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied && fix.description) this.showFixNote(fix.title, fix.description);
    return applied;
  }

  /** A fix's follow-up (rotate, review, platform setup): the first sentence as a notification, all of it in the output. */
  private showFixNote(title: string, description: string): void {
    this.deps.log.info(`Applied "${title}". ${description}`);
    const first = /^[\s\S]*?[.!?](?=\s|$)/.exec(description)?.[0] ?? description;
    const more = first.length < description.length ? ['Details'] : [];
    // Not awaited: the notification stays until dismissed, and the fix is done already.
    void vscode.window.showInformationMessage(`Keyhole: ${first}`, ...more).then((choice) => choice === 'Details' && this.deps.log.show());
  }

  private async ignore(uri: vscode.Uri, finding: Finding, scope: 'line' | 'file'): Promise<boolean> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const target = suppressTarget(doc);
    const e = scope === 'line' ? ignoreLineEdit(target, finding.range.start.line, finding.ruleId) : ignoreFileEdit(target, finding.ruleId);
    if (!e) {
      void vscode.window.showInformationMessage(`Keyhole: ${corePath(uri)} has no comment syntax; add the finding to the allowlist instead.`);
      return false;
    }
    if (!(await vscode.workspace.applyEdit(textEditToWorkspaceEdit(doc, e)))) return false;
    await vscode.window.showTextDocument(doc);
    await selectReasonPlaceholder(uri, scope === 'line' ? finding.range.start.line : 0);
    return true;
  }
}

/** Selects the reason placeholder nearest to `line`, so that typing replaces it. */
async function selectReasonPlaceholder(uri: vscode.Uri, line: number): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  if (!editor) return;
  const doc = editor.document;
  let best: vscode.Range | undefined;
  for (let l = Math.max(0, line - 1); l <= Math.min(doc.lineCount - 1, line + 3) && !best; l++) {
    const at = doc.lineAt(l).text.indexOf(REASON_PLACEHOLDER);
    if (at !== -1) best = new vscode.Range(l, at, l, at + REASON_PLACEHOLDER.length);
  }
  if (!best) return;
  editor.selection = new vscode.Selection(best.start, best.end);
  editor.revealRange(best);
}

