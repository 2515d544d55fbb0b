// Offline proofs that a candidate really has a provider's structure: checksums, decodable
// payloads, key-block shapes. Pure code (atob, TextDecoder): no Node API, no network.
import type { Severity } from '../types';
import { isPlaceholder } from './placeholders';

/** What a validator concluded about one candidate. */
export type Check =
  /** The structure proves the format; `proof` says how (shown in the message). */
  | { verdict: 'proven'; proof: string; severity?: Severity }
  /** Nothing to prove or disprove: the candidate stands on its pattern and context. */
  | { verdict: 'plausible'; note?: string; severity?: Severity }
  /** Not a real token (failed checksum, undecodable payload, a public key). */
  | { verdict: 'rejected'; reason: string };

export const proven = (proof: string, severity?: Severity): Check => ({ verdict: 'proven', proof, severity });
export const rejected = (reason: string): Check => ({ verdict: 'rejected', reason });
export const plausible = (note?: string, severity?: Severity): Check => ({ verdict: 'plausible', note, severity });

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC32 with the zlib polynomial, over the UTF-16 code units of an ASCII string. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A number in base62 (`0-9A-Za-z`), left-padded with `0` to `width`. */
export function base62(value: number, width: number): string {
  let out = '';
  for (let n = value; n > 0; n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out.padStart(width, '0');
}

/**
 * GitHub `ghp_ gho_ ghu_ ghs_ ghr_` and npm `npm_` tokens: prefix, 30 random base62 characters,
 * then the CRC32 of those 30 characters in base62, 6 characters.
 */
export function checkBase62Crc(token: string): Check {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 36) return rejected(`expected 36 characters after the prefix, found ${body.length}`);
  const expected = base62(crc32(body.slice(0, 30)), 6);
  return body.slice(30) === expected ? proven('prefix and CRC32 checksum verified') : rejected('CRC32 checksum does not match');
}

/** Atlassian `ATATT3…` API tokens: the last 8 characters are the hex CRC32 of everything before them. */
export function checkAtlassianCrc(token: string): Check {
  const head = token.slice(0, -8);
  const expected = crc32(head).toString(16).padStart(8, '0');
  return token.slice(-8).toLowerCase() === expected ? proven('prefix and CRC32 checksum verified') : rejected('CRC32 checksum does not match');
}

/**
 * GitLab routable tokens (`glpat-<base64url payload>.01.<length><crc>`): the last 7 characters are
 * the CRC32, in base36, of everything before them, prefix included.
 */
export function checkGitLabRoutableCrc(token: string): Check {
  const expected = crc32(token.slice(0, -7)).toString(36).padStart(7, '0');
  return token.slice(-7) === expected ? proven('routable token CRC32 checksum verified') : rejected('routable token CRC32 checksum does not match');
}

/** OpenAI keys carry `T3BlbkFJ`, the base64 of "OpenAI", in the middle. */
export function checkOpenAIMarker(token: string): Check {
  return token.includes('T3BlbkFJ') ? proven('prefix and the T3BlbkFJ ("OpenAI") marker found') : rejected('no T3BlbkFJ marker');
}

/** Decodes base64 or base64url (padding optional) to bytes; undefined when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const normal = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(normal) || normal.length % 4 === 1) return undefined;
  try {
    const binary = atob(normal + '='.repeat((4 - (normal.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes base64(url) text to a JSON object; undefined when it is not one. */
export function decodeBase64Json(text: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64(text);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function decodeAscii(text: string): string | undefined {
  const bytes = decodeBase64(text);
  return bytes && String.fromCharCode(...bytes.subarray(0, 256));
}

/** A check that the base64 text decodes to JSON carrying every one of `keys`. */
export function checkJsonPayload(keys: string[], what: string) {
  return (encoded: string): Check => {
    const json = decodeBase64Json(encoded);
    if (!json) return rejected(`${what} does not decode to JSON`);
    return keys.every((k) => k in json) ? proven(`${what} decodes to JSON with ${keys.join(', ')}`) : rejected(`${what} lacks ${keys.join(', ')}`);
  };
}

/** A check that base64 text decodes to bytes starting with `prefix`. */
export function checkDecodedPrefix(prefix: string, what: string) {
  return (encoded: string): Check => {
    // Decode a whole number of base64 quanta so a truncated tail cannot break the prefix.
    const head = encoded.slice(0, Math.ceil((prefix.length * 4) / 3 / 4) * 4 + 4);
    return decodeAscii(head)?.startsWith(prefix) ? proven(`${what} decodes to "${prefix.replace(/\W+$/, '')}"`) : rejected(`${what} does not decode as expected`);
  };
}

/**
 * PyPI tokens are `pypi-` + a base64url macaroon whose first field is its location:
 * version byte 2, field type 1, length, then `pypi.org` (or `test.pypi.org`).
 */
export function checkPyPIMacaroon(token: string): Check {
  const bytes = decodeBase64(token.slice('pypi-'.length, 'pypi-'.length + 28));
  if (!bytes || bytes[0] !== 2 || bytes[1] !== 1) return rejected('macaroon header does not decode');
  const location = String.fromCharCode(...bytes.subarray(3, 3 + bytes[2]));
  return location === 'pypi.org' || location === 'test.pypi.org'
    ? proven(`macaroon header decodes to location ${location}`)
    : rejected('macaroon location is not pypi.org');
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  alg: string;
  /** Expiry in seconds since the epoch, when the payload has `exp`. */
  exp?: number;
}

/** Decodes a JWT's header and payload; undefined unless both are JSON objects and the header names `alg`. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const [h, p] = token.split('.');
  const header = h && decodeBase64Json(h);
  const payload = p && decodeBase64Json(p);
  if (!header || !payload || typeof header.alg !== 'string') return undefined;
  return { header, payload, alg: header.alg, exp: typeof payload.exp === 'number' ? payload.exp : undefined };
}

/**
 * A JWT is reported when it decodes with `alg`. Unsigned (`alg: none`) and expired tokens grant
 * nothing any more, so they are low; a signed, live token is high in a secret context
 * (`token =`, `Authorization: Bearer`), medium elsewhere (fixtures, docs, sample responses).
 */
export function checkJwt(token: string, inContext: boolean, now = Date.now()): Check {
  const jwt = decodeJwt(token);
  if (!jwt) return rejected('header does not decode to JSON with alg');
  if (jwt.payload.role === 'anon') return rejected('a Supabase anon key is public by design');
  const signature = decodeAscii(token.split('.')[2] ?? '');
  if (signature && /^[\x20-\x7e]{8,}$/.test(signature)) return rejected('the signature is readable text: a hand-made example');
  const facts = [`header decodes with alg ${jwt.alg}`];
  let severity: Severity = inContext ? 'high' : 'medium';
  if (jwt.alg.toLowerCase() === 'none') {
    facts.push('unsigned');
    severity = 'low';
  }
  if (jwt.exp !== undefined) {
    const expired = jwt.exp * 1000 < now;
    facts.push(`${expired ? 'expired' : 'expires'} ${new Date(jwt.exp * 1000).toISOString().slice(0, 10)}`);
    if (expired) severity = 'low';
  } else {
    facts.push('no exp claim');
  }
  return proven(facts.join(', '), severity);
}

/** Key material between a PEM header and footer, with line breaks, `\n` escapes and string quoting removed. */
export function pemBody(block: string): string {
  return block
    .replace(/^-----BEGIN [^-]{1,60}-----|-----END [^-]{1,60}-----$/g, '')
    .replace(/\\[nr]/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^[\s"'`+,]+|[\s"'`+,;)]+$/g, ''))
    .filter((line) => line && !/^[\w-]+:/.test(line) && !/^=[A-Za-z0-9+/]{4}$/.test(line))
    .join('');
}

/**
 * A private key block: the label says private (a PUBLIC KEY or CERTIFICATE is not a secret), the
 * body is base64 of a plausible size, and an OpenSSH key says whether it is encrypted.
 */
export function checkPrivateKeyBlock(block: string): Check {
  const label = /^-----BEGIN ([A-Z0-9 ]{1,40})-----/.exec(block)?.[1] ?? '';
  if (!/PRIVATE KEY/.test(label)) return rejected(`${label || 'block'} is not a private key`);
  const body = pemBody(block);
  if (body.length < 64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return rejected('body is not base64 key material');
  const encrypted = /ENCRYPTED/.test(label) || /Proc-Type:\s*4,ENCRYPTED/.test(block) || openSshCipher(label, body) !== 'none';
  return proven(
    encrypted ? `${label} block with base64 key material, encrypted with a passphrase` : `${label} block with base64 key material, not encrypted`,
    encrypted ? 'medium' : undefined,
  );
}

/** The cipher named in an OpenSSH private key (`none` when unencrypted, or for other key formats). */
function openSshCipher(label: string, body: string): string {
  if (label !== 'OPENSSH PRIVATE KEY') return 'none';
  const bytes = decodeBase64(body.slice(0, 64));
  const magic = 'openssh-key-v1\0';
  if (!bytes || String.fromCharCode(...bytes.subarray(0, magic.length)) !== magic) return 'none';
  const at = magic.length;
  const length = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
  return String.fromCharCode(...bytes.subarray(at + 4, at + 4 + Math.min(length, 32)));
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Verifies a Bech32 checksum (BIP 173), as in age secret keys `AGE-SECRET-KEY-1…`. */
export function checkBech32(text: string): Check {
  const lower = text.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || lower.length - sep < 7) return rejected('not Bech32');
  const hrp = lower.slice(0, sep);
  const values: number[] = [];
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) >> 5);
  values.push(0);
  for (let i = 0; i < hrp.length; i++) values.push(hrp.charCodeAt(i) & 31);
  for (const ch of lower.slice(sep + 1)) {
    const v = BECH32.indexOf(ch);
    if (v === -1) return rejected('not Bech32');
    values.push(v);
  }
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
  }
  return chk === 1 ? proven('Bech32 checksum verified') : rejected('Bech32 checksum does not match');
}

/** Discord bot tokens start with the bot's user id (a snowflake) in base64. */
export function checkDiscordBotToken(token: string): Check {
  const id = decodeAscii(token.slice(0, token.indexOf('.')));
  return id && /^\d{17,20}$/.test(id) ? proven('first part decodes to a Discord user id') : rejected('first part is not a base64 user id');
}

/**
 * Random keys mix upper and lower case with digits or with runs of capitals; camelCase names,
 * words, paths and hex digests do not.
 */
export function checkMixedAlphabet(value: string): Check {
  const capitalsAfterCapitals = value.match(/(?<=[A-Z])[A-Z]/g)?.length ?? 0;
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && (/[0-9]/.test(value) || capitalsAfterCapitals >= 2)
    ? plausible()
    : rejected('does not mix upper case, lower case and digits like a random key');
}

/** A check that a JWT decodes and its payload has `claim` equal to `expected` (Supabase `role: service_role`). */
export function checkJwtClaim(claim: string, expected: string) {
  return (token: string): Check => {
    const jwt = decodeJwt(token);
    if (!jwt) return rejected('not a decodable JWT');
    return jwt.payload[claim] === expected ? proven(`JWT payload has ${claim}: ${expected}`) : rejected(`JWT ${claim} is not ${expected}`);
  };
}

/** Base64 of `user:password` (Docker `auths`, HTTP Basic): printable text with a colon and a non-empty password. */
export function checkBasicAuthPair(encoded: string): Check {
  const text = decodeAscii(encoded);
  if (!text || !/^[\x20-\x7e]+$/.test(text)) return rejected('does not decode to text');
  const colon = text.indexOf(':');
  if (colon < 1 || colon === text.length - 1) return rejected('does not decode to user:password');
  if (isPlaceholder(text.slice(colon + 1))) return rejected('the password is a placeholder');
  return proven('decodes to a user:password pair');
}

/** Base64 of a PEM block (Kubernetes `tls.key`, CI variables): the decoded header must name a private key. */
export function checkBase64PrivateKey(encoded: string): Check {
  const header = decodeAscii(encoded.slice(0, 80))?.match(/^-----BEGIN ([A-Z0-9 ]{1,40})-----/)?.[1];
  if (!header) return rejected('does not decode to a PEM header');
  return /PRIVATE KEY/.test(header)
    ? proven(`decodes to a ${header} block`, /ENCRYPTED/.test(header) ? 'medium' : undefined)
    : rejected(`decodes to a ${header} block, not a private key`);
}
