import type { Finding, RuleInfo, Severity } from '../types';
import { allFindings, TOOL_NAME, TOOL_URI, type ScanReport } from './model';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note',
};

/** GitHub code scanning reads this number to rank security results. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0',
};

function region(f: Finding) {
  return {
    startLine: f.range.start.line + 1,
    startColumn: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor(rule: RuleInfo) {
  const help = `${rule.description}${rule.rotationUrl ? `\n\nRotate: ${rule.rotationUrl}` : ''}\n\nDocumentation: ${rule.docsUrl}`;
  return {
    id: rule.id,
    name: rule.id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: { text: help, markdown: help.replace(/(https?:\/\/\S+)/g, '<$1>') },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['security', ...rule.tags], 'security-severity': SECURITY_SEVERITY[rule.severity] },
  };
}

/** SARIF 2.1.0: the rules that fired, results with relative URIs and stable partial fingerprints. */
export function toSarif(report: ScanReport): object {
  const findings = allFindings(report);
  const fired = new Set(findings.map((f) => f.ruleId));
  const known = new Map(report.rules.map((r) => [r.id, r]));
  const rules = [...fired].sort().map((id) => known.get(id) ?? {
    id, title: id, category: 'secret', severity: 'medium', description: id, docsUrl: TOOL_URI, tags: [],
  } as RuleInfo);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const rootUri = report.root.startsWith('file:') ? report.root : `file://${encodePath(report.root.replace(/\\/g, '/').replace(/^(?!\/)/, '/'))}`;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: report.toolVersion,
          semanticVersion: report.toolVersion,
          informationUri: TOOL_URI,
          rules: rules.map(ruleDescriptor),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
      columnKind: 'utf16CodeUnits',
      results: findings.map((f) => ({
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodePath(f.path), uriBaseId: 'SRCROOT' },
            region: region(f),
          },
        }],
        relatedLocations: f.related?.map((r, i) => ({
          id: i + 1,
          message: { text: r.message },
          physicalLocation: {
            artifactLocation: { uri: encodePath(r.path), uriBaseId: 'SRCROOT' },
            region: { startLine: r.range.start.line + 1, startColumn: r.range.start.character + 1, endLine: r.range.end.line + 1, endColumn: r.range.end.character + 1 },
          },
        })),
        partialFingerprints: { 'keyhole/v1': f.fingerprint },
        properties: { severity: f.severity, confidence: f.confidence, tags: f.tags, evidence: f.evidence },
      })),
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: report.skipped.map((s) => ({
          level: 'note',
          message: { text: `Skipped: ${s.reason}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(s.path), uriBaseId: 'SRCROOT' } } }],
        })),
      }],
    }],
  };
}
