import type { Severity } from '../types';
import { allFindings, countBySeverity, type ScanReport } from './model';

const COLOR: Record<Severity, string> = { critical: '35', high: '31', medium: '33', low: '36', info: '2' };

/** Human-readable report: findings grouped by file, then a summary line. */
export function toText(report: ScanReport, options: { color?: boolean; verbose?: boolean } = {}): string {
  const paint = (code: string, s: string) => (options.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    out.push(paint('4', file.path));
    for (const f of file.findings) {
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      out.push(`  ${pos} ${paint(COLOR[f.severity], f.severity.padEnd(8))} ${f.ruleId.padEnd(32)} ${f.message} [${f.confidence}]`);
    }
    out.push('');
  }
  if (options.verbose && report.skipped.length) {
    out.push('Skipped:');
    for (const s of report.skipped) out.push(`  ${s.path}: ${s.reason}`);
    out.push('');
  }
  const dropped = options.verbose ? report.files.filter((f) => f.dropped?.length) : [];
  if (dropped.length) {
    out.push('Not reported (candidates dropped, and why):');
    for (const file of dropped) {
      for (const d of file.dropped!) out.push(`  ${file.path}:${d.line} ${d.ruleId}: ${d.reason}`);
    }
    out.push('');
  }
  const findings = allFindings(report);
  const counts = countBySeverity(findings);
  const bySeverity = (Object.entries(counts) as [Severity, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
  const files = new Set(findings.map((f) => f.path)).size;
  const suppressed = report.files.reduce((n, f) => n + f.suppressed.length, 0);
  out.push(
    `${findings.length} finding${findings.length === 1 ? '' : 's'}${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}` +
      `${findings.length ? ` in ${files} file${files === 1 ? '' : 's'}` : ''}; ${report.scannedFiles} files scanned` +
      `${report.skipped.length ? `, ${report.skipped.length} skipped${options.verbose ? '' : ' (--verbose lists them)'}` : ''}` +
      `${suppressed ? `, ${suppressed} suppressed` : ''}.`,
  );
  return out.join('\n') + '\n';
}
