// Passwords in connection strings: database URLs, JDBC, ADO.NET/ODBC, and any URL with basic auth.
// For URLs the reported value is the password alone. Runs last: a provider token used as a URL
// password (a GitHub token in a clone URL) is reported by its own format first.
import { LONG_LIVED, type Candidate, type SecretFormat } from '../format';
import { assessValue } from '../noise';
import { plausible, rejected, type Check } from '../validators';

const OWASP_DB = 'https://cheatsheetseries.owasp.org/cheatsheets/Database_Security_Cheat_Sheet.html';
const OWASP_SECRETS = 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html';

/** userinfo characters: no whitespace, quotes, angle brackets, or URL delimiters. */
const USER = String.raw`[^\s:@/?#"'<>\\]`;
/** A password may hold an unencoded `@`, `:` or `#` (`p@ss#w0rd`): it runs to the last `@` before the host. */
const PASSWORD = String.raw`[^\s/?"'<>\\]`;
const HOST = String.raw`(?<host>[\w.-]{1,253}|\[[0-9A-Fa-f:]{2,45}\])`;
const LOCAL_HOST = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|0\.0\.0\.0|\[::1?\]|host\.docker\.internal)$/i;
const DOCUMENTATION_HOST = /(?:^|\.)example\.(?:com|org|net)$|\.(?:example|test|invalid)$/i;

/** A URL whose scheme is one of `schemes`: user (maybe empty), password, host. The lookbehind starts matching at `://`. */
function urlWithPassword(schemes: string, userMin = 0, passwordMin = 1): RegExp {
  return new RegExp(
    String.raw`(?<=(?<![\w+.-])(?<scheme>${schemes}))://(?<user>${USER}{${userMin},128}):(?<secret>${PASSWORD}{${passwordMin},256})@${HOST}`,
    'i',
  );
}

/**
 * Drops documentation hosts and default local credentials (`guest:guest@localhost`); any other
 * password for a local development host is reported as low.
 */
function checkUrlHost(value: string, { groups }: Pick<Candidate, 'groups'>): Check {
  const host = groups.host ?? '';
  if (DOCUMENTATION_HOST.test(host)) return rejected('documentation host');
  if (!LOCAL_HOST.test(host)) return plausible(`host ${host}`);
  return groups.user === value ? rejected('default credentials of a local service') : plausible(`local development host ${host}`, 'low');
}

/** Reads `key=value` from an ADO.NET/ODBC connection string (the first key that is present). */
function connectionSetting(line: string, keys: string): string | undefined {
  // Stops at white space too: a libpq DSN (`host=db user=app password=…`) separates settings with spaces.
  return new RegExp(`(?:^|[;"'\\s])\\s{0,3}(?:${keys})\\s{0,3}=\\s{0,3}([^;"'\\s]{0,200})`, 'i').exec(line)?.[1]?.trim();
}

/** The connection string's own user and server decide like a URL's: documentation hosts and `test`/`test` on localhost are not findings. */
function checkConnectionString(value: string, { line }: Pick<Candidate, 'line'>): Check {
  const server = connectionSetting(line, 'server|data source|host|address|addr') ?? '';
  const host = server.replace(/^tcp:/i, '').replace(/[,:].*$/, '').replace(/\\.*$/, '');
  const user = connectionSetting(line, 'user id|uid|user|username');
  return checkUrlHost(value, { groups: { host, user } });
}

/** A password typed on a command line is judged like a generic one: `-proot`, `-p$VAR`, `-pchangeme` are not secrets. */
function checkCommandLinePassword(value: string): Check {
  const verdict = assessValue(value, 'password', true);
  return verdict.credible ? plausible() : rejected(verdict.reason);
}

/** PostgreSQL stores `md5…` and `SCRAM-SHA-256$…` hashes where a password may stand: those are not secrets to rotate. */
function checkNotPasswordHash(value: string): Check {
  return /^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$)/.test(value) ? rejected('a password hash, not the password') : plausible();
}

function databaseUrl(id: string, title: string, schemes: string, keywords: string[]): SecretFormat {
  return {
    id,
    title: `${title} URL password`,
    provider: title,
    keywords,
    pattern: urlWithPassword(`(?:${schemes})(?:\\+[a-z0-9]{1,20})?`),
    context: { pattern: new RegExp(`(?:${schemes})(?:\\+[a-z0-9]{1,20})?://`, 'i'), lines: 0, required: true, what: `the ${title} URL scheme` },
    validate: checkUrlHost,
    proves: false,
    severity: 'high',
    docsUrl: OWASP_DB,
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  };
}

export const DATABASE_FORMATS: SecretFormat[] = [
  // Scheme aliases of dj-database-url, Rails and SQLAlchemy: postgis, pgsql, timescale, cockroachdb, redshift.
  databaseUrl('postgres-url-password', 'PostgreSQL', 'postgres(?:ql)?|pgsql|postgis|timescale(?:gis)?|cockroach(?:db)?|redshift', ['postgres', 'pgsql', 'postgis', 'timescale', 'cockroach', 'redshift']),
  databaseUrl('mysql-url-password', 'MySQL / MariaDB', 'mysql(?:2|x|gis)?|mariadb|trilogy', ['mysql', 'mariadb', 'trilogy']),
  databaseUrl('mongodb-url-password', 'MongoDB', 'mongodb(?:\\+srv)?', ['mongodb']),
  databaseUrl('redis-url-password', 'Redis', 'rediss?', ['redis']),
  databaseUrl('amqp-url-password', 'AMQP (RabbitMQ)', 'amqps?', ['amqp']),
  databaseUrl('sqlserver-url-password', 'SQL Server', 'mssql|sqlserver', ['mssql', 'sqlserver']),
  {
    id: 'jdbc-url-password',
    title: 'JDBC URL password',
    provider: 'JDBC',
    keywords: ['jdbc:'],
    pattern: /jdbc:[a-z0-9]{2,20}:[^\s"'<>]{0,300}?[;?&](?:password|pwd)=(?<secret>[^;&\s"'<>]{1,128})/i,
    context: { pattern: /jdbc:/i, lines: 0, required: true, what: 'a JDBC URL' },
    severity: 'high',
    docsUrl: OWASP_DB,
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
  {
    id: 'jdbc-oracle-password',
    title: 'Oracle JDBC URL password',
    provider: 'Oracle Database',
    keywords: ['jdbc:oracle:'],
    pattern: /jdbc:oracle:(?:thin|oci):(?<user>[\w.$#-]{1,64})\/(?<secret>[^@\s"'/<>]{1,128})@/i,
    context: { pattern: /jdbc:oracle:/i, lines: 0, required: true, what: 'an Oracle JDBC URL' },
    severity: 'high',
    docsUrl: 'https://docs.oracle.com/en/database/oracle/oracle-database/23/jajdb/oracle/jdbc/OracleDriver.html',
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
  {
    id: 'connection-string-password',
    title: 'ADO.NET / ODBC connection string password',
    provider: 'ADO.NET',
    keywords: ['password=', 'pwd=', 'password =', 'pwd ='],
    // A libpq DSN separates settings with spaces (`password=… dbname=app`): the value ends before the next `key=`.
    pattern: /(?<![\w-])(?:password|pwd)\s{0,3}=\s{0,3}(?<secret>[^;"'\r\n<>]{1,128}?)\s{0,3}(?=[;"']|$|\s[a-z_]{2,20}\s{0,3}=)/im,
    context: {
      pattern: /(?:server|data source|host|address|addr|initial catalog|database|dsn)\s{0,3}=[^;\r\n]{1,200};/i,
      lines: 0,
      required: true,
      what: 'a Server=/Data Source= connection string',
    },
    validate: checkConnectionString,
    proves: false,
    severity: 'high',
    docsUrl: 'https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-strings',
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
  {
    id: 'redis-connection-password',
    title: 'Redis connection string password (StackExchange.Redis)',
    provider: 'Redis',
    keywords: ['password='],
    pattern: /[,;]\s{0,2}password\s{0,2}=(?<secret>[^,;"'\s<>]{1,256})/i,
    context: { pattern: /redis|abortconnect/i, lines: 0, required: true, what: 'a Redis host or option' },
    severity: 'high',
    docsUrl: 'https://stackexchange.github.io/StackExchange.Redis/Configuration.html',
    rotationUrl: 'https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-keys',
    tags: LONG_LIVED,
  },
  {
    id: 'sql-password',
    title: 'Password in a SQL statement',
    provider: 'SQL',
    keywords: ['password', 'identified by'],
    pattern: /\b(?:CREATE|ALTER)\s{1,5}(?:ROLE|USER|LOGIN)\b[^;]{0,200}?\b(?:PASSWORD|IDENTIFIED\s{1,5}BY)\s{0,3}=?\s{0,3}[N]?'(?<secret>[^'\r\n]{1,128})'/i,
    context: { pattern: /\b(?:CREATE|ALTER)\s{1,5}(?:ROLE|USER|LOGIN)\b/i, lines: 0, required: true, what: 'a CREATE/ALTER ROLE, USER or LOGIN statement' },
    validate: checkNotPasswordHash,
    proves: false,
    severity: 'high',
    docsUrl: 'https://www.postgresql.org/docs/current/sql-createrole.html',
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
  {
    id: 'mysql-dsn-password',
    title: 'Password in a Go MySQL DSN',
    provider: 'MySQL',
    keywords: ['@tcp(', '@unix(', '@('],
    pattern: /(?<![\w.-])(?<user>[\w.-]{1,64}):(?<secret>[^\s"'/]{1,128}?)@(?:tcp|unix)?\((?<host>[^()@\s"']{1,255})\)\//,
    context: { pattern: /@(?:tcp|unix)?\(/, lines: 0, required: true, what: 'a user:password@tcp(host)/ DSN' },
    validate: (value, { groups }) => checkUrlHost(value, { groups: { ...groups, host: groups.host?.replace(/:\d{1,5}$/, '') } }),
    proves: false,
    severity: 'high',
    docsUrl: 'https://github.com/go-sql-driver/mysql#dsn-data-source-name',
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
  {
    id: 'curl-basic-auth',
    title: 'Password in a curl -u argument',
    provider: 'curl',
    keywords: ['curl'],
    pattern: /\bcurl\b[^\r\n]{0,300}?\s(?:-u|--user)(?:\s{1,3}|=)["']?(?<user>[^\s:"'$]{1,64}):(?<secret>[^\s"']{1,128})/,
    context: { pattern: /\bcurl\b/, lines: 0, required: true, what: 'a curl -u user:password argument' },
    severity: 'high',
    docsUrl: 'https://curl.se/docs/manpage.html#-u',
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
  {
    id: 'cli-password',
    title: 'Password in a command-line argument',
    provider: 'Database and remote-shell clients',
    keywords: ['mysql', 'mariadb', 'mongo', 'sqlcmd', 'sshpass', 'redis-cli', 'wget'],
    // `-pSECRET` (no blank: `-p` alone prompts), `--password=SECRET`, mongosh `-p SECRET`, sqlcmd
    // `-P SECRET`, `sshpass -p SECRET`, `redis-cli -a SECRET`, wget `--http-password=SECRET`.
    pattern:
      /\b(?:(?:mysql(?:dump|admin|import|check|sh)?|mariadb(?:-dump|-admin)?)\b[^\r\n|;&]{0,300}?\s(?:-p|--password=)|mongo(?:sh|dump|restore|import|export|stat|top)?\b[^\r\n|;&]{0,300}?\s(?:-p\s{1,3}|--password[=\s]\s{0,2})|sqlcmd\b[^\r\n|;&]{0,300}?\s-P\s{0,3}|sshpass\s{1,3}-p\s{0,3}|redis-cli\b[^\r\n|;&]{0,300}?\s-a\s{1,3}|wget\b[^\r\n|;&]{0,300}?\s--(?:http-|ftp-|proxy-)?password=)["']?(?!-)(?<secret>[^\s"'$`;|&\\]{1,128})/,
    context: { pattern: /\b(?:mysql|mariadb|mongo|sqlcmd|sshpass|redis-cli|wget)/, lines: 0, required: true, what: 'a password option of a database or remote-shell client' },
    validate: checkCommandLinePassword,
    proves: false,
    severity: 'high',
    docsUrl: 'https://dev.mysql.com/doc/refman/8.4/en/password-security-user.html',
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
  {
    id: 'docker-login-password',
    title: 'Password in a docker login command',
    provider: 'Docker',
    keywords: ['docker login'],
    pattern: /\bdocker\s{1,3}login\b[^\r\n]{0,300}?\s(?:-p|--password)(?:\s{1,3}|=)["']?(?<secret>[^\s"']{1,128})/,
    context: { pattern: /\bdocker\s{1,3}login\b/, lines: 0, required: true, what: 'a docker login -p argument' },
    severity: 'high',
    docsUrl: 'https://docs.docker.com/reference/cli/docker/login/',
    rotationUrl: 'https://docs.docker.com/security/for-developers/access-tokens/',
    tags: LONG_LIVED,
  },
  {
    id: 'pgpass-password',
    title: 'Password in a .pgpass file',
    provider: 'PostgreSQL',
    keywords: [],
    paths: /(?:^|[\\/])\.pgpass$/,
    pattern: /^(?<host>[^:\s#]{1,253}):(?:[0-9]{1,5}|\*):[^:\s]{1,63}:(?<user>[^:\s]{1,63}):(?<secret>\S{1,128})$/m,
    context: { pattern: /^[^:\s#]{1,253}:(?:[0-9]{1,5}|\*):/, lines: 0, required: true, what: 'a .pgpass host:port:database:user entry' },
    validate: checkUrlHost,
    proves: false,
    severity: 'high',
    docsUrl: 'https://www.postgresql.org/docs/current/libpq-pgpass.html',
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
  {
    id: 'pgbouncer-userlist-password',
    title: 'Password in a PgBouncer userlist',
    provider: 'PgBouncer',
    keywords: [],
    paths: /(?:^|[\\/])userlist\.txt$/,
    pattern: /^"(?<user>[^"\s]{1,63})"\s{1,5}"(?<secret>[^"\r\n]{1,256})"/m,
    context: { pattern: /^"[^"\s]{1,63}"\s{1,5}"/, lines: 0, required: true, what: 'a "user" "password" userlist entry' },
    validate: checkNotPasswordHash,
    proves: false,
    severity: 'high',
    docsUrl: 'https://www.pgbouncer.org/config.html#authentication-file-format',
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
  {
    id: 'url-basic-auth',
    title: 'URL password (basic auth)',
    provider: 'URL',
    keywords: ['://'],
    // Any scheme: one- and two-character passwords here are documentation (`https://a:b@host`).
    pattern: urlWithPassword('[a-z][a-z0-9+.-]{1,20}', 1, 3),
    shape: 'the password of user:password@host in a URL',
    validate: checkUrlHost,
    proves: false,
    severity: 'medium',
    docsUrl: 'https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1',
    rotationUrl: OWASP_SECRETS,
    tags: LONG_LIVED,
  },
];
