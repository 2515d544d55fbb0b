// The text prefilter: offsets of words that may name a secret or a credential sink. Only the
// syntax around these offsets is looked at, and a region without any is never parsed.
import type { ScanContext } from '../../detector';
import type { LanguageKey } from '../../lang/languages';
import { classifyName } from '../names';
import { SETTER_PREFIX, SINK_WORDS } from './sinks';

/** Lower-case fragments of every secret name and sink callee (`pass` covers password, passwd, passphrase). */
const KEYWORDS = [
  'pass', 'pwd', 'pw', 'secret', 'token', 'key', 'auth', 'cred', 'dsn', 'conn', 'stripe', 'jwt', 'jose',
  'signedstring', 'hmac', 'sql', 'postgres', 'engine', 'mongo', 'sequelize', 'pdo', 'redis', 'bearer', 'gorm',
  'amqp', 'psycopg', 'asyncpg',
];
const KEYWORD_PATTERN = new RegExp(KEYWORDS.sort((a, b) => b.length - a.length).join('|'), 'g');

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
    found = findAnchors(ctx.text, ctx.lower, QUOTED_VALUES.has(ctx.language));
    cache.set(ctx, found);
  }
  return found;
}

export function findAnchors(text: string, lower: string, quotedValues = false): number[] {
  const out: number[] = [];
  const re = new RegExp(KEYWORD_PATTERN.source, 'g');
  for (let m = re.exec(lower); m && out.length < MAX_ANCHORS; m = re.exec(lower)) {
    const word = expand(text, m.index, m.index + m[0].length, isWordChar);
    re.lastIndex = word.end;
    const kind = wordKind(text.slice(word.start, word.end));
    let wanted = kind === 'strong' || kind === 'sink' || (kind === 'weak' && bindsSomething(text, word.end));
    if (!wanted) {
      // `api.key`, `spring.datasource.password`: the dotted whole may name a secret where its last part does not.
      const dotted = expand(text, word.start, word.end, isDottedChar);
      wanted = (dotted.start < word.start || dotted.end > word.end) && classifyName(text.slice(dotted.start, dotted.end))?.strong === true;
    }
    // Only literals are reported; in code, one starts with a quote on this line or the next.
    if (wanted && (!quotedValues || quoteNear(text, word.end))) out.push(m.index);
  }
  return out;
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
  const cls = classifyName(bare) ?? classifyName(bare.replace(SETTER_PREFIX, ''));
  if (cls) return cls.strong ? 'strong' : 'weak';
  return SINK_WORDS.has(bare.toLowerCase()) ? 'sink' : 'none';
}
