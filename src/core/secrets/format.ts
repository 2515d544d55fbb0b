// The shape of one provider secret format in the catalogue (src/core/secrets/formats/).
import type { Severity } from '../types';
import type { Check } from './validators';

/** What a validator may look at besides the value. */
export interface Candidate {
  /** Every named group of the match (`secret` among them). */
  groups: Readonly<Record<string, string | undefined>>;
  /** Whether the format's context words occur near the match. */
  inContext: boolean;
  /** The text of the line holding the value. */
  line: string;
  /** The text from `lines` lines above to `lines` lines below the value's line. */
  around(lines: number): string;
}

export interface SecretFormat {
  /** Becomes the rule id `secret/<id>`. */
  id: string;
  title: string;
  provider: string;
  /**
   * Lower-case ASCII words that locate candidates: a match must start on a line holding one of
   * them, or within `context.lines` lines of one. Usually the token's prefix or the context words.
   */
  keywords: readonly string[];
  /** Limits the format to files whose path matches (`.pgpass`, `config/master.key`); such a format needs no keyword. */
  paths?: RegExp;
  /** One candidate; the named group `secret` is the value. Bounded quantifiers only; anchored at token boundaries. */
  pattern: RegExp;
  /**
   * Words that confirm the value when they occur on its line or within `lines` lines of it
   * (`what` names them in the message). Required ones drop a candidate that lacks them;
   * optional ones raise a heuristic match to 'context'. The words may restate the pattern's own
   * anchor when that anchor names the value (a postgres:// scheme, CREATE ROLE ... PASSWORD).
   */
  context?: { pattern: RegExp; lines?: number; required: boolean; what: string };
  /** Offline proof (checksum, decodable payload) or rejection of a candidate. */
  validate?: (value: string, candidate: Candidate) => Check;
  /**
   * False when `validate` can reject or annotate a candidate but never prove it (a host, alphabet
   * or hash check). Only proven and `structure` matches are reported in generated files (minified
   * bundles, lock files), so the format does not run there at all.
   */
  proves?: false;
  /**
   * Set when the prefix and shape alone are unique to the provider: the reason, shown in the
   * message. Such a match is 'validated' by structure, and also applies in generated files.
   */
  structure?: string;
  /** What the pattern alone recognises, for the message when nothing else confirms a match. */
  shape?: string;
  /** Minimum Shannon entropy (bits per character) of the value. */
  minEntropy?: number;
  severity: Severity;
  /** The provider's page about this credential. */
  docsUrl: string;
  /** The provider's page for revoking or rotating it. */
  rotationUrl: string;
  tags: readonly string[];
  /** Highlight the whole match (a PEM block) rather than the value alone. */
  highlightMatch?: boolean;
  /** The match may run on past its keyword's line (a key block of many lines). */
  multiline?: boolean;
}

/** Leaked secrets that stay valid until someone rotates them (OWASP NHI2 leakage, NHI7 long-lived). */
export const LONG_LIVED = ['OWASP-NHI2', 'OWASP-NHI7', 'CWE-798'] as const;
/** Leaked secrets that expire by themselves within hours. */
export const SHORT_LIVED = ['OWASP-NHI2', 'CWE-798'] as const;

/**
 * A token at word boundaries: not inside a longer word or hyphenated identifier (a `-` after a
 * non-word character, as in `${X:-token}`, is fine). For tokens whose prefix or alphabet (`_`,
 * `-`, `.`) cannot occur inside standard base64. `body` becomes the `secret` group.
 */
export function token(body: string, flags = ''): RegExp {
  return new RegExp(String.raw`(?<!\w)(?<!\w-)(?<secret>${body})(?![\w-])`, flags);
}

/** Like `token`, for base64-alphabet values: also not preceded by `+` `/` nor followed by `+` `/` `=`, so never inside a longer base64 run. */
export function base64Token(body: string, flags = ''): RegExp {
  return new RegExp(String.raw`(?<![\w+/])(?<![\w+/]-)(?<secret>${body})(?![\w+/=-])`, flags);
}

/** A lower-case UUID, the shape of many API keys that are recognised only by their context. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A JSON Web Token: base64url header and payload (JSON objects, hence `eyJ`/`ey`), optional signature. */
export const JWT_SOURCE = String.raw`eyJ[A-Za-z0-9_-]{8,2000}\.ey[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{0,1000}`;

/**
 * A PEM block whose label matches `label` (a regex source), as raw text or inside a string with `\n`
 * escapes. Groups: `block` is the whole block, `secret` the key material from its first to its
 * last base64 character (after any `Proc-Type:`/`Version:` header lines). `bodyChars` are the
 * characters allowed in between: quotes, `+` and `,` when the block is split over concatenated strings.
 */
export function pemBlockSource(label: string, bodyChars = String.raw`A-Za-z0-9+/=\\\s`): string {
  return String.raw`(?<block>-----BEGIN (?<label>${label})-----(?:\\[nr]|[\s"'+,]){0,12}(?:[A-Za-z-]{2,20}: ?[^\r\n]{1,120}\r?\n){0,4}\s{0,4}(?<secret>[A-Za-z0-9+/][${bodyChars}]{60,12000}?[A-Za-z0-9+/=](?<!\\[nr]))(?:\\[nr]|[\s"'+,]){0,12}-----END \k<label>-----)`;
}
