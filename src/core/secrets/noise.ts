// Whether a value found in a secret-named place is credible as that secret, or noise:
// a placeholder, a reference to where the secret really lives, a word, a path, a hash.
import { shannonEntropy } from '../text';
import { splitWords, type SecretKind } from './names';
import { isPlaceholder } from './placeholders';

/** A rejection `tell`s when a user who expected a finding would want its reason (`--verbose`). */
export type Verdict = { credible: true; entropy: number } | { credible: false; reason: string; tell: boolean };

const reject = (reason: string, tell = false): Verdict => ({ credible: false, reason, tell });
const explain = (reason: string): Verdict => reject(reason, true);

/** References to a secret stored elsewhere: secret managers, config interpolation, encrypted values. */
const REFERENCE_PATTERNS: readonly RegExp[] = [
  /^\$\([^)]*\)$/, // $(VAR) Azure Pipelines, $(cmd) shell
  /^\$env:\w+$/i, // PowerShell
  /%\(\w+\)[sd]/, // Python %(name)s
  /^\{\w*\}$/, // {name}, {0}
  /%[sdv]\b/, // printf formats
  /^ENC\(.*\)$/, // Jasypt
  /^(?:vault|ssm|awssm|secretsmanager|sm|gcpsm|azkv|keyvault|op|bws|doppler|infisical|akv|env|file|ref\+\w+):\/{0,2}\S+$/i,
  /\$\{(?:ssm|file|opt|self|cf|env|sls|secretsmanager|vault|aws):/i, // Serverless Framework variables
  /^@Microsoft\.KeyVault\(/i,
  /^arn:aws[\w-]*:(?:secretsmanager|ssm|kms):/,
  /^projects\/[^/]+\/secrets\//, // GCP Secret Manager
  /^(?:var|local|module|data|each|self|secrets|env|vars|inputs|steps|needs|matrix|github|values|settings|config|process\.env)\.[\w.[\]"'-]+$/,
  /^secretKeyRef\b/i,
  /\{[A-Za-z_][\w.]*\}/, // a format string: "Bearer {token}", "{sys_version}"
];

/** Regular-expression syntax: `\w`, `(?:`, `[^…]`. */
const REGEX_TOKENS = /\\[wdsbWDSB]|\(\?[:=!<]|\[\^?[^\]]{1,40}\][*+?{]/g;

/** Values people write where a secret should go, and words that only name one. */
const NON_SECRET_WORDS = new Set([
  'true', 'false', 'yes', 'no', 'on', 'off', 'null', 'nil', 'none', 'undefined', 'nan', 'n/a', 'na', 'tbd', 'tba',
  'empty', 'unset', 'unknown', 'default', 'disabled', 'enabled', 'required', 'optional', 'string', 'str', 'bytes',
  'secret', 'secrets', 'password', 'passwd', 'passphrase', 'pass', 'pwd', 'token', 'apikey', 'api_key', 'api-key',
  'key', 'private', 'public', 'hidden', 'masked', 'test', 'testing', 'tester', 'admin', 'administrator', 'root',
  'user', 'username', 'guest', 'demo', 'anonymous', 'changeit', 'letmein', 'welcome', 'qwerty', 'abc', 'abcd',
  'abcdef', 'foo', 'bar', 'baz', 'foobar', 'xyz', 'temp', 'tmp', 'local', 'localhost', 'dev', 'development',
  'staging', 'prod', 'production', 'basic', 'bearer', 'digest', 'oauth', 'oauth2', 'jwt', 'hmac', 'session',
  'cookie', 'header', 'query', 'body', 'form', 'json', 'text', 'plain', 'auto', 'manual', 'internal', 'external',
  'client_credentials', 'authorization_code', 'refresh_token', 'implicit', 'mysecret', 'mypassword', 'secretkey',
  'supersecret', 'topsecret', 'secretpassword', 'yoursecret', 'somesecret', 'notasecret', 'notsecret', 'sensitive',
  'redacted', 'removed', 'omitted', 'hunter', 'value', 'values', 'string', 'varchar', 'text', 'password1',
  // "password", "token", "secret" in other languages: labels in translations.
  'passwort', 'kennwort', 'contraseña', 'contrasena', 'senha', 'wachtwoord', 'parola', 'lösenord', 'losenord',
  'salasana', 'adgangskode', 'passord', 'heslo', 'hasło', 'haslo', 'jelszó', 'jelszo', 'geheimnis', 'secreto',
  'segredo', 'segreto', 'jeton', 'clave', 'schlüssel', 'schluessel', 'пароль', '密码', 'パスワード', '비밀번호',
]);

/** A secret word, optionally with `my`/`the` in front and a few digits or a mark behind: `password123`, `Secret1!`. */
const WORD_WITH_DIGITS = /^(?:my|the|your|some|a|new|old|default|test|dev)?[-_]?(?:pass(?:word)?|passwd|pwd|secret|token|api[-_]?key|key|admin|root|test|user|guest|demo|changeit|changeme|qwerty|letmein|welcome|default|example|sample|dummy)[-_]?\d{0,6}[!.#@$*]{0,2}$/i;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}|[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64}|[0-9A-F]{128})$/;
const INTEGRITY = /^(?:sha(?:1|256|384|512)|md5)[-:][A-Za-z0-9+/=]{16,}$/i;
const PASSWORD_HASH = /^\$(?:2[abxy]?|argon2(?:id|i|d)|pbkdf2[-\w]*|scrypt|[156])\$/;
const URL = /^[a-z][a-z0-9+.-]{1,30}:\/\/\S+$/i;
const URL_WITH_CREDENTIALS = /^[a-z][a-z0-9+.-]{1,30}:\/\/[^/\s:@]*:[^/\s@]+@/i;
const EMAIL = /^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+$/;
const FILE_PATH = /^(?:(?:~|\.{1,2})?\/[\w.@ ()-]+(?:\/[\w.@ ()-]*)*|(?:[A-Za-z]:|\\\\[\w.$-]+|\.{1,2})\\[\w.@ ()-]+(?:\\[\w.@ ()-]*)*)$/;
const WINDOWS_RELATIVE_PATH = /^[\w.-]+(?:\\{1,2}[\w.{} -]+){2,}$/;
const FILE_NAME = /^[\w.-]{1,80}\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json|ya?ml|txt|env|pub|ini|conf|cfg|toml|xml|properties|gpg|asc|enc|secret|secrets|txt|db|sqlite)$/i;
const ENV_VAR_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,}$/;
const KEYBOARD_SHORTCUT = /^(?:ctrl|cmd|alt|shift|meta|option|opt|super|win|control|command|mod)(?:[+-][\w[\]\\/.,;'`=-]+){1,4}$/i;
const DATE_OR_VERSION = /^(?:[~^<>=]{0,2}\s?v?\d+(?:\.(?:\d+|x|\*)){1,3}(?:[-+][\w.]+)?|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?)$/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d+)?|0x[0-9a-f]+)$/i;
/** `password_reset`, `client-credentials`, `com.example.key`, `user:read`: lower-case words joined by separators. */
const SNAKE_IDENTIFIER = /^[a-z]+(?:[_.\-:/][a-z]+){1,8}$/i;
/** `passwordField`, `ResetPassword`: camel-case words, no digits. */
const CAMEL_IDENTIFIER = /^[a-z]+(?:[A-Z][a-z]+){1,8}$|^(?:[A-Z][a-z]+){2,8}$/;
const NATURAL_WORDS = /[A-Za-z']{2,}[,.!?:]?\s+[A-Za-z']{2,}/;

/**
 * Encrypted values, safe to commit by design: SOPS and hiera-eyaml `ENC[…]`, Ansible Vault, PGP
 * and age messages (Renovate `encrypted`), Maven `{…}` master-password encryption, AWS KMS blobs,
 * Bitnami sealed secrets.
 */
const CIPHERTEXT: readonly RegExp[] = [
  /^ENC\[[A-Z0-9_]{3,20},/,
  /^\$ANSIBLE_VAULT;\d/,
  /^-----BEGIN (?:PGP MESSAGE|AGE ENCRYPTED FILE)-----/,
  /^(?:wc[BDFM]M|hQ[EGIM]M)[A-Za-z0-9+/]{40}/,
  /^\{[A-Za-z0-9+/]{16,200}={0,2}\}$/,
  /^AQI[BCD]AH[A-Za-z0-9+/]{40}/,
  /^Ag[A-D][A-Za-z0-9+/]{600,16000}={0,2}$/,
];

export function isCiphertext(value: string): boolean {
  return CIPHERTEXT.some((re) => re.test(value));
}

export function isTemplateReference(value: string): boolean {
  return REFERENCE_PATTERNS.some((re) => re.test(value));
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An MD5/SHA digest in hex, an `sha512-…` integrity string or a password hash (`$2b$…`). */
export function looksLikeHash(value: string): boolean {
  return HEX_DIGEST.test(value) || INTEGRITY.test(value) || PASSWORD_HASH.test(value);
}

export function looksLikePath(value: string): boolean {
  if (/[+=]/.test(value) && !/[\\/]\w+\.\w{1,5}$/.test(value)) return false; // base64, not a path
  // A long mixed-case segment with digits is base64 (`/9j/4AAQSkZJRgABAQ`), not a directory name.
  if (value.split(/[\\/]/).some((s) => s.length >= 16 && characterClasses(s) >= 3)) return false;
  if (WINDOWS_RELATIVE_PATH.test(value)) return true;
  return (FILE_PATH.test(value) && /[a-z]{2}/i.test(value) && (value.split(/[\\/]/).length > 2 || /\.\w{1,5}$/.test(value))) || FILE_NAME.test(value);
}

export function isUrlWithoutCredentials(value: string): boolean {
  return (URL.test(value) && !URL_WITH_CREDENTIALS.test(value)) || /^www\.[\w-]+\./i.test(value);
}

export function isEnvVarName(value: string): boolean {
  return ENV_VAR_NAME.test(value);
}

/** Identifiers and enum values: `password_reset`, `client_credentials`, `passwordField`. */
export function isIdentifierLike(value: string): boolean {
  if (SNAKE_IDENTIFIER.test(value) || CAMEL_IDENTIFIER.test(value)) return true;
  if (!/^[A-Za-z][A-Za-z_.:-]{3,}$/.test(value)) return false;
  // `platformAuthDOMGetSupportedContracts`: every part a pronounceable word or a short acronym.
  const words = splitWords(value);
  return words.length >= 2 && words.every((w) => w.length >= 2 && (/[aeiouy]/.test(w) || (w.length <= 4 && value.includes(w.toUpperCase()))));
}

export function isKeyboardShortcut(value: string): boolean {
  return KEYBOARD_SHORTCUT.test(value);
}

/** Two or more words separated by spaces: a label, a prompt, a sentence. */
export function isNaturalLanguage(value: string): boolean {
  return /\s/.test(value.trim()) && NATURAL_WORDS.test(value);
}

/** `dev-smtp-pass-01`, `Horse_Battery_42`: words and numbers joined by separators, no part that mixes them. */
export function isJoinedWords(value: string): boolean {
  const parts = value.split(/[-_.\s]+/);
  return parts.length >= 2 && parts.every((p) => /^(?:[A-Za-z]*|\d*)$/.test(p));
}

/** How many of: lower case, upper case, digits, other characters. */
export function characterClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/\d/.test(value)) + Number(/[^A-Za-z\d]/.test(value));
}

function distinctCharacters(value: string): number {
  return new Set(value).size;
}

/** Minimum length and entropy a value must reach to count as a key or token of this kind. */
const THRESHOLDS: Record<SecretKind, { strong: [number, number]; weak: [number, number] }> = {
  password: { strong: [4, 0], weak: [8, 2.5] },
  secret: { strong: [8, 2.5], weak: [16, 3.2] },
  'api-key': { strong: [16, 3.0], weak: [20, 3.5] },
  token: { strong: [16, 3.0], weak: [20, 3.5] },
  'private-key': { strong: [32, 3.5], weak: [40, 4.0] },
  'connection-string': { strong: [4, 0], weak: [8, 2.5] },
};

/**
 * Judges a literal found where a secret of `kind` belongs. `strong` means the name (or the sink)
 * clearly says "credential"; weaker names need values that look random on their own.
 */
export function assessValue(raw: string, kind: SecretKind, strong: boolean): Verdict {
  const value = raw.trim();
  if (value.length === 0) return reject('empty');
  if (isCiphertext(value)) return explain('ciphertext (encrypted, safe to commit by design)');
  if (value.length > 1000) return reject('longer than generic rules judge');
  if (NON_SECRET_WORDS.has(value.toLowerCase())) return explain('a stock value or a word, not a secret');
  if (isPlaceholder(value)) return explain('a placeholder');
  if (isTemplateReference(value)) return explain('a reference to a secret stored elsewhere');
  if (NUMBER.test(value)) return reject('a number');
  if (DATE_OR_VERSION.test(value)) return reject('a date or version');
  if (isKeyboardShortcut(value)) return reject('a keyboard shortcut');
  if (EMAIL.test(value)) return reject('an email address');
  if (isUrlWithoutCredentials(value)) return reject('a URL without credentials');
  if (URL.test(value) && kind !== 'connection-string') return reject('a URL (its password is judged as a connection string)');
  if (looksLikePath(value)) return reject('a file path');
  if (isEnvVarName(value)) return reject('the name of an environment variable');
  if (isNaturalLanguage(value)) return reject('natural language');
  if ((value.match(REGEX_TOKENS)?.length ?? 0) >= 2) return reject('a regular expression');
  if (/\s/.test(value) && kind !== 'password') return reject('contains spaces');
  if (isIdentifierLike(value) || isIdentifierLike(value.replace(/%[0-9A-Fa-f]{2}|=/g, '-'))) return reject('an identifier');
  if (WORD_WITH_DIGITS.test(value)) return explain('a stock value (a secret word with digits)');
  if (INTEGRITY.test(value) || PASSWORD_HASH.test(value)) return explain('a hash');
  // A hex digest or a UUID under a vague name is an identifier; under a secret's name it is the secret.
  if (!strong && (HEX_DIGEST.test(value) || isUuid(value))) return explain(isUuid(value) ? 'a UUID under a vague name' : 'a hash under a vague name');

  const entropy = shannonEntropy(value);
  const [minLength, minEntropy] = strong ? THRESHOLDS[kind].strong : THRESHOLDS[kind].weak;
  if (value.length < minLength) return explain(`shorter than ${minLength} characters`);
  if (entropy < minEntropy) return explain(`entropy ${entropy.toFixed(1)} below ${minEntropy}`);
  if (distinctCharacters(value) < Math.min(4, value.length)) return explain('too few distinct characters');
  const classes = characterClasses(value);
  if (kind === 'password' || kind === 'connection-string') {
    if (classes < 2 && !(value.length >= 10 && entropy >= 3.0)) return explain('a single word');
    if (!strong && classes < 3) return explain('not random enough for a vague name');
  } else if (classes < 2 && !(value.length >= (kind === 'secret' ? 12 : 24) && entropy >= 3.0)) {
    return explain('not random enough');
  }
  return { credible: true, entropy };
}
