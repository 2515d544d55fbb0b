// Whether a name (variable, key, argument, header, environment variable) says that its value is a secret.

export type SecretKind = 'password' | 'api-key' | 'token' | 'secret' | 'private-key' | 'connection-string';

export interface NameClass {
  kind: SecretKind;
  /** True when the name alone says "credential"; false for vaguer names (`auth`, `credentials`, `foo_key`). */
  strong: boolean;
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'pass', 'pw', 'passcode', 'pswd', 'pword']);
const HEAD_WORDS = new Set([...PASSWORD_WORDS, 'token', 'secret', 'key', 'apikey', 'auth', 'authorization', 'credential', 'credentials', 'creds', 'cred', 'dsn', 'connstr', 'connectionstring']);

/** Words before `key` that make it an API key; the provider names make it strong too. */
const API_KEY_QUALIFIERS = new Set([
  'api', 'access', 'app', 'application', 'client', 'subscription', 'license', 'licence', 'service', 'account',
  'consumer', 'admin', 'auth', 'developer', 'dev', 'master', 'management', 'ingest', 'ingestion', 'write', 'read',
  'rest', 'server', 'user', 'project', 'instrumentation', 'routing', 'integration', 'publishable', 'restricted', 'live', 'prod', 'production',
  'stripe', 'sendgrid', 'mailgun', 'mailchimp', 'openai', 'anthropic', 'google', 'gcp', 'firebase', 'maps', 'algolia',
  'twilio', 'slack', 'github', 'gitlab', 'datadog', 'dd', 'newrelic', 'sentry', 'segment', 'mapbox', 'pusher',
  'azure', 'aws', 'storage', 'cohere', 'mistral', 'groq', 'gemini', 'huggingface', 'hf', 'pinecone', 'supabase',
  'shopify', 'paypal', 'braintree', 'square', 'postmark', 'resend', 'brevo', 'hubspot', 'airtable', 'notion',
  'openrouter', 'replicate', 'deepseek', 'xai', 'perplexity', 'elevenlabs', 'vercel', 'netlify', 'heroku',
  'cloudflare', 'cf', 'digitalocean', 'linode', 'vultr', 'npm', 'pypi', 'docker', 'bot', 'webhook',
  // More providers whose keys are often bare UUIDs or hex, named `<provider>Key`.
  'opsgenie', 'pagerduty', 'bugsnag', 'rollbar', 'honeycomb', 'honeybadger', 'raygun', 'airbrake', 'launchdarkly',
  'logdna', 'loggly', 'logz', 'sumologic', 'splunk', 'dynatrace', 'lightstep', 'grafana', 'posthog', 'mixpanel',
  'amplitude', 'rudderstack', 'hotjar', 'fullstory', 'logrocket', 'postman', 'rapidapi', 'bitly', 'contentful',
  'storyblok', 'prismic', 'cloudinary', 'uploadcare', 'imgix', 'dropbox', 'asana', 'trello', 'jira', 'atlassian',
  'clickup', 'zendesk', 'intercom', 'freshdesk', 'klaviyo', 'customerio', 'sendinblue', 'mailjet', 'sparkpost',
  'mandrill', 'vonage', 'nexmo', 'plivo', 'telnyx', 'messagebird', 'sinch', 'coinbase', 'binance', 'plaid', 'adyen',
  'mollie', 'razorpay', 'paystack', 'flutterwave', 'gocardless', 'recurly', 'chargebee', 'paddle', 'snyk', 'sonar',
  'sonarqube', 'codecov', 'coveralls', 'circleci', 'buildkite', 'bitbucket', 'jfrog', 'artifactory', 'doppler',
  'infisical', 'elastic', 'typesense', 'meilisearch', 'openweather', 'openweathermap', 'mapquest', 'tomtom', 'ipinfo',
  'ipstack', 'clearbit', 'assemblyai', 'deepgram', 'tavily', 'serpapi', 'apify', 'scrapingbee', 'firecrawl',
  'browserless', 'youtube', 'twitch', 'spotify', 'etherscan', 'infura', 'alchemy', 'moralis', 'nasa', 'tmdb',
]);
/** Words before `key` that make it a signing or encryption secret. */
const SECRET_KEY_QUALIFIERS = new Set([
  'secret', 'signing', 'sign', 'signature', 'encryption', 'encrypt', 'decryption', 'crypto', 'cipher', 'aes', 'hmac',
  'jwt', 'session', 'cookie', 'csrf', 'xsrf', 'shared', 'symmetric', 'master', 'root', 'app', 'django', 'flask',
  'rails', 'laravel', 'nextauth', 'auth', 'token', 'webhook', 'salt', 'pepper', 'decrypt', 'mac',
]);
/** Words before `key` that name something that is not a credential. */
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'public', 'pub', 'primary', 'foreign', 'sort', 'partition', 'hash', 'range', 'row', 'cache', 'idempotency', 'lookup',
  'map', 'dict', 'object', 'unique', 'composite', 'natural', 'surrogate', 'translation', 'i18n', 'l10n', 'locale',
  'message', 'msg', 'label', 'hot', 'short', 'shortcut', 'keyboard', 'react', 'list', 'item', 'query', 'cursor',
  'group', 'sorting', 'index', 'column', 'field', 'property', 'prop', 'attribute', 'attr', 'registry', 'state',
  'storage', 'local', 'redis', 'bucket', 'route', 'menu', 'nav', 'tab', 'row', 'ssh', 'gpg', 'pgp', 'host', 'known',
  'verification', 'verify', 'license', 'product', 'dedup', 'dedupe', 'join', 'entry', 'config', 'setting',
  'settings', 'env', 'option', 'options', 'json', 'yaml', 'name', 'id', 'type', 'data', 'value', 'values', 'event',
  'metric', 'tag', 'label', 'trace', 'span', 'log', 'feature', 'flag', 'experiment', 'mapping', 'next', 'prev',
  'previous', 'parent', 'child', 'old', 'new', 'default', 'custom', 'search', 'filter', 'track', 'music', 'piano',
]);

/** Words after the secret word that make the name about the secret, not the secret itself. */
const METADATA_WORDS = new Set([
  'name', 'names', 'id', 'ids', 'uuid', 'url', 'urls', 'uri', 'endpoint', 'endpoints', 'host', 'path', 'paths', 'file',
  'files', 'filename', 'filepath', 'dir', 'directory', 'folder', 'location', 'len', 'length', 'min', 'max', 'minimum',
  'maximum', 'size', 'count', 'counts', 'num', 'number', 'type', 'types', 'kind', 'field', 'fields', 'label', 'labels',
  'placeholder', 'hint', 'hints', 'prompt', 'message', 'messages', 'msg', 'text', 'title', 'description', 'desc',
  'help', 'tooltip', 'error', 'errors', 'regex', 'regexp', 'pattern', 'patterns', 'policy', 'policies', 'rule', 'rules',
  'criteria', 'requirements', 'complexity', 'entropy', 'strength', 'score', 'expiry', 'expires', 'expire',
  'expiration', 'expired', 'exp', 'ttl', 'timeout', 'lifetime', 'lifespan', 'duration', 'interval', 'age', 'at',
  'date', 'time', 'timestamp', 'header', 'headers', 'param', 'params', 'parameter', 'parameters', 'prefix', 'prefixes',
  'suffix', 'format', 'formats', 'version', 'versions', 'arn', 'arns', 'ref', 'refs', 'reference', 'env', 'var',
  'vars', 'variable', 'store', 'storage', 'manager', 'mgr', 'provider', 'providers', 'service', 'vault', 'keyvault',
  'backend', 'engine', 'mount', 'hash', 'hashed', 'hasher', 'digest', 'salt', 'sha', 'sha1', 'sha256', 'md5',
  'bcrypt', 'argon2', 'pbkdf2', 'scrypt', 'encrypted', 'enc', 'reset', 'resets', 'changed', 'change', 'required',
  'require', 'enabled', 'enable', 'disabled', 'visible', 'visibility', 'hidden', 'show', 'shown', 'toggle',
  'validator', 'validators', 'validation', 'valid', 'invalid', 'verifier', 'challenge', 'rotation', 'rotated',
  'revoked', 'revocation', 'mode', 'input', 'inputs', 'form', 'selector', 'class', 'classname', 'style', 'styles',
  'icon', 'button', 'btn', 'link', 'column', 'columns', 'col', 'index', 'position', 'offset', 'limit', 'limits',
  'source', 'sources', 'generator', 'factory', 'callback', 'handler', 'helper', 'util', 'utils', 'request',
  'response', 'cache', 'alias', 'schema', 'spec', 'scope', 'scopes', 'audience', 'issuer', 'algorithm', 'alg',
  'algo', 'encoding', 'charset', 'created', 'updated', 'issued', 'usage', 'used', 'quota', 'budget', 'price', 'cost',
  'costs', 'category', 'method', 'methods', 'strategy', 'mask', 'masked', 'display', 'flag', 'flags', 'option',
  'options', 'config', 'configuration', 'settings', 'template', 'status', 'state', 'event', 'events', 'window',
  'list', 'lists', 'set', 'map', 'dict', 'table', 'tables', 'property', 'attribute', 'attr', 'keys', 'class',
  'module', 'bits', 'holder', 'owner', 'exists', 'present', 'missing', 'provided', 'supplied', 'stats', 'refresh',
  'server', 'client', 'api', 'role', 'roles', 'permission', 'permissions', 'grant', 'grants', 'ui', 'view', 'page',
  'screen', 'dialog', 'modal', 'route', 'routes', 'controller', 'action', 'component', 'test', 'tests', 'mock',
  'stub', 'fixture', 'example', 'sample', 'demo', 'doc', 'docs', 'autocomplete', 'sent', 'confirmed', 'verified',
  'attempts', 'retries', 'tries', 'login', 'logout', 'secrets', 'tokens', 'passwords', 'credentials', 'length',
  'flow', 'flows', 'claims', 'claim', 'entity', 'entities', 'logger', 'binding', 'bindings', 'constant',
  'constants', 'algorithms', 'popup', 'redirect', 'silent', 'plugin', 'plugins', 'model', 'models', 'exception',
  'result', 'results', 'info', 'details', 'payload', 'expected', 'changed', 'count', 'counter', 'context', 'ctx',
  'chars', 'characters', 'char', 'alphabet', 'symbols', 'digits',
]);
/** Words after the secret word that keep it a secret (`password_value`, `api_key_v2`, `secret_access_key`). */
const VALUE_WORDS = new Set([
  'value', 'val', 'str', 'string', 'raw', 'plain', 'plaintext', 'literal', 'bytes', 'b', 'base', 'prod', 'production',
  'dev', 'development', 'staging', 'stage', 'live', 'local', 'confirm', 'confirmation', 'again', 'repeat', 'override',
  'v', 'new', 'old', 'current', 'primary', 'secondary', 'backup', 'fallback',
  // A secret kept in pieces (`appSecretParts = ['…', '…']`), joined where it is used.
  'parts', 'chunks', 'pieces', 'segments', 'fragments', 'halves',
]);

/** Words before the secret word that make the name about something else (`max_tokens`, `forgot_password`, `is_secret`). */
const NON_SECRET_PREFIXES = new Set([
  'max', 'min', 'num', 'number', 'total', 'count', 'is', 'has', 'use', 'uses', 'using', 'show', 'hide', 'enable',
  'enabled', 'disable', 'require', 'requires', 'required', 'should', 'can', 'allow', 'allows', 'allowed', 'validate',
  'validates', 'valid', 'invalid', 'check', 'forgot', 'forget', 'lost', 'no', 'non', 'skip', 'ignore', 'without',
  'get', 'fetch', 'load', 'read', 'find', 'lookup', 'parse', 'generate', 'gen', 'create', 'make', 'build', 'hash',
  'hashed', 'verify', 'compare', 'encrypt', 'decrypt', 'encode', 'decode', 'mask', 'redact', 'print', 'log', 'on',
  'handle', 'toggle', 'rotate', 'revoke', 'expire', 'expired', 'expires', 'refresh', 'request', 'send', 'keyboard',
  'hot', 'short', 'public', 'pub', 'primary', 'foreign', 'sort', 'partition', 'unique', 'input', 'prompt', 'label',
  'placeholder', 'i18n', 'l10n', 'msg', 'message', 'text', 'title', 'aria', 'error', 'err', 'wrong', 'bad', 'weak',
  'strong', 'empty', 'missing', 'length', 'len', 'field', 'form', 'type', 'kind', 'mode', 'css', 'class', 'icon',
  'button', 'btn', 'link', 'reset', 'change', 'update', 'set', 'was', 'last', 'fake', 'mock', 'dummy', 'example',
  'sample', 'test', 'demo', 'display', 'visible', 'template', 'next', 'page', 'pagination', 'continuation', 'cursor',
  'csrf', 'xsrf', 'lex', 'lexer', 'parser', 'syntax', 'design', 'color', 'colour', 'theme', 'font', 'spacing',
  'animation', 'style', 'eof', 'bos', 'eos', 'pad', 'unk', 'sep', 'cls', 'special', 'acquire', 'obtain', 'issue',
  'exchange', 'retrieve', 'extract', 'introspect', 'renew', 'resolve', 'fill', 'clear', 'delete', 'remove', 'add',
  'with', 'to', 'from', 'by', 'for', 'of', 'as', 'if', 'when',
]);
/** Whole words that contain a secret word yet never name a secret. */
const NEVER_SECRET = new Set([
  'tokenizer', 'tokenizers', 'tokenize', 'tokenized', 'tokenization', 'keyboard', 'keyword', 'keywords', 'keyframe',
  'keyframes', 'keystroke', 'keystrokes', 'keypress', 'keydown', 'keyup', 'keypair', 'keymap', 'keyof', 'author',
  'authors', 'authority', 'authorities', 'authored', 'passenger', 'passengers', 'passage', 'bypass', 'compass',
  'passive', 'passthrough', 'passport', 'passed', 'passes', 'passing', 'surpass', 'secretary', 'secretion',
  'monkey', 'donkey', 'turkey', 'hockey', 'jockey', 'whiskey', 'pwa',
]);

const COMPOUND_SUFFIXES = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'secretkey', 'privatekey', 'accesskey', 'pwd'];

/** Splits `dbPassword`, `DB_PASSWORD`, `x-api-key`, `spring.datasource.password`, `APIKey` into lower-case words. */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  for (const part of name.split(/[^A-Za-z0-9]+/)) {
    if (!part) continue;
    const spaced = part
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/([A-Za-z])(\d+)$/, '$1 $2');
    for (const w of spaced.split(' ')) if (w) words.push(...splitCompound(w.toLowerCase()));
  }
  return words;
}

/** `dbpassword` → `db password`, `accesstoken` → `access token`: only for words written without separators. */
function splitCompound(word: string): string[] {
  if (HEAD_WORDS.has(word) || NEVER_SECRET.has(word)) return [word];
  for (const suffix of COMPOUND_SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const rest = word.slice(0, -suffix.length);
      const head = suffix === 'apikey' ? ['api', 'key'] : suffix.endsWith('key') && suffix !== 'apikey' ? [suffix.slice(0, -3), 'key'] : [suffix];
      return [...splitCompound(rest), ...head];
    }
  }
  if (word === 'apikey') return ['api', 'key'];
  if (word.length > 3 && (word.endsWith('secretkey') || word.endsWith('privatekey'))) return [word];
  return [word];
}

const MEMO_LIMIT = 16384;
const memo = new Map<string, NameClass | null>();

/** Classifies a name: which kind of secret it names, or null when it names none. */
export function classifyName(name: string): NameClass | null {
  let found = memo.get(name);
  if (found === undefined) {
    found = classify(name);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(name, found);
  }
  return found;
}

function classify(name: string): NameClass | null {
  // Package names (`@scope/secretlint-rule-1password`) and paths are not variables.
  if (name.length > 120 || /\w\/\w/.test(name)) return null;
  const words = splitWords(name);
  if (words.length === 0 || words.length > 12) return null;
  if (words.some((w) => NEVER_SECRET.has(w))) return null;
  if (isConnectionName(words)) return { kind: 'connection-string', strong: true };

  let head = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (HEAD_WORDS.has(words[i]) && !(words[i] === 'key' && i > 0 && words[i - 1] === 'primary')) {
      head = i;
      break;
    }
  }
  if (head === -1) return null;
  const after = words.slice(head + 1);
  if (after.some((w) => METADATA_WORDS.has(w))) return null;
  const before = words.slice(0, head);
  // `refresh_token` names a flow's value; `REFRESH_SECRET` signs refresh tokens and is a secret.
  if (before.some((w) => NON_SECRET_PREFIXES.has(w) && !(w === 'refresh' && words[head] !== 'token'))) return null;
  const found = kindOf(words[head], before);
  // `token_gh`: still the secret, but the name no longer ends with what it holds; with more words
  // after it (`AuthDOMGetSupportedContracts`), the name is about something else.
  const unknownAfter = after.filter((w) => !VALUE_WORDS.has(w) && !/^\d+$/.test(w)).length;
  if (unknownAfter >= 2) return null;
  return found && unknownAfter ? { ...found, strong: false } : found;
}

function kindOf(headWord: string, before: string[]): NameClass | null {
  const prev = before[before.length - 1];
  if (PASSWORD_WORDS.has(headWord)) {
    // `pass` and `pw` alone are too short to be sure (`pass` is also a verb and a football move).
    const short = headWord === 'pass' || headWord === 'pw';
    return { kind: 'password', strong: !short || before.length > 0 };
  }
  if (headWord === 'token') return { kind: 'token', strong: true };
  if (headWord === 'secret') return { kind: 'secret', strong: true };
  if (headWord === 'apikey') return { kind: 'api-key', strong: true };
  if (headWord === 'auth' || headWord === 'authorization') return { kind: 'token', strong: false };
  if (headWord === 'credential' || headWord === 'credentials' || headWord === 'creds' || headWord === 'cred') {
    return { kind: 'secret', strong: false };
  }
  if (headWord === 'dsn' || headWord === 'connstr' || headWord === 'connectionstring') return { kind: 'connection-string', strong: true };
  // headWord === 'key'
  if (!prev) return null;
  if (prev === 'private' || prev === 'priv') return { kind: 'private-key', strong: true };
  if (before.includes('secret') || before.includes('token')) return { kind: 'secret', strong: true };
  if (SECRET_KEY_QUALIFIERS.has(prev)) return { kind: 'secret', strong: true };
  if (API_KEY_QUALIFIERS.has(prev)) return { kind: 'api-key', strong: true };
  if (PASSWORD_WORDS.has(prev)) return { kind: 'password', strong: true };
  if (NON_SECRET_KEY_QUALIFIERS.has(prev) || /^\d/.test(prev)) return null;
  return { kind: 'api-key', strong: false };
}

function isConnectionName(words: string[]): boolean {
  const last = words[words.length - 1];
  const prev = words[words.length - 2];
  if (last === 'dsn' || last === 'connstr' || last === 'connectionstring') return true;
  if (last === 'string' && (prev === 'connection' || prev === 'conn')) return true;
  if ((last === 'url' || last === 'uri') && prev !== undefined) {
    return ['database', 'db', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'amqp', 'rabbitmq', 'broker', 'jdbc', 'sql', 'mssql', 'connection', 'conn', 'datasource', 'celery', 'cache', 'sqlalchemy'].includes(prev);
  }
  return false;
}
