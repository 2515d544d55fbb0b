// Credentials written out in sentences: Markdown prose and code comments ("the staging password is
// `Zx8…`", "# password for the legacy db: Vr9…"). Only a secret word followed by `:`, "is", a dash or
// a code span counts (`password = "…"` in a comment is commented-out code, not a note). A value in a code
// span or quotes is judged like any literal; a bare word must also look random on its own, since
// prose is full of "the password is stored in the vault". A sentence that calls its value an
// example is believed.
import type { RawFinding, Span } from '../../types';
import { classifyName, type SecretKind } from '../names';
import { characterClasses, isJoinedWords } from '../noise';
import { reportHit, type ReportScope } from './report';

export interface ProseCredential {
  /** The words that name the credential: `staging password`, `token`. */
  name: string;
  kind: SecretKind;
  /** The value, without its backticks or quotes, as offsets into the text given. */
  start: number;
  end: number;
}

const PROSE_CREDENTIAL = new RegExp(
  String.raw`(?<![\w-])(?<name>(?:[A-Za-z][\w-]{0,24}[ \t]){0,2}(?:password|passwd|passphrase|passcode|pwd|secret|token))` +
    // `:` (maybe in bold: `**Password:**`), "is" or a dash, maybe after "for the legacy db";
    // or a code span right after the word or in the next table cell
    String.raw`(?:(?:[ \t]+(?:for|of|on|to|at|in)[ \t][\w .,'@-]{1,60}?)?(?:[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]*|[ \t]+(?:is|was|[-\u2013\u2014])[ \t]+)|(?:[ \t]+|[ \t]*\|[ \t]*)(?=\x60))` +
    String.raw`(?<value>\x60[^\x60\n]{1,200}\x60|"[^"\n]{1,200}"|'[^'\n]{1,200}'|[^\s\x60"'<>]{1,200})`,
  'gi',
);

/** Words in front of the secret word that only make the sentence: "with password", "the staging password". */
const FILLER = new Set(['the', 'a', 'an', 'and', 'or', 'with', 'your', 'our', 'my', 'its', 'their', 'this', 'that', 'is', 'use', 'using', 'by', 'as', 'for', 'of', 'to', 'in', 'on', 'at', 'here', 'also', 'then', 'default']);

/** "only an example", "e.g.", "a placeholder": the sentence says its value is not real. */
const EXAMPLE_SENTENCE = /\b(?:examples?|sample|e\.g\.|for instance|placeholder|dummy|fake|made[- ]up)\b/i;

/** Credentials written out in `text` (one line of prose or of a comment). */
export function proseCredentials(text: string): ProseCredential[] {
  const out: ProseCredential[] = [];
  if (EXAMPLE_SENTENCE.test(text)) return out;
  for (const m of text.matchAll(PROSE_CREDENTIAL)) {
    const name = withoutFiller(m.groups!.name);
    const cls = classifyName(name);
    if (!cls?.strong) continue;
    const raw = m.groups!.value;
    let start = m.index! + m[0].length - raw.length;
    let end = start + raw.length;
    const quoted = raw[0] === '`' || raw[0] === '"' || raw[0] === "'";
    if (quoted) {
      start++;
      end--;
    } else {
      end -= /[.,;:)\]]*$/.exec(raw)![0].length;
    }
    const value = text.slice(start, end);
    if (quoted ? !literalOnItsOwn(value) : !randomOnItsOwn(value)) continue;
    out.push({ name, kind: cls.kind, start, end });
  }
  return out;
}

function withoutFiller(name: string): string {
  const words = name.split(/[ \t]+/);
  let first = 0;
  for (let i = 0; i < words.length - 1; i++) if (FILLER.has(words[i].toLowerCase())) first = i + 1;
  return words.slice(first).join(' ');
}

/** A code span or quotes hold a value, not code (`args[i]`, `config.token`) nor a path (`~/.npmrc`). */
function literalOnItsOwn(value: string): boolean {
  if (value.length < 6 || characterClasses(value) < 2 || /[()[\]{}<>]|^[~./]/.test(value)) return false;
  return !/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value);
}

/** A bare word after "password is" must look like a credential: long, mixed, not words joined by dashes. */
function randomOnItsOwn(value: string): boolean {
  return value.length >= 8 && /\d/.test(value) && characterClasses(value) >= 3 && !isJoinedWords(value) && !/[()[\]{}|/\\]/.test(value);
}

/** Findings for the credentials written out in `text[from, to)`, a line of `what` ("a comment", "Markdown prose"). */
export function reportProse(scope: ReportScope, from: number, to: number, what: string): RawFinding[] {
  const out: RawFinding[] = [];
  for (const c of proseCredentials(scope.ctx.text.slice(from, to))) {
    const valueSpan: Span = { start: from + c.start, end: from + c.end };
    const finding = reportHit({
      kind: c.kind,
      strong: true,
      name: c.name,
      context: { how: 'prose', what },
      value: scope.ctx.text.slice(valueSpan.start, valueSpan.end),
      valueSpan,
      exact: true,
    }, scope);
    if (finding) out.push(finding);
  }
  return out;
}
