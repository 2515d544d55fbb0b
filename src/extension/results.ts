// The latest scan result of every file Keyhole knows about (open documents and the last audit),
// published as diagnostics; the tree view, the status item and the code actions read from here.
import * as vscode from 'vscode';
import type { FileScanResult, Finding } from '../core/types';
import { toDiagnostic } from './diagnostics';

export type Origin = 'live' | 'audit';

export interface FileResult {
  uri: vscode.Uri;
  result: FileScanResult;
  origin: Origin;
}

export class Results implements vscode.Disposable {
  private readonly byUri = new Map<string, FileResult>();
  private readonly collection = vscode.languages.createDiagnosticCollection('keyhole');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, result: FileScanResult, origin: Origin): void {
    const worthKeeping = origin === 'live' || result.findings.length > 0 || result.suppressions.length > 0 || result.skipped;
    if (worthKeeping) this.byUri.set(uri.toString(), { uri, result, origin });
    else this.byUri.delete(uri.toString());
    this.collection.set(uri, result.findings.map((f) => toDiagnostic(f, uri)));
    this.changed.fire();
  }

  delete(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
    this.collection.delete(uri);
    this.changed.fire();
  }

  /** Forgets the previous audit before a new one (results of open documents stay). */
  clearAudit(): void {
    for (const [key, entry] of this.byUri) {
      if (entry.origin !== 'audit') continue;
      this.byUri.delete(key);
      this.collection.delete(entry.uri);
    }
    this.changed.fire();
  }

  get(uri: vscode.Uri): FileResult | undefined {
    return this.byUri.get(uri.toString());
  }

  all(): FileResult[] {
    return [...this.byUri.values()];
  }

  /** The finding a diagnostic stands for: same rule and range (the diagnostic may be a copy). */
  findingFor(uri: vscode.Uri, ruleId: string, range: vscode.Range): Finding | undefined {
    const findings = this.get(uri)?.result.findings ?? [];
    return findings.find((f) => f.ruleId === ruleId && f.range.start.line === range.start.line && f.range.start.character === range.start.character
      && f.range.end.line === range.end.line && f.range.end.character === range.end.character);
  }

  dispose(): void {
    this.collection.dispose();
    this.changed.dispose();
  }
}
