// The environment variable name a moved secret is stored under: the name the code binds it to when
// that name says what it is, else the provider's usual variable (`GITHUB_TOKEN`, `OPENAI_API_KEY`).

/** Names that say "a credential" without saying which one. */
const GENERIC = new Set([
  'PASSWORD', 'PASSWD', 'PASS', 'PWD', 'PW', 'PASSPHRASE', 'SECRET', 'TOKEN', 'KEY', 'API_KEY', 'APIKEY', 'ACCESS_TOKEN',
  'AUTH_TOKEN', 'AUTH', 'AUTHORIZATION', 'CREDENTIAL', 'CREDENTIALS', 'CREDS', 'VALUE', 'CLIENT_SECRET', 'SECRET_KEY',
  'PRIVATE_KEY', 'SIGNING_SECRET', 'DSN', 'URL', 'URI', 'CONNECTION_STRING', 'CONN', 'ACCESS_KEY', 'API_TOKEN',
  'API_SECRET', 'API_SECRET_KEY', 'BEARER', 'HEADERS', 'ARGS', 'ENV', 'DEFAULT', 'DATA', 'STRING_DATA', 'AUTH_KEY',
  'SECRET_ACCESS_KEY', 'ACCESS_KEY_ID', 'ID',
]);

/** Parent keys that add nothing to a name (`config.password` is still just a password). */
const EMPTY_PARENTS = new Set([
  'CONFIG', 'SETTINGS', 'SECRETS', 'SECRET', 'DEFAULT', 'DEFAULTS', 'PRODUCTION', 'PROD', 'STAGING', 'DEV', 'ENV',
  'ENVIRONMENT', 'AUTH', 'CREDENTIALS', 'OPTIONS', 'PARAMS', 'DATA', 'STRING_DATA', 'VALUES', 'SPEC', 'VARS',
  'VARIABLES', 'HEADERS', 'ARGS', 'SERVERS', 'MCP_SERVERS', 'PROPERTIES', 'APP', 'SELF', 'THIS', 'CONNECTIONS',
]);

const RULE_NAMES: [RegExp, string][] = [
  [/^secret\/github-/, 'GITHUB_TOKEN'],
  [/^secret\/gitlab-runner/, 'GITLAB_RUNNER_TOKEN'],
  [/^secret\/gitlab-pipeline-trigger/, 'GITLAB_TRIGGER_TOKEN'],
  [/^secret\/gitlab-/, 'GITLAB_TOKEN'],
  [/^secret\/(?:postgres|mysql|jdbc|sql|pgpass|pgbouncer|connection-string)[\w-]*password$/, 'DB_PASSWORD'],
  [/^secret\/mongodb[\w-]*password$/, 'MONGODB_PASSWORD'],
  [/^secret\/redis[\w-]*password$/, 'REDIS_PASSWORD'],
  [/^secret\/amqp[\w-]*password$/, 'AMQP_PASSWORD'],
  [/^secret\/(?:url-basic-auth|curl-basic-auth)$/, 'BASIC_AUTH_PASSWORD'],
  [/^secret\/generic-password$/, 'PASSWORD'],
  [/^secret\/generic-api-key$/, 'API_KEY'],
  [/^secret\/generic-token$/, 'API_TOKEN'],
  [/^secret\/generic-secret$/, 'SECRET_KEY'],
  [/^secret\/(?:generic-)?private-key(?:-base64)?$/, 'PRIVATE_KEY'],
  [/^secret\/huggingface-token$/, 'HF_TOKEN'],
  [/^secret\/jwt$/, 'AUTH_TOKEN'],
];

/** `spring.datasource.password`, `mongodbUri`, `$password` → `SPRING_DATASOURCE_PASSWORD`, `MONGODB_URI`, `PASSWORD`. */
export function toEnvName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toUpperCase();
}

export function isGenericName(envName: string): boolean {
  return GENERIC.has(envName) || envName.length < 3;
}

/** The provider's usual variable for a rule: `secret/openai-api-key` → `OPENAI_API_KEY`. */
export function ruleEnvName(ruleId: string): string {
  for (const [re, name] of RULE_NAMES) if (re.test(ruleId)) return name;
  return toEnvName(ruleId.replace(/^[a-z]+\//, ''));
}

export interface NameHints {
  ruleId: string;
  /** The variable, key or argument the literal is bound to. */
  bound?: string;
  /** Enclosing keys, outermost first (`["db", "primary"]` for `db.primary.password`). */
  parents?: string[];
  /** The value is the password inside a connection string or URL bound to `bound`. */
  passwordOfUrl?: boolean;
}

/** The name to store a value under, before collisions are resolved. */
export function envNameFor(h: NameHints): string {
  const bound = h.bound ? toEnvName(lastSegment(h.bound)) : '';
  if (h.passwordOfUrl) {
    const stem = bound.replace(/_?(?:DATABASE_URL|URL|URI|DSN|CONNECTION_STRING|CONN_STR|CONNSTR|CONNECTION|ADDRESSES|ADDRESS|DATA_SOURCE_NAME|DATA_SOURCE|DATASOURCE)$/, '');
    if (stem && !isGenericName(stem)) return `${stem === 'DATABASE' ? 'DB' : stem}_PASSWORD`;
    const parent = meaningfulParent(h.parents);
    return parent ? `${parent}_PASSWORD` : ruleEnvName(h.ruleId);
  }
  if (bound && !isGenericName(bound) && bound.length <= 64) return bound;
  const rule = ruleEnvName(h.ruleId);
  const providerRule = !/^secret\/generic-/.test(h.ruleId);
  if (bound) {
    if (providerRule) return rule;
    const parent = meaningfulParent(h.parents);
    return parent ? `${parent}_${bound}` : bound;
  }
  return rule;
}

function lastSegment(name: string): string {
  // `self.api_key`, `this.password`, `config["db"]["password"]`: the last part names the value.
  const parts = name.split(/[.[\]'"]+/).filter(Boolean);
  const last = parts[parts.length - 1] ?? name;
  return parts.length > 1 && /^(?:self|this|config|settings|options|env|cfg|conf|app)$/i.test(parts[parts.length - 2]) ? last : parts.length > 1 ? parts.slice(-2).join('_') : last;
}

function meaningfulParent(parents: string[] | undefined): string | undefined {
  for (let i = (parents?.length ?? 0) - 1; i >= 0; i--) {
    const p = toEnvName(parents![i]);
    if (p && !EMPTY_PARENTS.has(p) && !/^\d+$/.test(parents![i]) && p.length <= 40) return p;
  }
  return undefined;
}

/** GitHub refuses secret names that start with `GITHUB_`. */
export function actionsSecretName(envName: string): string {
  return envName.startsWith('GITHUB_') ? `GH_${envName.slice('GITHUB_'.length)}` : envName;
}

/**
 * The value is the password inside a URL or connection string: `scheme://user:` or `user:` before it
 * and `@` after it, or `password=` / `pwd=` before it.
 */
export function isPasswordPart(before: string, after: string): boolean {
  return ((/[\w.%~+-]:$/.test(before) || /(?:^|[:\s"'])[\w.-]+\/$/.test(before)) && after.startsWith('@')) || /(?:^|[;&?\s,])(?:password|pwd|passwd)\s*=\s*$/i.test(before);
}
