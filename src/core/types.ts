// The finding model shared by every detector, reporter and host (extension, CLI, tests).
// Nothing here may hold a secret value: findings travel to logs, reports and editors.

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** validated: checksum or structure proves the format; context: code context confirms it; heuristic: a guess. */
export type Confidence = 'validated' | 'context' | 'heuristic';

export type Category = 'secret' | 'iam' | 'agent' | 'lifecycle';

/** Zero-based line and UTF-16 column, as VS Code and web-tree-sitter count them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Half-open UTF-16 offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

/** Edits to one file; `create` means the file may not exist yet and is created with the edits applied to ''. */
export interface FileEdit {
  path: string;
  edits: TextEdit[];
  create?: boolean;
}

export interface Fix {
  /** What the fix does, never with the secret value. */
  title: string;
  preferred: boolean;
  edits: FileEdit[];
  /** What the user must still do (rotate the old value, set up the platform side), never with the secret value. */
  description?: string;
}

export interface RelatedLocation {
  path: string;
  range: Range;
  message: string;
}

export interface Finding {
  /** `secret/<kind>`, `iam/...`, `agent/...`, `lifecycle/...` */
  ruleId: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  /** What was found and why, with any secret redacted. */
  message: string;
  path: string;
  range: Range;
  span: Span;
  /** The secret value's own span, when it differs from `span` (a PEM block highlighted whole). */
  valueSpan?: Span;
  /** Name the value is bound to in code (variable, key, argument), when the detector knows it. */
  boundName?: string;
  /** The secret shown redacted (`ghp_…Cuv1K`), when the finding is about a value. */
  redacted?: string;
  /** Stable when lines move: derived from rule, path and value, never from the line number. */
  fingerprint: string;
  tags: string[];
  docsUrl?: string;
  rotationUrl?: string;
  /** The evidence that led to the finding: rule, context, entropy, checksum. */
  evidence: string[];
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** What a narrowing fix needs to know about the grant, from the detector that parsed it. */
  remedy?: Remedy;
}

/**
 * Structure a detector saw, kept for the narrowing fixes (src/core/fixes/narrow), which run later
 * on text alone. Serializable (findings cross worker boundaries); `spans` are in the document's
 * text and move with the finding.
 */
export interface Remedy {
  /** Which fixer reads it, e.g. `aws-statement`, `k8s-rule`, `gha-permissions`. */
  kind: string;
  spans?: Record<string, Span>;
  data?: Record<string, unknown>;
}

/** A finding before the engine places it in a file: a span in the scanned text plus what was found. */
export interface RawFinding {
  ruleId: string;
  span: Span;
  /** Span of the secret value itself (for redaction, fingerprint and fixes); defaults to `span`. */
  valueSpan?: Span;
  severity?: Severity;
  confidence: Confidence;
  message: string;
  evidence: string[];
  /** Name the value is bound to in code, when known (variable, key, argument). */
  boundName?: string;
  remedy?: Remedy;
}

/** A raw finding with every span it holds (span, value span, remedy spans) passed through `map`. */
export function mapFindingSpans<F extends { span: Span; valueSpan?: Span; remedy?: Remedy }>(f: F, map: (s: Span) => Span): F {
  const spans = f.remedy?.spans;
  return {
    ...f,
    span: map(f.span),
    valueSpan: f.valueSpan && map(f.valueSpan),
    ...(f.remedy && spans ? { remedy: { ...f.remedy, spans: Object.fromEntries(Object.entries(spans).map(([k, s]) => [k, map(s)])) } } : {}),
  };
}

/** Metadata of a rule, for reports (SARIF `tool.driver.rules`), docs and settings. */
export interface RuleInfo {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  description: string;
  docsUrl: string;
  rotationUrl?: string;
  tags: string[];
}

export interface Suppression {
  path: string;
  range: Range;
  kind: 'ignore' | 'ignore-next-line' | 'disable-block' | 'foreign';
  /** Comment marker as written, e.g. `keyhole-ignore`, `gitleaks:allow`. */
  marker: string;
  ruleIds: string[];
  reason?: string;
  /** Lines (zero-based, inclusive) the suppression covers. */
  firstLine: number;
  lastLine: number;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface FileScanResult {
  path: string;
  findings: Finding[];
  suppressed: Finding[];
  suppressions: Suppression[];
  /** Set when the file was not scanned, or only partly. */
  skipped?: string;
  /** Candidates dropped with the reason, for "why was this not reported" (never with values). */
  dropped?: { ruleId: string; line: number; reason: string }[];
  /** What detectors noted for workspace correlation (src/core/correlate); absent when nothing was noted. */
  facts?: Fact[];
  elapsedMs: number;
}

/**
 * A name-level fact about a file that only the workspace as a whole can judge: "this span is the
 * access key of IAM user `deploy`", "user `deploy` has AdministratorAccess", "secret `db` is
 * rotated". Keys are namespaced (`aws.adminUser`); values are names and addresses, never a secret.
 */
export interface Fact {
  key: string;
  value: string;
  span: Span;
  range: Range;
}
