// Key material without a provider: PEM/OpenSSH/PGP/PuTTY private keys, age keys, JSON Web Tokens.
import { base64Token, JWT_SOURCE, LONG_LIVED, pemBlockSource, SHORT_LIVED, token, type Candidate, type SecretFormat } from '../format';
import { checkBase64PrivateKey, checkBech32, checkJwt, checkPrivateKeyBlock, proven, type Check } from '../validators';

const SECRETS_CHEAT_SHEET = 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html';
/** Between PEM header and footer: base64, line breaks, `\n` escapes, and the quotes and `+` of concatenated strings. */
const PEM_IN_CODE = String.raw`A-Za-z0-9+/=\\\s"',`;

const checkPemBlock = (_value: string, { groups }: Candidate): Check => checkPrivateKeyBlock(groups.block ?? '');

export const KEY_FORMATS: SecretFormat[] = [
  {
    id: 'private-key',
    title: 'Private key',
    provider: 'PEM / OpenSSH',
    keywords: ['private key-----'],
    pattern: new RegExp(pemBlockSource('(?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY', PEM_IN_CODE)),
    validate: checkPemBlock,
    highlightMatch: true,
    multiline: true,
    severity: 'critical',
    docsUrl: 'https://datatracker.ietf.org/doc/html/rfc7468',
    rotationUrl: SECRETS_CHEAT_SHEET,
    tags: LONG_LIVED,
  },
  {
    id: 'private-key-base64',
    title: 'Private key (base64-encoded PEM)',
    provider: 'PEM',
    keywords: ['ls0tls1crudjti'],
    pattern: base64Token('LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,12000}={0,2}'),
    validate: checkBase64PrivateKey,
    severity: 'critical',
    docsUrl: 'https://kubernetes.io/docs/concepts/configuration/secret/#tls-secrets',
    rotationUrl: SECRETS_CHEAT_SHEET,
    tags: LONG_LIVED,
  },
  {
    id: 'pgp-private-key',
    title: 'PGP private key block',
    provider: 'OpenPGP',
    keywords: ['pgp private key block'],
    pattern: new RegExp(pemBlockSource('PGP PRIVATE KEY BLOCK', PEM_IN_CODE)),
    validate: checkPemBlock,
    highlightMatch: true,
    multiline: true,
    severity: 'critical',
    docsUrl: 'https://datatracker.ietf.org/doc/html/rfc4880#section-6.2',
    rotationUrl: 'https://www.gnupg.org/documentation/manuals/gnupg/OpenPGP-Key-Management.html',
    tags: LONG_LIVED,
  },
  {
    id: 'putty-private-key',
    title: 'PuTTY private key',
    provider: 'PuTTY',
    keywords: ['putty-user-key-file-'],
    pattern: /PuTTY-User-Key-File-[23]: [\w.@-]{3,40}\r?\nEncryption: (?<encryption>[\w-]{1,30})[\s\S]{0,3000}?Private-Lines: [0-9]{1,3}\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{40,8000}?)\r?\nPrivate-MAC: [0-9a-f]{40,64}/,
    validate: (_value, { groups }): Check =>
      groups.encryption === 'none'
        ? proven('PuTTY key file with private lines, not encrypted')
        : proven(`PuTTY key file with private lines, encrypted (${groups.encryption})`, 'medium'),
    highlightMatch: true,
    multiline: true,
    severity: 'critical',
    docsUrl: 'https://the.earth.li/~sgtatham/putty/0.81/htmldoc/AppendixC.html',
    rotationUrl: SECRETS_CHEAT_SHEET,
    tags: LONG_LIVED,
  },
  {
    id: 'age-secret-key',
    title: 'age secret key',
    provider: 'age',
    keywords: ['age-secret-key-1'],
    pattern: token('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'),
    validate: checkBech32,
    severity: 'critical',
    docsUrl: 'https://github.com/FiloSottile/age#readme',
    rotationUrl: 'https://github.com/FiloSottile/age#readme',
    tags: LONG_LIVED,
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'JWT',
    keywords: ['eyj'],
    pattern: token(JWT_SOURCE),
    context: {
      pattern: /token|secret|bearer|auth|api[_-]?key|password|credential|session|cookie/i,
      lines: 0,
      required: false,
      what: 'a token, secret or Authorization name',
    },
    validate: (value, { inContext }) => checkJwt(value, inContext),
    severity: 'medium',
    docsUrl: 'https://datatracker.ietf.org/doc/html/rfc7519',
    rotationUrl: 'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html',
    tags: SHORT_LIVED,
  },
];
