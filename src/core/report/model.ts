import type { FileScanResult, Finding, RuleInfo, Severity, SkippedFile } from '../types';
import { SEVERITIES } from '../types';

/** Everything a report is made from: the results of one audit. */
export interface ScanReport {
  toolVersion: string;
  /** Absolute path (or URI) of the scanned root; finding paths are relative to it. */
  root: string;
  files: FileScanResult[];
  skipped: SkippedFile[];
  rules: RuleInfo[];
  /** How many files were read and scanned. */
  scannedFiles: number;
}

export function allFindings(report: ScanReport): Finding[] {
  return report.files.flatMap((f) => f.findings);
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

export const TOOL_NAME = 'Keyhole';
export const TOOL_URI = 'https://github.com/keyhole-dev/keyhole';
