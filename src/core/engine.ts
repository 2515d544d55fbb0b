import type { Range, Tree } from 'web-tree-sitter';
import { DEFAULT_CONFIG, ruleSetting, type ResolvedConfig } from './config';
import type { Detector, ScanContext } from './detector';
import { detectLanguage, isTreeLanguage, type LanguageKey, type TreeLanguage } from './lang/languages';
import { LiveDocuments, runLocal, type Locality, type Revision } from './liveDocuments';
import { splitRegions } from './regions';
import { blankTemplates } from './structured/templates';
import { findSuppressions, findSuppressionsLive, suppressionFor } from './suppressions';
import { liveJsonWindows } from './liveJsonWindows';
import { hash64, LineIndex, looksMinified, redact } from './text';
import { holdsSecretValue } from './rules/taxonomy';
import { mapFindingSpans, type FileScanResult, type Finding, type RawFinding, type RuleInfo, type Span } from './types';

/** Parses text into a syntax tree; implemented by the parsing layer (ParserHost). */
export interface TreeProvider {
  /**
   * `documentKey` names an open document whose tree the provider may keep and reparse
   * incrementally; such a tree comes back with `cached: true` and the engine leaves it alive, and
   * with `changes`, computing on demand the ranges whose syntax differs from the document's previous
   * tree, if it had one, until `release` (called once the scan's detectors are done).
   * `windows`: parse only these parts of the text (a large file), as one stream.
   */
  parse(
    language: TreeLanguage, text: string, documentKey?: string, windows?: Range[],
  ): Promise<{ tree: Tree | null; failure?: string; cached?: boolean; changes?: () => Span[]; release?: () => void }>;
}

export interface ScanDocument {
  /** Workspace-relative path with `/` separators (or an untitled name). */
  path: string;
  text: string;
  /** VS Code language id, when the host knows it. */
  languageId?: string;
  /** Identity of an open document (its URI), so that its syntax tree can be reused across edits. */
  documentKey?: string;
}

const CONFIDENCE_RANK = { validated: 3, context: 2, heuristic: 1 } as const;
/** Dropped candidates kept per file, for `--verbose`. */
const MAX_DROPPED = 200;

const LOCK_FILES = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|packages\.lock\.json|composer\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|go\.sum|uv\.lock|pdm\.lock|mix\.lock|pubspec\.lock|Podfile\.lock|flake\.lock|gradle\.lockfile|[^/]*\.lock)$/i;

/** The scanning engine: pure, host-agnostic. Hosts pass text in and get findings out. */
export class Engine {
  private readonly rulesById = new Map<string, RuleInfo>();
  private readonly live = new LiveDocuments();
  /** Detectors with at least one rule switched on: a detector whose rules are all off costs nothing. */
  private readonly active: Detector[];

  constructor(
    detectors: Detector[],
    private readonly trees: TreeProvider | null,
    private readonly config: ResolvedConfig = DEFAULT_CONFIG,
  ) {
    for (const d of detectors) for (const r of d.rules) this.rulesById.set(r.id, r);
    this.active = detectors.filter((d) => d.rules.length === 0 || d.rules.some((r) => ruleSetting(config, r.id)?.enabled !== false));
  }

  rules(): RuleInfo[] {
    return [...this.rulesById.values()];
  }

  rule(id: string): RuleInfo | undefined {
    return this.rulesById.get(id);
  }

  async scan(doc: ScanDocument): Promise<FileScanResult> {
    const started = Date.now();
    const result: FileScanResult = { path: doc.path, findings: [], suppressed: [], suppressions: [], elapsedMs: 0 };
    if (doc.text.length > this.config.maxFileSize) {
      result.skipped = `larger than the ${Math.round(this.config.maxFileSize / 1024)} KB limit (maxFileSize)`;
      return result;
    }
    const language = detectLanguage(doc.path, doc.languageId);
    // Notebooks carry long base64 outputs on one line; they are not minified code.
    const generated = LOCK_FILES.test(doc.path) || (language !== 'notebook' && looksMinified(doc.text));
    // An open document's scan starts from what its last scan kept (line index, lower-cased text, detectors' memory).
    const revision = doc.documentKey ? this.live.revise(doc.documentKey, doc.text, language, generated) : undefined;
    const lines = revision?.lines ?? new LineIndex(doc.text);

    const raw: RawFinding[] = [];
    let droppedKeys: Set<string> | undefined;
    // The whole text's detector context: its keyword pass also finds the suppression markers.
    let wholeContext: ScanContext | undefined;
    for (const region of splitRegions(doc.text, language)) {
      const whole = region.text === doc.text;
      const key = whole ? doc.documentKey : undefined;
      const live = whole ? revision : undefined;
      // Facts describe the file itself; an example in a Markdown fence must not stand for the workspace.
      const note = whole ? (k: string, value: string, span: Span) => (result.facts ??= []).push({ key: k, value, span, range: lines.range(span) }) : undefined;
      const drop = (ruleId: string, span: Span, reason: string) => {
        const line = lines.lineOf(region.toDocument(span.start)) + 1;
        // Two detectors (or a fence and its Markdown document) may drop the same candidate.
        const identity = `${ruleId}\0${line}\0${reason}`;
        if ((result.dropped ??= []).length >= MAX_DROPPED || (droppedKeys ??= new Set()).has(identity)) return;
        droppedKeys.add(identity);
        result.dropped.push({ ruleId, line, reason });
      };
      const { found, ctx } = await this.scanRegion(doc.path, region.language, region.text, generated, result, key, note, drop, whole ? lines : undefined, live);
      if (whole) wholeContext = ctx;
      const map = (s: Span): Span => {
        const start = region.toDocument(s.start);
        return { start, end: Math.max(start, region.toDocumentEnd?.(s.end) ?? region.toDocument(s.end)) };
      };
      for (const f of found) raw.push(mapFindingSpans(f, map));
    }

    result.suppressions = revision
      ? findSuppressionsLive(doc.text, language, doc.path, lines, revision.memory)
      : findSuppressions(doc.text, language, doc.path, lines, wholeContext);
    for (const f of dedupe(raw)) {
      const finding = this.toFinding(doc, f, lines);
      if (!finding) continue;
      const s = suppressionFor(finding.ruleId, finding.range.start.line, result.suppressions);
      const allowed = this.config.allowlist.some((a) => a.fingerprint === finding.fingerprint);
      (s || allowed ? result.suppressed : result.findings).push(finding);
    }
    result.findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
    result.elapsedMs = Date.now() - started;
    return result;
  }

  private async scanRegion(
    path: string, language: LanguageKey, text: string, generated: boolean, result: FileScanResult, documentKey?: string,
    note?: ScanContext['note'], drop?: ScanContext['drop'], lines = new LineIndex(text), revision?: Revision,
  ): Promise<{ found: RawFinding[]; ctx: ScanContext }> {
    let keepTree = false;
    let release: (() => void) | undefined;
    const ctx = new RegionContext({ path, language, text, lines, generated, note, drop, live: revision?.memory }, revision?.lower);
    const parsable = !generated && this.trees !== null && isTreeLanguage(language);
    // An open document is parsed in the same windows as a one-off scan, so both report the same;
    // its windowed tree is then reparsed incrementally like a whole one.
    const windowed = parsable && text.length > WINDOWED_PARSE_ABOVE && WINDOWED_LANGUAGES.has(language);
    // Windows need the focus of every detector that wants the tree; otherwise the first one settles it.
    const wanting = windowed ? this.active.filter((d) => d.wantsTree?.(ctx)) : [];
    const wanted = windowed ? wanting.length > 0 : parsable && this.active.some((d) => d.wantsTree?.(ctx));
    if (this.trees && isTreeLanguage(language) && wanted) {
      const windows = windowed ? parseWindows(ctx, wanting) : undefined;
      // Helm and Go templates break YAML; blanked in place, the manifest parses and offsets hold.
      const parsed = await this.trees.parse(language, language === 'yaml' ? blankTemplates(text) : text, documentKey, windows);
      ctx.tree = parsed.tree;
      if (parsed.changes) ctx.computeTreeChanges = parsed.changes;
      keepTree = Boolean(parsed.cached);
      release = parsed.release;
      if (parsed.failure) result.skipped = `syntax-aware checks skipped: ${parsed.failure}`;
    }
    const out: RawFinding[] = [];
    const guarded = (what: string, run: () => RawFinding[]) => {
      try {
        out.push(...run());
      } catch (err) {
        // One broken detector must not hide what the others find, nor abort an audit.
        const note = `detector ${what} failed: ${(err as Error).message}`;
        result.skipped = result.skipped ? `${result.skipped}; ${note}` : note;
      }
    };
    try {
      // In an open document, detectors with a bounded reach re-run only around the last edit.
      const local = documentKey ? this.active.filter((d): d is Detector & { locality: Locality } => Boolean(d.locality)) : [];
      if (local.length) guarded(local.map((d) => d.id).join(', '), () => runLocal(ctx, local, (span) => subContext(ctx, span)));
      for (const d of this.active) if (!local.includes(d as never)) guarded(d.id, () => d.detect(ctx));
    } finally {
      release?.();
      if (!keepTree) ctx.tree?.delete();
    }
    return { found: out, ctx };
  }

  /** Frees what is kept for an open document (call when it closes). */
  forgetDocument(documentKey: string): void {
    this.live.forget(documentKey);
  }

  private toFinding(doc: ScanDocument, f: RawFinding, lines: LineIndex): Finding | undefined {
    const rule = this.rulesById.get(f.ruleId);
    const setting = ruleSetting(this.config, f.ruleId);
    if (setting?.enabled === false) return undefined;
    const valueSpan = f.valueSpan ?? f.span;
    const value = doc.text.slice(valueSpan.start, valueSpan.end);
    const category = (f.ruleId.split('/')[0] || 'secret') as Finding['category'];
    // The last line of defence: whatever a detector wrote, a secret's value never leaves the engine.
    const secret = holdsSecretValue({ category, tags: rule?.tags ?? [] });
    const scrub = (s: string) => (secret && value.length >= 4 && s.includes(value) ? s.split(value).join(redact(value)) : s);
    f = { ...f, message: scrub(f.message), evidence: f.evidence.map(scrub) };
    return {
      ruleId: f.ruleId,
      category,
      severity: setting?.severity ?? f.severity ?? rule?.severity ?? 'medium',
      confidence: f.confidence,
      message: f.message,
      path: doc.path,
      range: lines.range(f.span),
      span: f.span,
      redacted: secret ? redact(value) : undefined,
      fingerprint: `${f.ruleId}:${hash64(`${f.ruleId}\0${doc.path}\0${value}`)}`,
      tags: rule?.tags ?? [],
      docsUrl: rule?.docsUrl,
      rotationUrl: rule?.rotationUrl,
      evidence: f.evidence,
      ...(f.valueSpan && (f.valueSpan.start !== f.span.start || f.valueSpan.end !== f.span.end) ? { valueSpan: f.valueSpan } : {}),
      ...(f.boundName ? { boundName: f.boundName } : {}),
      ...(f.remedy ? { remedy: f.remedy } : {}),
    };
  }
}

/** Above this size, a file is parsed only around what detectors look at. */
const WINDOWED_PARSE_ABOVE = 16 * 1024;
/**
 * Languages parsed in windows: statements of code parse on their own (line windows); JSON keeps
 * its enclosing structure (`jsonWindows`).
 */
const WINDOWED_LANGUAGES: ReadonlySet<LanguageKey> = new Set<LanguageKey>(['javascript', 'typescript', 'tsx', 'python', 'json']);
/** Lines of context kept before and after each offset a detector focuses on. */
const WINDOW_LINES_BEFORE = 3;
const WINDOW_LINES_AFTER = 4;

/**
 * The parts of the text to parse for every offset the tree-wanting detectors focus on (line windows,
 * or JSON's enclosing structure), or undefined when one of them needs the whole tree.
 */
function parseWindows(ctx: ScanContext, wanting: Detector[]): Range[] | undefined {
  const offsets: number[] = [];
  for (const d of wanting) {
    if (!d.treeFocus) return undefined;
    offsets.push(...d.treeFocus(ctx));
  }
  offsets.sort((a, b) => a - b);
  const windows = ctx.language === 'json' ? liveJsonWindows(ctx.text, offsets, ctx.live) : lineWindows(ctx, offsets);
  const point = (offset: number) => {
    const p = ctx.lines.position(offset);
    return { row: p.line, column: p.character };
  };
  return windows.map((w) => ({ startIndex: w.start, endIndex: w.end, startPosition: point(w.start), endPosition: point(w.end) }));
}

/** The merged line windows around `offsets` (sorted). */
function lineWindows(ctx: ScanContext, offsets: number[]): Span[] {
  const windows: Span[] = [];
  for (const offset of offsets) {
    const line = ctx.lines.lineOf(offset);
    const start = ctx.lines.lineStart(Math.max(0, line - WINDOW_LINES_BEFORE));
    const end = Math.min(ctx.text.length, ctx.lines.lineEnd(Math.min(ctx.lines.lineCount - 1, line + WINDOW_LINES_AFTER)) + 1);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/** A context over a slice of a region's text, for a detector re-run around an edit; spans it reports are slice offsets. */
function subContext(ctx: ScanContext, span: Span): ScanContext {
  const text = ctx.text.slice(span.start, span.end);
  return new RegionContext({
    path: ctx.path,
    language: ctx.language,
    text,
    lines: new LineIndex(text),
    generated: ctx.generated,
    drop: ctx.drop && ((ruleId, s, reason) => ctx.drop!(ruleId, { start: s.start + span.start, end: s.end + span.start }, reason)),
  });
}

/**
 * A detector context over `text`: its lower-cased copy and the tree's changed ranges are computed
 * the first time a detector reads them. A class, so that every context has one shape: the
 * detectors read its fields millions of times over a workspace.
 */
class RegionContext implements ScanContext {
  readonly path: string;
  readonly language: LanguageKey;
  readonly text: string;
  readonly lines: LineIndex;
  readonly generated: boolean;
  readonly note: ScanContext['note'];
  readonly drop: ScanContext['drop'];
  readonly live: ScanContext['live'];
  tree: Tree | null = null;
  computeTreeChanges: (() => Span[]) | undefined = undefined;
  private lowered: string | undefined = undefined;
  private changes: Span[] | undefined = undefined;

  constructor(parts: Omit<ScanContext, 'lower' | 'tree'>, private readonly lowerText?: () => string) {
    this.path = parts.path;
    this.language = parts.language;
    this.text = parts.text;
    this.lines = parts.lines;
    this.generated = parts.generated;
    this.note = parts.note;
    this.drop = parts.drop;
    this.live = parts.live;
  }

  get lower(): string {
    return (this.lowered ??= this.lowerText ? this.lowerText() : this.text.toLowerCase());
  }

  get treeChanges(): Span[] | undefined {
    return this.computeTreeChanges && (this.changes ??= this.computeTreeChanges());
  }
}

/** Keeps one finding per value: the most certain, the most specific (a provider format over a generic rule). */
function dedupe(findings: RawFinding[]): RawFinding[] {
  const rank = (f: RawFinding) =>
    CONFIDENCE_RANK[f.confidence] * 10 + (f.ruleId.startsWith('secret/generic') ? 0 : 5);
  const sorted = [...findings].sort((a, b) => rank(b) - rank(a));
  const kept: RawFinding[] = [];
  for (const f of sorted) {
    const v = f.valueSpan ?? f.span;
    const clash = kept.some((k) => {
      const kv = k.valueSpan ?? k.span;
      return k.ruleId.split('/')[0] === f.ruleId.split('/')[0] && kv.start < v.end && v.start < kv.end;
    });
    if (!clash) kept.push(f);
  }
  return kept;
}
