// A finding as a VS Code diagnostic: source `Keyhole`, the rule id linking to its documentation,
// severity mapped from the finding's, and linked locations as related information.
import * as vscode from 'vscode';
import type { Finding, Range, Severity } from '../core/types';
import { uriFor } from './paths';

export const DIAGNOSTIC_SOURCE = 'Keyhole';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  critical: vscode.DiagnosticSeverity.Error,
  high: vscode.DiagnosticSeverity.Error,
  medium: vscode.DiagnosticSeverity.Warning,
  low: vscode.DiagnosticSeverity.Information,
  info: vscode.DiagnosticSeverity.Hint,
};

export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function diagnosticSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return SEVERITY[severity];
}

export function toDiagnostic(finding: Finding, uri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toVsRange(finding.range), `${finding.message} (${finding.severity}, confidence: ${finding.confidence})`, SEVERITY[finding.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = finding.docsUrl ? { value: finding.ruleId, target: vscode.Uri.parse(finding.docsUrl) } : finding.ruleId;
  const related = (finding.related ?? []).flatMap((r) => {
    const target = uriFor(r.path, uri);
    return target ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(target, toVsRange(r.range)), r.message)] : [];
  });
  if (related.length) d.relatedInformation = related;
  return d;
}

export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = d.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
