import type { Finding } from '../types';
import { allFindings, countBySeverity, type ScanReport } from './model';

function jsonFinding(f: Finding) {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    confidence: f.confidence,
    message: f.message,
    path: f.path,
    start: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
    end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
    redacted: f.redacted,
    fingerprint: f.fingerprint,
    tags: f.tags,
    docsUrl: f.docsUrl,
    rotationUrl: f.rotationUrl,
    evidence: f.evidence,
    related: f.related,
  };
}

/**
 * The JSON report, version 1 (documented in the README). Lines and columns are 1-based.
 * `verbose` adds the candidates each file dropped and why (`dropped`), never their values.
 */
export function toJson(report: ScanReport, options: { verbose?: boolean } = {}): object {
  const findings = allFindings(report);
  return {
    version: 1,
    tool: { name: 'keyhole', version: report.toolVersion },
    root: report.root,
    summary: {
      scannedFiles: report.scannedFiles,
      findings: findings.length,
      bySeverity: countBySeverity(findings),
      suppressed: report.files.reduce((n, f) => n + f.suppressed.length, 0),
      skipped: report.skipped.length,
    },
    findings: findings.map(jsonFinding),
    suppressed: report.files.flatMap((f) => f.suppressed.map(jsonFinding)),
    skipped: report.skipped,
    ...(options.verbose ? { dropped: droppedCandidates(report) } : {}),
  };
}

function droppedCandidates(report: ScanReport) {
  return report.files.flatMap((f) => (f.dropped ?? []).map((d) => ({ path: f.path, line: d.line, ruleId: d.ruleId, reason: d.reason })));
}
