// The text prefilter: offsets of words that may name a secret or a credential sink. Only the
// syntax around these offsets is looked at, and a region without any is never parsed.
import type { ScanContext } from '../../detector';
import type { LiveMemory } from '../../liveDocuments';
import { KeywordSet, occursAt } from '../../keywordIndex';
import type { LanguageKey } from '../../lang/languages';
import { classifyName } from '../names';
import { refusedSilently } from './report';
import { LATER_ARGUMENT_SINKS, SETTER_PREFIX, SINK_WORDS } from './sinks';

/** Lower-case fragments of every secret name and sink callee (`pass` covers password, passwd, passphrase). */
const KEYWORDS = [
  'pass', 'pwd', 'pw', 'secret', 'token', 'key', 'auth', 'cred', 'dsn', 'conn', 'stripe', 'jwt', 'jose',
  'signedstring', 'hmac', 'sql', 'postgres', 'engine', 'mongo', 'sequelize', 'pdo', 'redis', 'bearer', 'gorm',
  'amqp', 'psycopg', 'asyncpg', 'login', 'ftp',
];
/** Longest first: where two words start at one offset, the longer one is the anchor's. */
const LONGEST_FIRST = [...KEYWORDS].sort((a, b) => b.length - a.length);
const WORDS = new KeywordSet(LONGEST_FIRST);

/** At most this many anchors per region: the rest of a huge file is left to provider formats. */
export const MAX_ANCHORS = 2000;

const cache = new WeakMap<ScanContext, number[]>();

/** Languages whose string values are always quoted: there, a secret needs a quote near its name. */
const QUOTED_VALUES: ReadonlySet<LanguageKey> = new Set<LanguageKey>([
  'javascript', 'typescript', 'tsx', 'python', 'go', 'java', 'csharp', 'ruby', 'php', 'rust', 'kotlin', 'json', 'hcl', 'toml',
]);

/** Offsets (one per word) of words that name a secret or a sink, computed once per region. */
export function anchorsOf(ctx: ScanContext): number[] {
  let found = cache.get(ctx);
  if (!found) {
    found = ctx.live ? liveAnchors(ctx, ctx.live) : findAnchors(ctx, QUOTED_VALUES.has(ctx.language));
    cache.set(ctx, found);
  }
  return found;
}

/**
 * How far from an anchor the text that decides it can lie: back to its word's start and a comment
 * marker before it (under 340 characters), forward to the end of the line holding the first quote
 * looked at (under 560 characters away).
 */
const DECIDED_BEFORE = 400;
const DECIDED_AFTER = 700;

/** An open document's anchors: those of the last scan, found again only in the lines an edit can change. */
function liveAnchors(ctx: ScanContext, memory: LiveMemory): number[] {
  const quoted = QUOTED_VALUES.has(ctx.language);
  const previous = memory.recall<number[]>(ANCHORS_KEY);
  const change = memory.change;
  let anchors: number[];
  if (!previous) anchors = findAnchors(ctx, quoted);
  else if (!change) anchors = previous;
  else {
    // Scanning resumes in step with a whole-text scan at any line start, since no word crosses a line break.
    const { lines } = ctx;
    const from = lines.lineStart(lines.lineOf(Math.max(0, lines.lineStart(lines.lineOf(change.start)) - DECIDED_AFTER)));
    const lastLine = lines.lineOf(Math.min(ctx.text.length, change.newEnd + DECIDED_BEFORE));
    const to = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : ctx.text.length;
    const delta = change.newEnd - change.oldEnd;
    anchors = previous.filter((a) => a < from);
    if (anchors.length < MAX_ANCHORS) anchors.push(...findAnchors(ctx, quoted, from, to));
    for (const a of previous) if (a + delta >= to) anchors.push(a + delta);
    // The last scan stopped at the cap, so the text after its last anchor was never searched: when
    // the edit removed anchors, the search goes on from there (from that anchor's line start).
    if (previous.length >= MAX_ANCHORS && anchors.length < MAX_ANCHORS) {
      const resume = Math.max(to, previous[previous.length - 1] + delta + 1);
      if (resume < ctx.text.length) {
        for (const a of findAnchors(ctx, quoted, lines.lineStart(lines.lineOf(resume)), ctx.text.length)) if (a >= resume) anchors.push(a);
      }
    }
    anchors.length = Math.min(anchors.length, MAX_ANCHORS);
  }
  memory.keep(ANCHORS_KEY, anchors);
  return anchors;
}

const ANCHORS_KEY = 'generic:anchors';

/**
 * Anchors starting in `[from, to)` of `holder.text`; `from` must be a line start for the result to
 * match a whole-text scan's. `holder` is the scan context: the whole text's keyword pass is shared
 * with other detectors, while a window (the live path) gets a pass of its own, over its lines only.
 */
export function findAnchors(holder: { text: string }, quotedValues = false, from = 0, to = holder.text.length): number[] {
  const { text } = holder;
  const whole = from === 0 && to === text.length;
  // No word crosses a line break, so the window's lines hold every word starting in it.
  const hits = whole ? WORDS.hits(holder) : WORDS.hits({ text: text.slice(from, to) });
  const words = new WordWalk(text, hits, whole ? 0 : from);
  const out: number[] = [];
  for (let next = words.next(from), resume = from; next && next.at < to && out.length < MAX_ANCHORS; next = words.next(resume)) {
    const word = expand(text, next.at, next.at + LONGEST_FIRST[next.index].length, isWordChar);
    resume = word.end;
    // Inside a path, a reference, an ARN or a URL (`/api/token/`, `vault:secret/data/app#api_key`,
    // `arn:aws:secretsmanager:…`): not a name. After a bare `:` a name can start (`.npmrc`'s `/:_authToken=`).
    const prev = text.charCodeAt(word.start - 1);
    if (prev === 47 || prev === 35 || (prev === 58 && isAlphanumeric(text.charCodeAt(word.start - 2)))) continue;
    const kind = wordKind(text.slice(word.start, word.end));
    let wanted = kind === 'strong' || kind === 'sink' || (kind === 'weak' && bindsSomething(text, word.end));
    if (!wanted) {
      // `api.key`, `spring.datasource.password`: the dotted whole may name a secret where its last part does not.
      const dotted = expand(text, word.start, word.end, isDottedChar);
      wanted = (dotted.start < word.start || dotted.end > word.end) && classifyName(text.slice(dotted.start, dotted.end))?.strong === true;
    }
    // Only literals are reported; in code, one starts with a quote on this line or the next, and a
    // name's first literal must not be one that is never a secret (`''`, `"DB_PASSWORD"`, `"${x}"`).
    if (!wanted) continue;
    if (kind === 'sink' && LATER_ARGUMENT_SINKS.has(text.slice(word.start, word.end).toLowerCase()) && !literalAfterComma(text, word.end)) continue;
    if (!quotedValues || (kind === 'sink' ? quoteNear(text, word.end) : literalMayBeSecret(text, word, dottedName(text, word))) || (kind === 'strong' && valueInComment(text, word))) {
      out.push(next.at);
    }
  }
  return out;
}

/**
 * Walks the words in text order as a longest-first regex over the text would match them: `next(from)`
 * is the first word starting at or after `from` (the longest where several start there). `hits` are
 * offsets from `base`; each is checked against the text, since the pass folds non-ASCII characters
 * onto ASCII ones. `from` never decreases, so each word's list is read once.
 */
class WordWalk {
  private readonly cursors: Int32Array;

  constructor(private readonly text: string, private readonly hits: (number[] | undefined)[], private readonly base: number) {
    this.cursors = new Int32Array(hits.length);
  }

  next(from: number): { at: number; index: number } | undefined {
    const { text, hits, base, cursors } = this;
    let at = Infinity;
    let index = -1;
    for (let k = 0; k < hits.length; k++) {
      const offsets = hits[k];
      if (!offsets) continue;
      let i = cursors[k];
      while (i < offsets.length && (offsets[i] + base < from || !occursAt(text, LONGEST_FIRST[k], offsets[i] + base))) i++;
      cursors[k] = i;
      if (i < offsets.length && offsets[i] + base < at) {
        at = offsets[i] + base;
        index = k;
      }
    }
    return index === -1 ? undefined : { at, index };
  }
}

/** `login("user", "…")`: a call whose arguments include a string literal after a comma, on the same line. */
function literalAfterComma(text: string, end: number): boolean {
  return /^[ \t]*\([^()\n]{0,200}?,[ \t]*[rbuf]?["'\x60]/.test(text.slice(end, end + 240));
}

/** `# password for the legacy db: …`, `// token: …`: a secret's name in a comment, followed by what introduces a value. */
function valueInComment(text: string, word: { start: number; end: number }): boolean {
  const lineStart = text.lastIndexOf('\n', word.start - 1) + 1;
  if (word.start - lineStart > 200 || !/^\s*(?:\*|--)|\/\/|#|\/\*/.test(text.slice(lineStart, word.start))) return false;
  return /^[ \t]*(?::(?!:)|(?:is|was|for|of)\b|\x60)/i.test(text.slice(word.end, word.end + 12));
}

function isAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Letters, digits, `_`, `$`, `@`, `-`: the characters of a name. */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code === 64 || code === 45;
}

function isDottedChar(code: number): boolean {
  return code === 46 || isWordChar(code);
}

function expand(text: string, start: number, end: number, isNameChar: (code: number) => boolean): { start: number; end: number } {
  while (start > 0 && end - start < 128 && isNameChar(text.charCodeAt(start - 1))) start--;
  while (end < text.length && end - start < 128 && isNameChar(text.charCodeAt(end))) end++;
  return { start, end };
}

const QUOTE_WINDOW = 400;

function quoteBeforeLineEnd(text: string, from: number): boolean {
  for (let i = from; i < text.length && i - from < QUOTE_WINDOW; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c === 34 || c === 39 || c === 96) return true;
  }
  return false;
}

function nextNonBlank(text: string, from: number): number {
  while (from < text.length && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++;
  return from;
}

/** The rest of an assignment's target list after a comma: names, `_`, `*rest`, brackets, then `=` or `:=`. */
const MORE_TARGETS = /^[\w$@*,()[\] \t]*?(?::=|=(?![=>]))/;

/** Empty, an environment variable's name, or interpolated (`${'…'}`, a literal substituted, still counts). */
const NEVER_SECRET = /^(?:|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|.*(?:\$\{(?![ \t]*['"\x60])|\{\{|#\{).*)$/s;

function dottedName(text: string, word: { start: number; end: number }): string {
  const dotted = expand(text, word.start, word.end, isDottedChar);
  return text.slice(dotted.start, dotted.end);
}

/**
 * Whether the first string literal after a name (on its line or the next) could hold a secret.
 * When the name is itself a quoted key (`"apiKey": ...`), its closing quote is stepped over.
 * A literal that is the name's whole value (`"apiKey": "…",`, `token = '…';`) must also be one the
 * report would not refuse silently.
 */
function literalMayBeSecret(text: string, word: { start: number; end: number }, name: string): boolean {
  let from = word.end;
  const before = text.charCodeAt(word.start - 1);
  // A quoted name (a JSON key, a Terraform `variable "db_password"` label) may bind a value further away.
  const quotedName = (before === 34 || before === 39 || before === 96) && text.charCodeAt(from) === before;
  if (quotedName) from++;
  // `os.environ.get("DB_PASSWORD")`: a quoted name closing a call is looked up, not bound, unless a
  // literal follows on the line (`System.getenv("DB_PASSWORD") ?: "fallback"`).
  if (quotedName && text.charCodeAt(nextNonBlank(text, from)) === 41 && !quoteBeforeLineEnd(text, from)) return false;
  let newlines = 0;
  // Brackets opened since the name: a `,` or `;` outside them ends what the name binds (`{ token: Foo,
  // factory: … }`, `import { InjectionToken, … } from '…'`), so a later literal is not its value, unless
  // more targets of one assignment follow (`signingKey, _ := hex.DecodeString("…")`). After a quoted
  // name a comma is the binding itself (`headers.set("Authorization", …)`).
  let depth = 0;
  const end = Math.min(text.length, from + QUOTE_WINDOW);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && ++newlines === 2) return quotedName;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if ((c === 44 || c === 59) && depth === 0 && !quotedName && !(c === 44 && nextNonBlank(text, from) === i && MORE_TARGETS.test(text.slice(i + 1, i + 200)))) return false;
    if (c !== 34 && c !== 39 && c !== 96) continue;
    const close = text.indexOf(String.fromCharCode(c), i + 1);
    const lineEnd = text.indexOf('\n', i + 1);
    // A literal that does not close on its line (a multi-line string, a template) gets the benefit of the doubt.
    if (close === -1 || (lineEnd !== -1 && close > lineEnd) || text.charCodeAt(close - 1) === 92) return true;
    // `"".join([...])`, `String.join("", …)`: the empty string only joins the literals that follow.
    if (close === i + 1 && (text.startsWith('.join(', close + 1) || text.slice(Math.max(0, i - 5), i).toLowerCase() === 'join(')) return true;
    const content = text.slice(i + 1, close);
    if (NEVER_SECRET.test(content)) return false;
    return !(isWholeValue(text, from, i, close) && !content.includes('\\') && refusedSilently(name, content));
  }
  return quotedName;
}

/**
 * Whether the literal quoted at `[open, close]` is all that is bound after a name ending at `from`:
 * one `:`, `=` or `:=` and blanks before it, and after it the end of the line, a comment or a
 * separator (`,` `;` `}` `]` `)`). Not a call, a concatenation, a condition or a default.
 */
function isWholeValue(text: string, from: number, open: number, close: number): boolean {
  if (!/^[ \t]*(?::=?|=)[ \t]*$/.test(text.slice(from, open))) return false;
  const after = nextNonBlank(text, close + 1);
  const c = text[after];
  return after >= text.length || c === '\n' || c === '\r' || c === ',' || c === ';' || c === '}' || c === ']' || c === ')' ||
    text.startsWith('//', after) || c === '#';
}

/** A quote between `from` and the end of the next line (`"`, `'`, or a backtick). */
function quoteNear(text: string, from: number): boolean {
  let newlines = 0;
  const end = Math.min(text.length, from + QUOTE_WINDOW);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) return true;
    if (c === 10 && ++newlines === 2) return false;
  }
  return false;
}

/**
 * A vague name (`pass`, `auth`, `currentKey`) is worth a look only where something is bound to it:
 * followed by `=`, `:` or `(`, or as a quoted key followed by `,` (`headers.set("Authorization", …)`).
 */
function bindsSomething(text: string, end: number): boolean {
  let i = end;
  const quoted = text[i] === '"' || text[i] === "'" || text[i] === '`';
  if (quoted) i++;
  if (text[i] === ']') i++;
  while (i < text.length && i - end < 8 && (text[i] === ' ' || text[i] === '\t')) i++;
  const c = text[i];
  return c === '=' || c === ':' || c === '(' || (quoted && c === ',');
}

type WordKind = 'strong' | 'weak' | 'sink' | 'none';
const MEMO_LIMIT = 16384;
const memo = new Map<string, WordKind>();

/** Whether a word names a secret (`dbPassword`, `setApiKey`), vaguely (`auth`), or a sink (`jwt`, `getConnection`). */
export function wordKind(word: string): WordKind {
  let kind = memo.get(word);
  if (kind) return kind;
  kind = classifyWord(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, kind);
  return kind;
}

function classifyWord(word: string): WordKind {
  const bare = word.replace(/^[$@:-]+/, '');
  // `smtp.PlainAuth`: a sink's name may also read as a vague secret name; the sink says more.
  if (SINK_WORDS.has(bare.toLowerCase())) return 'sink';
  const cls = classifyName(bare) ?? classifyName(bare.replace(SETTER_PREFIX, ''));
  if (cls) return cls.strong ? 'strong' : 'weak';
  return SINK_WORDS.has(bare.toLowerCase()) ? 'sink' : 'none';
}
