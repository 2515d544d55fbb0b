// Calls that take a credential, calls that read the environment, and calls that store a value
// under a name, as data. Callee parts are matched lower-cased.
import type { TreeLanguage } from '../../lang/languages';
import type { SecretKind } from '../names';

export interface Sink {
  /** Last part of the callee (`sign` in `jwt.sign`, `NetworkCredential` in `new NetworkCredential`). */
  names: readonly string[];
  /** When set, the part before must be one of these (`jwt` in `jwt.sign`). */
  qualifiers?: readonly string[];
  /** Arguments that hold a credential, by position (and by keyword, where the language has them). */
  args: readonly { index: number; kind: SecretKind; keywords?: readonly string[] }[];
  languages?: readonly TreeLanguage[];
}

export const SINKS: readonly Sink[] = [
  { names: ['stripe'], args: [{ index: 0, kind: 'api-key' }] },
  { names: ['sign', 'verify', 'encode', 'decode'], qualifiers: ['jwt', 'jsonwebtoken', 'jose', 'pyjwt', 'jwtutils'], args: [{ index: 1, kind: 'secret', keywords: ['key', 'secret'] }] },
  { names: ['hmacshakeyfor', 'hmac256', 'hmac384', 'hmac512', 'symmetricsecuritykey'], args: [{ index: 0, kind: 'secret' }] },
  { names: ['signedstring'], args: [{ index: 0, kind: 'secret' }], languages: ['go'] },
  { names: ['new'], qualifiers: ['hmac'], args: [{ index: 0, kind: 'secret' }], languages: ['python'] },
  { names: ['new'], qualifiers: ['hmac'], args: [{ index: 1, kind: 'secret' }], languages: ['go'] },
  { names: ['createhmac'], args: [{ index: 1, kind: 'secret' }] },
  { names: ['secretkeyspec'], args: [{ index: 0, kind: 'secret' }] },
  { names: ['httpbasicauth', 'httpdigestauth', 'httpproxyauth', 'basicauth', 'basic_auth', 'setbasicauth', 'withbasicauth'], args: [{ index: 1, kind: 'password' }] },
  { names: ['bearer_auth', 'setbearerauth', 'withtoken', 'bearerauth'], args: [{ index: 0, kind: 'token' }] },
  { names: ['getconnection'], qualifiers: ['drivermanager'], args: [{ index: 2, kind: 'password' }, { index: 0, kind: 'connection-string' }] },
  { names: ['networkcredential', 'usernamepasswordcredentials', 'usernamepasswordcredential', 'passwordauthentication', 'basiccredentials'], args: [{ index: 1, kind: 'password' }] },
  { names: ['basicawscredentials', 'awsstaticcredentials'], args: [{ index: 1, kind: 'secret' }] },
  { names: ['basicsessioncredentials', 'newstaticcredentials', 'newstaticcredentialsprovider'], args: [{ index: 1, kind: 'secret' }, { index: 2, kind: 'token' }] },
  { names: ['create'], qualifiers: ['awsbasiccredentials'], args: [{ index: 1, kind: 'secret' }] },
  { names: ['credentials'], qualifiers: ['aws'], args: [{ index: 1, kind: 'secret' }] },
  { names: ['clientsecretcredential'], args: [{ index: 2, kind: 'secret' }] },
  { names: ['open'], qualifiers: ['sql', 'sqlx', 'gorm'], args: [{ index: 1, kind: 'connection-string' }] },
  { names: ['open'], qualifiers: ['postgres', 'mysql', 'sqlserver'], args: [{ index: 0, kind: 'connection-string' }], languages: ['go'] },
  { names: ['connect'], qualifiers: ['pymysql', 'mysqldb', 'mysql', 'mariadb', 'connector'], args: [{ index: 2, kind: 'password' }, { index: 0, kind: 'connection-string' }] },
  { names: ['connect'], qualifiers: ['psycopg2', 'psycopg', 'asyncpg', 'mongoose', 'pg', 'mongodb', 'redis', 'amqp', 'pika', 'aiomysql', 'aiopg'], args: [{ index: 0, kind: 'connection-string' }] },
  { names: ['create_engine', 'create_async_engine', 'mongoclient', 'asynciomotorclient', 'from_url', 'sqlconnection', 'npgsqlconnection', 'mysqlconnection', 'createconnection', 'createpool'], args: [{ index: 0, kind: 'connection-string' }] },
  { names: ['sequelize'], args: [{ index: 2, kind: 'password' }, { index: 0, kind: 'connection-string' }] },
  { names: ['pdo', 'mysqli', 'mysqli_connect'], args: [{ index: 2, kind: 'password' }] },
  // Mail, FTP and directory clients that take the password positionally.
  { names: ['plainauth'], qualifiers: ['smtp'], args: [{ index: 2, kind: 'password' }], languages: ['go'] },
  { names: ['crammd5auth'], qualifiers: ['smtp'], args: [{ index: 1, kind: 'password' }], languages: ['go'] },
  { names: ['login'], args: [{ index: 1, kind: 'password', keywords: ['password', 'passwd'] }], languages: ['python', 'ruby', 'php'] },
  { names: ['ftp', 'ftp_tls'], args: [{ index: 2, kind: 'password', keywords: ['passwd'] }], languages: ['python'] },
  { names: ['new'], qualifiers: ['ftp'], args: [{ index: 2, kind: 'password' }], languages: ['ruby'] },
  { names: ['start'], qualifiers: ['smtp'], args: [{ index: 4, kind: 'password' }], languages: ['ruby'] },
  { names: ['ftp_login', 'ldap_bind'], args: [{ index: 2, kind: 'password' }], languages: ['php'] },
  { names: ['simple_bind_s', 'simple_bind'], args: [{ index: 1, kind: 'password', keywords: ['cred'] }], languages: ['python'] },
];

/** Sinks named by a common word (`login`): a candidate only where a later argument is a string literal. */
export const LATER_ARGUMENT_SINKS: ReadonlySet<string> = new Set(['login', 'ftp', 'ftp_tls', 'plainauth', 'crammd5auth']);

/** Client constructors whose options (`auth`, `pass`) name credentials even when the key alone is vague. */
export const CLIENT_CALLS: ReadonlySet<string> = new Set([
  'octokit', 'createclient', 'client', 'session', 'connect', 'createtransport', 'createconnection', 'createpool',
  'openai', 'asyncopenai', 'anthropic', 'asyncanthropic', 'redis', 'strictredis', 'mongoclient', 'pool',
  'sequelize', 'knex', 's3client', 's3', 'resource', 'axios', 'create', 'webclient', 'ftp', 'sftp', 'smtp', 'smtp_ssl',
]);

/** Calls that store a value under a name given as the first argument: `os.Setenv("DB_PASSWORD", "…")`. */
export const KEYED_CALLS: ReadonlySet<string> = new Set([
  'define', 'setenv', 'putenv', 'setproperty', 'put', 'set', 'setdefault', 'add', 'append', 'header', 'setheader',
  'set_header', 'addheader', 'add_header', 'setrequestheader', 'insert', 'with_header', 'withheader', 'setitem',
  'store', 'setvalue', 'setstring', 'putstring', 'addrequestheader', 'defaultrequestheaders',
]);

/** Prefixes of setters and builder methods whose rest names what they set: `setPassword`, `withApiKey`. */
export const SETTER_PREFIX = /^(?:set|with|use)(?=[A-Z_])_?|^(?:set|with)_/;

/** Environment lookups that take a default as their second argument or as `default=`. */
export const ENV_CALLS_WITH_DEFAULT: readonly { names: readonly string[]; qualifiers?: readonly string[] }[] = [
  { names: ['getenv'] },
  { names: ['get', 'setdefault', 'fetch', 'str'], qualifiers: ['environ', 'env'] },
  { names: ['env', 'config'] },
];

/** Environment lookups that only return the value (a default comes from `||`, `??`, `unwrap_or`). */
export const ENV_CALLS: readonly { names: readonly string[]; qualifiers?: readonly string[] }[] = [
  ...ENV_CALLS_WITH_DEFAULT,
  { names: ['getenvironmentvariable', 'lookupenv'] },
  { names: ['var', 'var_os'], qualifiers: ['env'] },
  { names: ['get'], qualifiers: ['env'] },
];

/** Objects whose members are environment variables: `process.env.X`, `ENV["X"]`, `$_ENV['X']`. */
export const ENV_OBJECTS: ReadonlySet<string> = new Set(['process.env', 'import.meta.env', 'ENV', '$_ENV', '$_SERVER', 'os.environ', 'environ', 'Deno.env', 'env']);

/** Methods that give a fallback for the value they are called on: `.unwrap_or("…")`, `.orElse("…")`. */
export const FALLBACK_METHODS: ReadonlySet<string> = new Set(['unwrap_or', 'unwrap_or_else', 'orelse', 'getorelse', 'or', 'getordefault']);

/** Functions that return their first non-empty argument: Go's `cmp.Or(os.Getenv("X"), "…")`. */
export const FIRST_NON_EMPTY: readonly { names: readonly string[]; qualifiers?: readonly string[] }[] = [
  { names: ['or'], qualifiers: ['cmp'] },
  { names: ['coalesce', 'firstnonnull', 'defaultifempty', 'defaultstring'] },
];

export function calleeMatches(segments: readonly string[], names: readonly string[], qualifiers?: readonly string[]): boolean {
  const last = segments[segments.length - 1]?.toLowerCase();
  if (!last || !names.includes(last)) return false;
  if (!qualifiers) return true;
  const prev = segments[segments.length - 2]?.toLowerCase();
  return prev !== undefined && qualifiers.includes(prev);
}

/**
 * Lower-case callee parts that make a word worth a look, for the text prefilter: every qualifier,
 * and the names that say enough on their own (`getconnection`, not `connect` or `sign`).
 */
export const SINK_WORDS: ReadonlySet<string> = new Set(
  SINKS.flatMap((s) => [...(s.qualifiers ?? []), ...s.names.filter((n) => !s.qualifiers || n.length >= 8)]),
);
