// The workspace configuration file (`.keyhole.json`): parsing, validation with one-line errors that
// name the file and the JSON path, and the lookups the engine and the hosts make on the result.
// schemas/keyhole.schema.json describes the same format for editors; test/config.test.ts keeps them in step.
import { Minimatch } from 'minimatch';
import { TREE_LANGUAGES, type LanguageKey, type TextLanguage } from './lang/languages';
import { SEVERITIES, type Category, type Confidence, type Severity } from './types';

/** A user-defined rule from the workspace configuration file. */
export interface CustomRule {
  id: string;
  title: string;
  /** JavaScript regular expression source; an optional named group `secret` marks the value. */
  pattern: string;
  /** Lower-cased; a file is matched against the pattern only when it contains one of them. */
  keywords: string[];
  severity: Severity;
  description?: string;
  /** Defaults to 'heuristic'. */
  confidence?: Confidence;
}

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

export interface AllowlistEntry {
  fingerprint: string;
  reason?: string;
  /** Where the accepted finding is, for reviewers; the fingerprint already depends on the path. */
  path?: string;
}

/** The workspace configuration after defaults and validation. */
export interface ResolvedConfig {
  /** Globs relative to the workspace root; see isIgnoredPath. */
  ignore: string[];
  /** Keyed by rule id or category prefix (`secret`, `secret/`); look up with ruleSetting. */
  rules: Record<string, RuleSetting>;
  /** Fingerprints of accepted findings (a baseline a team commits), with an optional reason. */
  allowlist: AllowlistEntry[];
  customRules: CustomRule[];
  /** Files above this many bytes are skipped with a reason. */
  maxFileSize: number;
  disabledLanguages: string[];
  /** Workspace-relative file that fixes move secrets into. */
  envFile: string;
  /** Thresholds of the credential-lifetime rules (`lifecycle/...`). */
  lifecycle: LifecycleLimits;
}

/**
 * How long a credential may live before the `lifecycle/...` rules report it. The defaults follow
 * "as short as the job allows": a leaked token should be worth a day at most, a role session an hour.
 */
export interface LifecycleLimits {
  /** Vault token and lease TTLs (`ttl`, `max_ttl`, `token_ttl`, ...): 24 h, renewal covers longer jobs. */
  maxTokenTtlHours: number;
  /** Role sessions (`MaxSessionDuration`): 1 h, AWS's own default; long jobs assume the role again. */
  maxSessionHours: number;
  /** Signed tokens issued by code (JWT `expiresIn`, `exp`): 24 h; refresh tokens renew longer sessions. */
  maxSignedTokenHours: number;
  /**
   * Refresh tokens (a name or payload saying `refresh`): 720 h (30 days); they exist to outlive access
   * tokens. Optional so that configs written before it keep their shape; `refreshTokenHours` reads it.
   */
  maxRefreshTokenHours?: number;
  /** Expiry of IaC-minted keys and application passwords: 90 days, the usual rotation period (CIS). */
  maxKeyAgeDays: number;
}

export const DEFAULT_LIFECYCLE_LIMITS: LifecycleLimits = { maxTokenTtlHours: 24, maxSessionHours: 1, maxSignedTokenHours: 24, maxKeyAgeDays: 90 };

export const DEFAULT_MAX_REFRESH_TOKEN_HOURS = 720;

/** The refresh-token limit in hours, the default when the config does not set it. */
export function refreshTokenHours(limits: LifecycleLimits): number {
  return limits.maxRefreshTokenHours ?? DEFAULT_MAX_REFRESH_TOKEN_HOURS;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  ignore: [],
  rules: {},
  allowlist: [],
  customRules: [],
  maxFileSize: 2 * 1024 * 1024,
  disabledLanguages: [],
  envFile: '.env',
  lifecycle: DEFAULT_LIFECYCLE_LIMITS,
};

export const CONFIG_FILE_NAMES = ['.keyhole.json', 'keyhole.config.json'];

export class ConfigError extends Error {}

/** Property names parseConfig accepts at each level (the schema test compares them with the JSON Schema). */
export const CONFIG_PROPERTIES = ['$schema', 'ignore', 'rules', 'allowlist', 'customRules', 'maxFileSize', 'languages', 'envFile', 'lifecycle'] as const;
export const LIFECYCLE_PROPERTIES = ['maxTokenTtlHours', 'maxSessionHours', 'maxSignedTokenHours', 'maxRefreshTokenHours', 'maxKeyAgeDays'] as const;
export const RULE_SETTING_PROPERTIES = ['enabled', 'severity'] as const;
export const ALLOWLIST_PROPERTIES = ['fingerprint', 'reason', 'path'] as const;
export const CUSTOM_RULE_PROPERTIES = ['id', 'title', 'pattern', 'keywords', 'severity', 'description', 'confidence'] as const;

export const RULE_CATEGORIES: readonly Category[] = ['secret', 'iam', 'agent', 'lifecycle'];
const CONFIDENCES: readonly Confidence[] = ['validated', 'context', 'heuristic'];

const TEXT_LANGUAGES: Record<TextLanguage, true> = { dotenv: true, dockerfile: true, markdown: true, notebook: true, text: true };
export const LANGUAGE_KEYS: readonly LanguageKey[] = [...TREE_LANGUAGES, ...(Object.keys(TEXT_LANGUAGES) as TextLanguage[])];

/** A rule id or a category prefix: `secret`, `secret/`, `secret/github-pat`, `secret/acme/`. */
export const RULE_KEY = new RegExp(`^(?:${RULE_CATEGORIES.join('|')})(?:/[a-z0-9][a-z0-9._-]*)*/?$`);
/** Custom rule ids cannot clash with built-in ones, which have two segments and never start with `custom-`. */
export const CUSTOM_RULE_ID = /^secret\/(?:custom-[a-z0-9][a-z0-9._-]*|[a-z0-9][a-z0-9_-]*\/[a-z0-9][a-z0-9._-]*)$/;
/** As the engine produces them: `<rule id>:<16 hex digits>`. */
export const FINGERPRINT = /^[a-z]+\/[a-z0-9._/-]+:[0-9a-f]{16}$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Parses the workspace configuration file; throws ConfigError with a one-line message when it is invalid. */
export function parseConfig(text: string, source: string): ResolvedConfig {
  const fail = (path: string, message: string): never => {
    throw new ConfigError(`${source}: ${path ? `${path}: ` : ''}${message}`);
  };
  const raw = parseJsonc(text, (message) => fail('', message));
  const root = asObject(raw, '', CONFIG_PROPERTIES, fail, 'a JSON object');
  const config: ResolvedConfig = { ...DEFAULT_CONFIG, ignore: [], rules: {}, allowlist: [], customRules: [], disabledLanguages: [] };

  if (root.$schema !== undefined) asString(root.$schema, '$schema', fail);
  if (root.ignore !== undefined) {
    config.ignore = asArray(root.ignore, 'ignore', fail).map((g, i) => asString(g, `ignore[${i}]`, fail));
  }
  if (root.rules !== undefined) {
    for (const [key, value] of Object.entries(asObject(root.rules, 'rules', null, fail))) {
      const path = `rules${pathKey(key)}`;
      if (!RULE_KEY.test(key)) fail(path, `expected a rule id or a category prefix (${RULE_CATEGORIES.join(', ')}), e.g. "secret/github-pat" or "secret"`);
      config.rules[key] = ruleSettingOf(value, path, fail);
    }
  }
  if (root.allowlist !== undefined) {
    config.allowlist = asArray(root.allowlist, 'allowlist', fail).map((entry, i) => allowlistEntryOf(entry, `allowlist[${i}]`, fail));
  }
  if (root.customRules !== undefined) {
    const ids = new Set<string>();
    config.customRules = asArray(root.customRules, 'customRules', fail).map((entry, i) => {
      const rule = customRuleOf(entry, `customRules[${i}]`, fail);
      if (ids.has(rule.id)) fail(`customRules[${i}].id`, `duplicate rule id "${rule.id}"`);
      ids.add(rule.id);
      return rule;
    });
  }
  if (root.maxFileSize !== undefined) {
    const n = root.maxFileSize;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) fail('maxFileSize', 'expected a positive whole number of bytes');
    config.maxFileSize = n as number;
  }
  if (root.languages !== undefined) {
    for (const [key, value] of Object.entries(asObject(root.languages, 'languages', LANGUAGE_KEYS, fail))) {
      if (typeof value !== 'boolean') fail(`languages${pathKey(key)}`, 'expected true or false');
      if (value === false) config.disabledLanguages.push(key);
    }
  }
  if (root.envFile !== undefined) {
    const file = asString(root.envFile, 'envFile', fail);
    if (/^(?:[a-zA-Z]:|[\\/])/.test(file) || file.split(/[\\/]/).includes('..')) fail('envFile', 'expected a path relative to the workspace root, inside it');
    config.envFile = file;
  }
  if (root.lifecycle !== undefined) {
    const limits = asObject(root.lifecycle, 'lifecycle', LIFECYCLE_PROPERTIES, fail);
    config.lifecycle = { ...DEFAULT_LIFECYCLE_LIMITS };
    for (const key of LIFECYCLE_PROPERTIES) {
      const n = limits[key];
      if (n === undefined) continue;
      if (typeof n !== 'number' || !(n > 0)) fail(`lifecycle.${key}`, 'expected a positive number');
      config.lifecycle[key] = n as number;
    }
  }
  return config;
}

type Fail = (path: string, message: string) => never;

function ruleSettingOf(value: Json, path: string, fail: Fail): RuleSetting {
  const expected = `expected "off", a severity or an object`;
  if (value === 'off') return { enabled: false };
  if (typeof value === 'string') {
    if (!isSeverity(value)) fail(path, `${expected} (severity is one of ${SEVERITIES.join(', ')})`);
    return { enabled: true, severity: value as Severity };
  }
  if (!isObject(value)) return fail(path, expected);
  const obj = asObject(value, path, RULE_SETTING_PROPERTIES, fail);
  const setting: RuleSetting = {};
  if (obj.enabled !== undefined) {
    if (typeof obj.enabled !== 'boolean') fail(`${path}.enabled`, 'expected true or false');
    setting.enabled = obj.enabled as boolean;
  }
  if (obj.severity !== undefined) setting.severity = severityOf(obj.severity, `${path}.severity`, fail);
  return setting;
}

function allowlistEntryOf(value: Json, path: string, fail: Fail): AllowlistEntry {
  const obj = asObject(value, path, ALLOWLIST_PROPERTIES, fail);
  const fingerprint = asString(required(obj, 'fingerprint', path, fail), `${path}.fingerprint`, fail);
  if (!FINGERPRINT.test(fingerprint)) fail(`${path}.fingerprint`, 'expected a finding fingerprint such as "secret/github-pat:0123abcd0123abcd"');
  const entry: AllowlistEntry = { fingerprint };
  if (obj.reason !== undefined) entry.reason = asString(obj.reason, `${path}.reason`, fail);
  if (obj.path !== undefined) entry.path = asString(obj.path, `${path}.path`, fail);
  return entry;
}

function customRuleOf(value: Json, path: string, fail: Fail): CustomRule {
  const obj = asObject(value, path, CUSTOM_RULE_PROPERTIES, fail);
  const id = asString(required(obj, 'id', path, fail), `${path}.id`, fail);
  if (!CUSTOM_RULE_ID.test(id)) fail(`${path}.id`, 'expected "secret/custom-<name>" or a namespaced "secret/<namespace>/<name>" (lower case)');
  const title = asString(required(obj, 'title', path, fail), `${path}.title`, fail);
  const pattern = asString(required(obj, 'pattern', path, fail), `${path}.pattern`, fail);
  const problem = patternProblem(pattern);
  if (problem) fail(`${path}.pattern`, problem);
  const keywords = asArray(required(obj, 'keywords', path, fail), `${path}.keywords`, fail)
    .map((k, i) => asString(k, `${path}.keywords[${i}]`, fail).toLowerCase());
  if (keywords.length === 0) fail(`${path}.keywords`, 'expected at least one keyword (files without any of them are not matched)');
  const rule: CustomRule = { id, title, pattern, keywords, severity: severityOf(required(obj, 'severity', path, fail), `${path}.severity`, fail) };
  if (obj.description !== undefined) rule.description = asString(obj.description, `${path}.description`, fail);
  if (obj.confidence !== undefined) {
    if (!CONFIDENCES.includes(obj.confidence as Confidence)) fail(`${path}.confidence`, `expected one of ${CONFIDENCES.join(', ')}`);
    rule.confidence = obj.confidence as Confidence;
  }
  return rule;
}

/** Why a custom rule pattern cannot be used, or undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch (err) {
    return `invalid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  if (hasNestedUnboundedQuantifier(pattern)) {
    return 'nested unbounded quantifiers such as (a+)+ can backtrack catastrophically; bound one of them, e.g. {1,64}';
  }
  if (re.test('')) return 'the pattern matches the empty string';
  return undefined;
}

/**
 * True when a group that contains an unbounded quantifier (`*`, `+`, `{n,}`) is itself repeated without bound:
 * `(a+)+`, `(?:\w*\s)*`, `((a+)b)+`. Bounded repetition such as `(?:-[a-z]+){0,4}` stays polynomial and is allowed.
 */
function hasNestedUnboundedQuantifier(pattern: string): boolean {
  const stack: boolean[] = [false]; // per open group: does it contain an unbounded quantifier
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      i = afterQuantifier(pattern, i + 2, stack);
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = afterQuantifier(pattern, j + 1, stack);
    } else if (c === '(') {
      stack.push(false);
      i++;
    } else if (c === ')') {
      const inner = stack.length > 1 ? stack.pop()! : false;
      const q = quantifierAt(pattern, i + 1);
      if (inner && q.unbounded) return true;
      stack[stack.length - 1] ||= inner || q.unbounded;
      i = q.end;
    } else {
      i = afterQuantifier(pattern, i + 1, stack);
    }
  }
  return false;
}

function afterQuantifier(pattern: string, at: number, stack: boolean[]): number {
  const q = quantifierAt(pattern, at);
  if (q.unbounded) stack[stack.length - 1] = true;
  return q.end;
}

function quantifierAt(pattern: string, at: number): { unbounded: boolean; end: number } {
  const c = pattern[at];
  let end = at;
  let unbounded = false;
  if (c === '*' || c === '+') {
    unbounded = true;
    end = at + 1;
  } else if (c === '?') {
    end = at + 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 24));
    if (m) {
      unbounded = m[2] !== undefined && m[3] === '';
      end = at + m[0].length;
    }
  }
  if (end > at && pattern[end] === '?') end++; // lazy: same backtracking
  return { unbounded, end };
}

/**
 * The effective setting for a rule: the entries for its category prefixes (`secret`, `secret/`, ...) and
 * then its own id, each more specific entry overriding the fields it sets.
 */
export function ruleSetting(config: ResolvedConfig, ruleId: string): RuleSetting | undefined {
  const rules = config.rules;
  let result: RuleSetting | undefined;
  const apply = (key: string) => {
    const s = rules[key];
    if (!s) return;
    result = { ...result };
    if (s.enabled !== undefined) result.enabled = s.enabled;
    if (s.severity !== undefined) result.severity = s.severity;
  };
  for (let slash = ruleId.indexOf('/'); slash !== -1; slash = ruleId.indexOf('/', slash + 1)) {
    apply(ruleId.slice(0, slash));
    apply(ruleId.slice(0, slash + 1));
  }
  apply(ruleId);
  return result;
}

const compiledIgnores = new WeakMap<ResolvedConfig, Minimatch[]>();

/**
 * True when a workspace-relative path is excluded by `ignore`. A pattern also matches every file below a
 * matching folder (`node_modules`, `test/fixtures`), and a pattern without `/` matches at any depth (`*.min.js`).
 */
export function isIgnoredPath(relPath: string, config: ResolvedConfig): boolean {
  if (config.ignore.length === 0) return false;
  let matchers = compiledIgnores.get(config);
  if (!matchers) {
    matchers = config.ignore.map((g) => new Minimatch(g.replace(/^\.\//, '').replace(/\/+$/, ''), { dot: true, matchBase: true }));
    compiledIgnores.set(config, matchers);
  }
  const path = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  for (let end = path.indexOf('/'); ; end = path.indexOf('/', end + 1)) {
    const prefix = end === -1 ? path : path.slice(0, end);
    if (prefix && matchers.some((m) => m.match(prefix))) return true;
    if (end === -1) return false;
  }
}

/** JSON with `//` and `/* *\/` comments, which are blanked out (outside strings) before JSON.parse. */
function parseJsonc(text: string, fail: (message: string) => never): Json {
  const clean = stripJsonComments(text.replace(/^\uFEFF/, ''));
  try {
    return JSON.parse(clean) as Json;
  } catch (err) {
    // V8 quotes the whole input in some messages ("Unexpected token '}', "{…}" is not valid JSON"): drop it.
    const message = (err as Error).message.replace(/, ".*" is not valid JSON$/s, '').replace(/\s+/g, ' ');
    const at = /at position (\d+)/.exec(message);
    if (!at) return fail(`not valid JSON (${message})`);
    const offset = Number(at[1]);
    const before = clean.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return fail(`not valid JSON at line ${line}, column ${column} (${message.replace(/ in JSON at position \d+.*$/, '')})`);
  }
}

/** Replaces comments with spaces (keeping line breaks, so error positions stay right). */
export function stripJsonComments(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const block = text[i + 1] === '*';
      let end = block ? text.indexOf('*/', i + 2) : text.indexOf('\n', i);
      end = end === -1 ? text.length : block ? end + 2 : end;
      out += text.slice(copied, i) + text.slice(i, end).replace(/[^\n]/g, ' ');
      copied = i = end;
    } else {
      i++;
    }
  }
  return out + text.slice(copied);
}

function asObject(value: Json, path: string, allowed: readonly string[] | null, fail: Fail, what = 'an object'): JsonObject {
  if (!isObject(value)) fail(path, `expected ${what}`);
  const obj = value as JsonObject;
  if (allowed) {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) fail(`${path}${pathKey(key)}`.replace(/^\./, ''), `unknown property (expected one of ${allowed.join(', ')})`);
    }
  }
  return obj;
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: Json, path: string, fail: Fail): Json[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  return value as Json[];
}

function asString(value: Json, path: string, fail: Fail): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, 'expected a non-empty string');
  return value as string;
}

function required(obj: JsonObject, key: string, path: string, fail: Fail): Json {
  if (obj[key] === undefined) fail(path, `missing required property "${key}"`);
  return obj[key];
}

function severityOf(value: Json, path: string, fail: Fail): Severity {
  if (!isSeverity(value)) fail(path, `expected a severity (${SEVERITIES.join(', ')})`);
  return value as Severity;
}

function isSeverity(value: Json): boolean {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** `.name` for identifier-like keys, `["secret/github-pat"]` otherwise. */
function pathKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
