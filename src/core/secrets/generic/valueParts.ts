// The part of a value that is the credential: the token after `Bearer `, the password inside a
// connection string. Offsets are relative to the value.

export interface Part {
  start: number;
  end: number;
}

const AUTH_SCHEME = /^(?:Bearer|Basic|Token|Bot|Digest|ApiKey|Api-Key|SSWS|OAuth|JWT|GenieKey|Key)\s+(?=\S{8,}$)/i;

/** `Bearer eyJ…` → the token; null when the value has no authorization scheme in front. */
export function afterAuthScheme(value: string): Part | null {
  const m = AUTH_SCHEME.exec(value);
  return m ? { start: m[0].length, end: value.length } : null;
}

const URL_PASSWORD = /^[a-z][a-z0-9+.-]{1,30}:\/\/[^/\s:@]{0,256}:([^\s@/]{1,256})@/i;
const KEY_VALUE_PASSWORD = /(?:^|[;\s?&])(?:password|pwd|passwd|pass)\s*=\s*('[^']{0,256}'|"[^"]{0,256}"|[^;&\s]{1,256})/i;

/**
 * The password inside a connection string: `postgres://user:PASS@host`, `Server=…;Password=PASS;`,
 * `host=… password=PASS`, `jdbc:…?user=u&password=PASS`. Null when it embeds none.
 */
export function connectionPassword(value: string): Part | null {
  const url = URL_PASSWORD.exec(value);
  if (url) {
    const start = url[0].length - 1 - url[1].length;
    return { start, end: start + url[1].length };
  }
  const kv = KEY_VALUE_PASSWORD.exec(value);
  if (!kv) return null;
  let start = kv.index + kv[0].length - kv[1].length;
  let end = start + kv[1].length;
  if (kv[1].length >= 2 && (kv[1][0] === '"' || kv[1][0] === "'")) {
    start++;
    end--;
  }
  return { start, end };
}

/** `${DB_PASSWORD:-devpass}` (shell, Compose), `${db.password:devpass}` (Spring): a reference with a literal default. */
const REFERENCE_WITH_DEFAULT = /^\$\{([A-Za-z_][\w.-]{0,127})(:-|:=|-|=|:)([^}$?+][^}$]{0,255})\}$/;
/** `${env:X}`, `${input:x}`, `${ssm:/path}`: prefixes that select a source, not a default. */
const SOURCE_PREFIXES = new Set(['env', 'input', 'ssm', 'file', 'opt', 'self', 'cf', 'sls', 'secretsmanager', 'vault', 'aws', 'config', 'command', 'workspacefolder', 'var', 'secret', 'secrets']);

/** The variable and the default of a whole-value reference with a default; null otherwise. */
export function referenceDefault(value: string): (Part & { name: string }) | null {
  const m = REFERENCE_WITH_DEFAULT.exec(value);
  if (!m || (m[2] === ':' && SOURCE_PREFIXES.has(m[1].toLowerCase()))) return null;
  const start = 2 + m[1].length + m[2].length;
  return { name: m[1], start, end: start + m[3].length };
}
