// Runs the provider-format catalogue over any region (code, config, comments, Markdown, plain text):
// one case-insensitive keyword pass over the text (shared with other detectors: keywordIndex.ts),
// then each format's regex on the lines near its keywords only (only at its prefix's occurrences
// there when it has one: keywordAnchors.ts), placeholder and entropy filters, context words,
// offline validation, and one finding per value.
import type { Detector, ScanContext } from '../detector';
import { redact, shannonEntropy } from '../text';
import type { Confidence, RawFinding, RuleInfo, Span } from '../types';
import type { SecretFormat } from './format';
import { SECRET_FORMATS } from './formats';
import { anchorKeyword } from './keywordAnchors';
import { KeywordSet } from '../keywordIndex';
import { isPlaceholder } from './placeholders';
import type { Check } from './validators';

export const PROVIDER_DETECTOR_ID = 'secret-providers';

/** The catalogue as rule metadata, for reports, docs and settings. */
export function formatRules(formats: readonly SecretFormat[] = SECRET_FORMATS): RuleInfo[] {
  return formats.map((f) => ({
    id: `secret/${f.id}`,
    title: f.title,
    category: 'secret',
    severity: f.severity,
    description: describe(f),
    docsUrl: f.docsUrl,
    rotationUrl: f.rotationUrl,
    tags: [...f.tags],
  }));
}

function describe(f: SecretFormat): string {
  const how = f.validate
    ? 'The value is checked offline (checksum or decoded structure); values that fail are not reported.'
    : f.structure
      ? `Recognised by structure: ${f.structure}.`
      : f.context?.required
        ? `Recognised by its shape next to ${f.context.what}.`
        : 'Recognised by its shape.';
  return `${f.title} (${f.provider}) hardcoded in source or configuration. ${how} Rotate it with the provider, then load it from a secret store or the environment.`;
}

interface CompiledFormat {
  format: SecretFormat;
  ruleId: string;
  /** The pattern with the global and indices flags. */
  regex: RegExp;
  /** Indexes of the format's keywords in the keyword set. */
  keywordIds: number[];
  /** Whether a match can be 'validated', the only kind reported in generated files. */
  canValidate: boolean;
  /** The keyword every match starts with (`ghp_`, `://`), when there is one: the regex then runs only at its occurrences. */
  anchorId?: number;
  /** The required context words, when testing them on a whole window tells whether any match there can pass. */
  contextGate?: RegExp;
  /** `regex` with the sticky flag instead of global, made on first use. */
  sticky?: RegExp;
}

/** How far past its keyword's line a multi-line match (a key block) may run. */
const MULTILINE_REACH = 16_384;

export function createProviderDetector(formats: readonly SecretFormat[] = SECRET_FORMATS): Detector {
  const keywords = [...new Set(formats.flatMap((f) => f.keywords))];
  const keywordSet = new KeywordSet(keywords);
  const compiled: CompiledFormat[] = formats.map((format) => {
    const anchor = format.keywords.length ? anchorKeyword(format.pattern.source, keywords) : undefined;
    return {
      format,
      ruleId: `secret/${format.id}`,
      regex: new RegExp(format.pattern.source, [...new Set(format.pattern.flags + 'gd')].join('')),
      keywordIds: format.keywords.map((k) => keywords.indexOf(k)),
      canValidate: Boolean(format.structure || (format.validate && format.proves !== false)),
      anchorId: anchor === undefined ? undefined : keywords.indexOf(anchor),
      contextGate: format.context?.required && !format.context.pattern.global && !format.context.pattern.sticky && !/[\^$]/.test(format.context.pattern.source.replace(/\\./g, '')) ? format.context.pattern : undefined,
    };
  });

  const formatsOfKeyword = keywords.map((_, k) => compiled.flatMap((c, i) => (c.keywordIds.includes(k) ? [i] : [])));
  const pathLimited = compiled.flatMap((c, i) => (c.format.paths ? [i] : []));

  const contextLines = Math.max(0, ...formats.map((f) => f.context?.lines ?? 0));
  return {
    id: PROVIDER_DETECTOR_ID,
    rules: formatRules(formats),
    // A match, its context words and a multi-line key block all lie within this reach.
    locality: { lines: contextLines + 2, chars: MULTILINE_REACH + 4096 },
    detect(ctx: ScanContext): RawFinding[] {
      const hits = keywordSet.hits(ctx);
      const active = new Uint8Array(compiled.length);
      hits.forEach((offsets, k) => {
        if (offsets) for (const i of formatsOfKeyword[k]) active[i] = 1;
      });
      for (const i of pathLimited) active[i] = 1;
      const found: RawFinding[] = [];
      // Catalogue order: when two formats match one value, the earlier (more specific) one keeps it.
      for (let i = 0; i < compiled.length; i++) {
        const c = compiled[i];
        if (!active[i] || (ctx.generated && !c.canValidate)) continue;
        const windows = c.format.paths ? pathWindows(ctx, c.format.paths) : keywordWindows(ctx, c, hits);
        if (c.anchorId !== undefined && !c.format.paths) scanAnchors(ctx, c, windows, hits[c.anchorId] ?? [], found);
        else for (const [start, end] of windows) if (mayPassContext(ctx, c, start, end)) scanWindow(ctx, c, start, end, found);
      }
      return found;
    },
  };
}

/** A format limited to some files runs on the whole of those files, whatever the keywords. */
function pathWindows(ctx: ScanContext, paths: RegExp): [number, number][] {
  return paths.test(ctx.path) ? [[0, ctx.text.length]] : [];
}

/**
 * The parts of the text where a match may start: the lines holding one of the format's keywords,
 * widened by its context reach. Only these are searched, so a long file costs little for formats
 * whose keywords it barely mentions.
 */
function keywordWindows(ctx: ScanContext, c: CompiledFormat, hits: (number[] | undefined)[]): [number, number][] {
  const offsets = c.keywordIds.flatMap((k) => hits[k] ?? []);
  if (offsets.length === 0) return [];
  if (c.keywordIds.length > 1) offsets.sort((a, b) => a - b);
  const reach = c.format.context?.lines ?? 0;
  const windows: [number, number][] = [];
  for (const offset of offsets) {
    const line = ctx.lines.lineOf(offset);
    const start = ctx.lines.lineStart(line - reach);
    const lineEnd = ctx.lines.lineEnd(line + reach);
    const end = c.format.multiline ? Math.min(ctx.text.length, lineEnd + MULTILINE_REACH) : lineEnd;
    const last = windows[windows.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  return windows;
}

/**
 * Like `scanWindow` over each window, for a format whose matches all start with its anchor keyword:
 * the regex runs, sticky, at each occurrence of the anchor inside a window, and finds exactly the
 * matches a scan of the whole window would (a match found skips the occurrences it covers).
 */
function scanAnchors(ctx: ScanContext, c: CompiledFormat, windows: [number, number][], anchors: number[], found: RawFinding[]): void {
  const sticky = (c.sticky ??= new RegExp(c.regex.source, c.regex.flags.replace('g', '') + 'y'));
  let w = 0;
  let covered = -1;
  for (const at of anchors) {
    while (w < windows.length && windows[w][1] <= at) w++;
    if (w === windows.length) break;
    const [start, end] = windows[w];
    if (at < start || at < covered) continue;
    const slice = ctx.text.slice(start, end);
    sticky.lastIndex = at - start;
    const match = sticky.exec(slice);
    if (!match) continue;
    covered = at + match[0].length;
    consider(ctx, c, match, start, found);
  }
}

/**
 * False when a format's required context words occur nowhere within its reach of the window: no
 * match there can pass, so the (dearer) pattern need not run. A weak keyword (`segment`, `oci`,
 * `meta`) sits on many lines that lack the words.
 */
function mayPassContext(ctx: ScanContext, c: CompiledFormat, start: number, end: number): boolean {
  if (!c.contextGate) return true;
  const reach = c.format.context?.lines ?? 0;
  const from = ctx.lines.lineStart(ctx.lines.lineOf(start) - reach);
  const to = ctx.lines.lineEnd(ctx.lines.lineOf(end) + reach);
  return c.contextGate.test(ctx.text.slice(from, to));
}

/** Adds the format's findings in text[start, end) to `found`, skipping values an earlier (more specific) format already reported. */
function scanWindow(ctx: ScanContext, c: CompiledFormat, start: number, end: number, found: RawFinding[]): void {
  for (const match of ctx.text.slice(start, end).matchAll(c.regex)) consider(ctx, c, match, start, found);
}

/** Assesses one match of the format found in a slice of the text that begins at `offset`. */
function consider(ctx: ScanContext, c: CompiledFormat, match: RegExpExecArray, offset: number, found: RawFinding[]): void {
  const at = match.indices?.groups?.secret;
  if (!at || at[0] === at[1]) return;
  const valueSpan: Span = { start: offset + at[0], end: offset + at[1] };
  if (found.some((f) => overlaps(f.valueSpan ?? f.span, valueSpan))) return;
  const finding = assess(ctx, c, match, offset + match.index, valueSpan);
  if (finding) found.push(finding);
}

/** Filters one candidate (placeholder, entropy, context, validation) and explains what is left. */
function assess(ctx: ScanContext, c: CompiledFormat, match: RegExpExecArray, matchStart: number, valueSpan: Span): RawFinding | undefined {
  const { format } = c;
  const value = ctx.text.slice(valueSpan.start, valueSpan.end);
  if (isPlaceholder(value)) return dropped(ctx, c, valueSpan, 'a placeholder or documentation example');
  const entropy = format.minEntropy === undefined ? undefined : shannonEntropy(value);
  if (entropy !== undefined && entropy < (format.minEntropy ?? 0)) {
    return dropped(ctx, c, valueSpan, `entropy ${entropy.toFixed(1)} below ${format.minEntropy}`);
  }
  const inContext = format.context ? format.context.pattern.test(nearbyLines(ctx, valueSpan.start, format.context.lines ?? 0)) : false;
  if (format.context?.required && !inContext) return undefined;
  const line = nearbyLines(ctx, valueSpan.start, 0);
  const around = (lines: number) => nearbyLines(ctx, valueSpan.start, lines);
  const check: Check = format.validate?.(value, { groups: match.groups ?? {}, inContext, line, around }) ?? { verdict: 'plausible' };
  if (check.verdict === 'rejected') return dropped(ctx, c, valueSpan, check.reason);
  // A slice of an embedded blob (a data: URI, a base64 image) has every shape; only a checksum proves a token there.
  if (check.verdict !== 'proven' && insideBlob(ctx.text, valueSpan)) return undefined;

  const confidence: Confidence = check.verdict === 'proven' || format.structure ? 'validated' : inContext ? 'context' : 'heuristic';
  if (ctx.generated && confidence !== 'validated') return undefined;
  const reason =
    check.verdict === 'proven'
      ? check.proof
      : format.structure ??
        (inContext && format.context ? contextReason(format.context) : `${format.shape ?? 'matches the format'}; no checksum or nearby name confirms it`);
  const note = check.verdict === 'plausible' && check.note ? ` (${check.note})` : '';
  const evidence = [`rule: ${c.ruleId}`, reason];
  if (inContext) evidence.push(`context: ${format.context?.what}`);
  if (entropy !== undefined) evidence.push(`entropy: ${entropy.toFixed(2)} bits/char`);
  return {
    ruleId: c.ruleId,
    span: format.highlightMatch ? { start: matchStart, end: matchStart + match[0].length } : valueSpan,
    valueSpan,
    severity: check.severity ?? format.severity,
    confidence,
    message: `${format.title} ${redact(value)}: ${reason}${note}.`,
    evidence,
  };
}

/** A value with this many more base64 characters around it is a slice of embedded data, not a credential someone wrote. */
const BLOB_MARGIN = 64;

function isBase64Char(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47 || code === 61;
}

function insideBlob(text: string, span: Span): boolean {
  let before = 0;
  let after = 0;
  while (before < BLOB_MARGIN && span.start - before > 0 && isBase64Char(text.charCodeAt(span.start - before - 1))) before++;
  while (before + after < BLOB_MARGIN && span.end + after < text.length && isBase64Char(text.charCodeAt(span.end + after))) after++;
  return before + after >= BLOB_MARGIN;
}

/** Tells the user why a candidate was not reported (`--verbose`); returns nothing, for `return dropped(…)`. */
function dropped(ctx: ScanContext, c: CompiledFormat, valueSpan: Span, reason: string): undefined {
  ctx.drop?.(c.ruleId, valueSpan, reason);
  return undefined;
}

function contextReason(context: NonNullable<SecretFormat['context']>): string {
  return `found with ${context.what} ${context.lines ? `within ${context.lines} lines` : 'on the same line'}`;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The text of the lines from `lines` above to `lines` below the one holding `offset`. */
function nearbyLines(ctx: ScanContext, offset: number, lines: number): string {
  const line = ctx.lines.lineOf(offset);
  return ctx.text.slice(ctx.lines.lineStart(line - lines), ctx.lines.lineEnd(line + lines));
}

/** The built-in instance over the whole catalogue. */
export const providerDetector = createProviderDetector();

const SELF_CHECKING = SECRET_FORMATS.filter((f) => f.validate && !f.context?.required && !f.paths).map((f) => ({
  format: f,
  whole: new RegExp(`^(?:${f.pattern.source})$`, f.pattern.flags.replace(/[gy]/g, '')),
}));

/**
 * True when `value` has exactly the shape of a provider token that carries its own proof (a
 * checksum, a decodable payload) and fails it, like a GitHub token with a broken CRC: not a real
 * token, so no detector should report it.
 */
export function failsProviderCheck(value: string): boolean {
  return providerCheckFailure(value) !== undefined;
}

/** Why `value` fails its provider's own check (`GitHub personal access token: CRC32 checksum does not match`), or undefined. */
export function providerCheckFailure(value: string): string | undefined {
  for (const { format, whole } of SELF_CHECKING) {
    const match = whole.exec(value);
    if (!match) continue;
    const check = format.validate?.(value, { groups: match.groups ?? {}, inContext: false, line: value, around: () => value });
    if (check?.verdict === 'rejected') return `the shape of a ${format.title} that fails its check: ${check.reason}`;
  }
  return undefined;
}
