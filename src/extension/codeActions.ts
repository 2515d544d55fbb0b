// Quick fixes for Keyhole diagnostics (every fix the core computed, the safest preferred), the
// suppression actions, and `source.fixAll.keyhole` for `editor.codeActionsOnSave`.
import * as vscode from 'vscode';
import { ignoreFileEdit, ignoreLineEdit, type SuppressTarget } from '../core/fixes/suppress';
import { detectLanguage } from '../core/lang/languages';
import type { Finding, TextEdit } from '../core/types';
import { ruleIdOf } from './diagnostics';
import type { Engines } from './engines';
import { fixAllFor, fixesFor } from './fixes';
import { corePath } from './paths';
import type { Results } from './results';
import { fixToWorkspaceEdit } from './workspaceEdits';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('keyhole');

export const COMMANDS = {
  selectReason: 'keyhole.selectReasonPlaceholder',
  addToAllowlist: 'keyhole.addToAllowlist',
  showRuleDocs: 'keyhole.showRuleDocumentation',
  showFixNote: 'keyhole.showFixNote',
} as const;

export function suppressTarget(document: vscode.TextDocument): SuppressTarget {
  const path = corePath(document.uri);
  return { text: document.getText(), path, language: detectLanguage(path, document.languageId), languageId: document.languageId };
}

export function textEditToWorkspaceEdit(document: vscode.TextDocument, e: TextEdit): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(e.span.start), document.positionAt(e.span.end)), e.newText);
  return edit;
}

export class KeyholeCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly results: Results, private readonly engines: Engines) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (context.only && FIX_ALL_KIND.intersects(context.only)) return this.fixAll(document);
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<Finding>();
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      const finding = this.results.findingFor(document.uri, ruleId, diagnostic.range);
      if (!finding || seen.has(finding)) continue;
      seen.add(finding);
      actions.push(...(await this.actionsFor(document, finding, diagnostic)));
    }
    return actions;
  }

  private async actionsFor(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const fix of await fixesFor(document, finding, this.engines)) {
      const edit = await fixToWorkspaceEdit(fix, document.uri);
      if (!edit) continue;
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = fix.preferred;
      action.edit = edit;
      // Runs after the edit: what the user must still do (rotate, review, set up the platform side).
      if (fix.description) action.command = { command: COMMANDS.showFixNote, title: 'Show what to do next', arguments: [fix.title, fix.description] };
      actions.push(action);
    }
    const target = suppressTarget(document);
    const line = ignoreLineEdit(target, finding.range.start.line, finding.ruleId);
    if (line) {
      const action = new vscode.CodeAction(`Ignore ${finding.ruleId} on this line (with reason)`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = textEditToWorkspaceEdit(document, line);
      action.command = { command: COMMANDS.selectReason, title: 'Type the reason', arguments: [document.uri, finding.range.start.line] };
      actions.push(action);
    }
    const file = ignoreFileEdit(target, finding.ruleId);
    if (file) {
      const action = new vscode.CodeAction(`Ignore ${finding.ruleId} in this file`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = textEditToWorkspaceEdit(document, file);
      action.command = { command: COMMANDS.selectReason, title: 'Type the reason', arguments: [document.uri, 0] };
      actions.push(action);
    }
    const allow = new vscode.CodeAction('Add this finding to the workspace allowlist', vscode.CodeActionKind.QuickFix);
    allow.diagnostics = [diagnostic];
    allow.command = { command: COMMANDS.addToAllowlist, title: allow.title, arguments: [document.uri, finding.fingerprint] };
    actions.push(allow);
    if (finding.docsUrl) {
      const docs = new vscode.CodeAction(`Show documentation for ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.diagnostics = [diagnostic];
      docs.command = { command: COMMANDS.showRuleDocs, title: docs.title, arguments: [finding.ruleId] };
      actions.push(docs);
    }
    return actions;
  }

  /** One action applying the preferred fix of every finding in the document. */
  private async fixAll(document: vscode.TextDocument): Promise<vscode.CodeAction[]> {
    const { fix } = await fixAllFor(document, this.results.get(document.uri)?.result.findings ?? [], this.engines);
    const edit = fix && (await fixToWorkspaceEdit(fix, document.uri));
    if (!fix || !edit) return [];
    const action = new vscode.CodeAction(fix.title, FIX_ALL_KIND);
    action.edit = edit;
    return [action];
  }
}
