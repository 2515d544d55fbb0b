import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { crc32 as zlibCrc32 } from 'node:zlib';
import {
  base62,
  checkAtlassianCrc,
  checkBase62Crc,
  checkBasicAuthPair,
  checkBech32,
  checkDiscordBotToken,
  checkGitLabRoutableCrc,
  checkJwt,
  checkMixedAlphabet,
  checkOpenAIMarker,
  checkPrivateKeyBlock,
  checkPyPIMacaroon,
  crc32,
  decodeJwt,
  pemBody,
  type Check,
} from '../../src/core/secrets/validators';
import { githubToken } from '../tokens';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomText = (n: number, alphabet = ALPHANUMERIC) => [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');
const b64url = (data: string | Uint8Array) => Buffer.from(data).toString('base64url');
/** The token with its character at `i` replaced by a different one of the same kind. */
const mutate = (token: string, i: number) => token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1);

function assertProven(check: Check, message?: string): void {
  assert.equal(check.verdict, 'proven', `${message ?? ''} ${check.verdict === 'rejected' ? check.reason : ''}`);
}
function assertRejected(check: Check, message?: string): void {
  assert.equal(check.verdict, 'rejected', message);
}

test('crc32 is the zlib CRC32', () => {
  assert.equal(crc32(''), 0);
  assert.equal(crc32('123456789'), 0xcbf43926);
  for (let i = 0; i < 50; i++) {
    const text = randomText(1 + (i % 40));
    assert.equal(crc32(text), zlibCrc32(text), text);
  }
});

test('base62 pads to the width with the 0-9A-Za-z alphabet', () => {
  assert.equal(base62(0, 6), '000000');
  assert.equal(base62(61, 2), '0z');
  assert.equal(base62(62, 2), '10');
});

test('GitHub checksum: the field-notes example verifies', () => {
  const body = 'DQjRBk4hVzGJfGM7XgUbH2JgiWK8QC';
  assert.equal(base62(crc32(body), 6), '4Cuv1K');
  assertProven(checkBase62Crc(`ghp_${body}4Cuv1K`));
});

test('GitHub and npm checksums agree with an independent oracle, and any changed character breaks them', () => {
  for (const prefix of ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'npm_']) {
    for (let n = 0; n < 20; n++) {
      const token = githubToken(randomText(30), prefix);
      assertProven(checkBase62Crc(token), token);
      const i = prefix.length + (n % 36);
      assertRejected(checkBase62Crc(mutate(token, i)), `changed character ${i} of ${token}`);
    }
  }
  assertRejected(checkBase62Crc('ghp_DQjRBk4hVzGJfGM7XgUbH2JgiWK8QC4Cuv1'), 'too short');
});

test('Atlassian ATATT tokens end with the hex CRC32 of everything before', () => {
  const head = `ATATT3xFfGF0${randomText(172)}=`;
  const token = head + zlibCrc32(head).toString(16).padStart(8, '0').toUpperCase();
  assertProven(checkAtlassianCrc(token));
  assertProven(checkAtlassianCrc(token.slice(0, -8) + token.slice(-8).toLowerCase()), 'hex case does not matter');
  assertRejected(checkAtlassianCrc(mutate(token, 20)));
  assertRejected(checkAtlassianCrc(token.slice(0, -1) + (token.endsWith('0') ? '1' : '0')));
});

test('GitLab routable tokens carry a base36 CRC32 over prefix, payload, version and length', () => {
  const payload = b64url(Buffer.concat([Buffer.from('o:1a2b\nu:3c4d'), randomBytes(16), Buffer.from([16])]));
  const head = `glpat-${payload}.01.${payload.length.toString(36).padStart(2, '0')}`;
  const token = head + zlibCrc32(head).toString(36).padStart(7, '0');
  assertProven(checkGitLabRoutableCrc(token));
  assertRejected(checkGitLabRoutableCrc(mutate(token, 10)));
  assertRejected(checkGitLabRoutableCrc(token.replace('glpat-', 'gldt-')), 'the prefix is part of the checksum');
});

test('OpenAI keys need the T3BlbkFJ marker', () => {
  assertProven(checkOpenAIMarker(`sk-proj-${randomText(74)}T3BlbkFJ${randomText(74)}`));
  assertRejected(checkOpenAIMarker(`sk-proj-${randomText(156)}`.replace(/T3BlbkFJ/g, 'x')));
});

test('PyPI tokens decode to a macaroon located at pypi.org', () => {
  const macaroon = (location: string) =>
    `pypi-${b64url(Buffer.concat([Buffer.from([2, 1, location.length]), Buffer.from(location), Buffer.from([2, 31]), randomBytes(60)]))}`;
  assert.ok(macaroon('pypi.org').startsWith('pypi-AgEIcHlwaS5vcmc'));
  assertProven(checkPyPIMacaroon(macaroon('pypi.org')));
  assertProven(checkPyPIMacaroon(macaroon('test.pypi.org')));
  assertRejected(checkPyPIMacaroon(macaroon('pypi.evil')));
  assertRejected(checkPyPIMacaroon(`pypi-${randomText(80)}`));
});

test('JWT: decodes header and payload, reads alg and exp', () => {
  const jwt = (header: object, payload: object) => `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url(randomBytes(32))}`;
  const now = Date.UTC(2025, 0, 1);
  const live = jwt({ alg: 'RS256', typ: 'JWT' }, { sub: 'svc', exp: now / 1000 + 3600 });
  assert.deepEqual(
    { alg: decodeJwt(live)?.alg, exp: decodeJwt(live)?.exp },
    { alg: 'RS256', exp: now / 1000 + 3600 },
  );
  const check = checkJwt(live, true, now);
  assertProven(check);
  assert.equal(check.verdict === 'proven' && check.severity, 'high');
  assert.equal((checkJwt(live, false, now) as { severity?: string }).severity, 'medium', 'outside a secret context');
  assert.equal((checkJwt(jwt({ alg: 'HS256' }, { exp: now / 1000 - 60 }), true, now) as { severity?: string }).severity, 'low', 'expired');
  assert.equal((checkJwt(jwt({ alg: 'none' }, { sub: 'x' }), true, now) as { severity?: string }).severity, 'low', 'unsigned');
  assertRejected(checkJwt(jwt({ typ: 'JWT' }, { sub: 'x' }), true, now), 'no alg');
  assertRejected(checkJwt(jwt({ alg: 'HS256' }, { role: 'anon' }), true, now), 'Supabase anon key');
  assertRejected(checkJwt(`eyJ${randomText(20)}.eyJ${randomText(20)}.${randomText(20)}`, true, now), 'not JSON');
});

const block = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
const base64Lines = (bytes: number) => Buffer.from(randomBytes(bytes)).toString('base64').replace(/.{64}/g, '$&\n').trim();

test('PEM: private keys are proven, public keys and certificates rejected', () => {
  for (const label of ['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY', 'PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PGP PRIVATE KEY BLOCK']) {
    const check = checkPrivateKeyBlock(block(label, base64Lines(200)));
    assertProven(check, label);
    assert.equal(check.verdict === 'proven' && check.severity, undefined, `${label} keeps the format severity`);
  }
  for (const label of ['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE', 'PGP PUBLIC KEY BLOCK']) {
    assertRejected(checkPrivateKeyBlock(block(label, base64Lines(200))), label);
  }
  assertRejected(checkPrivateKeyBlock(block('RSA PRIVATE KEY', '...')), 'elided body');
  assertRejected(checkPrivateKeyBlock(block('RSA PRIVATE KEY', 'not base64 at all! not base64 at all! not base64 at all! not base64 at all!')));
});

test('PEM: encrypted keys are proven with a lower severity', () => {
  const encrypted = checkPrivateKeyBlock(block('ENCRYPTED PRIVATE KEY', base64Lines(200)));
  assert.equal(encrypted.verdict === 'proven' && encrypted.severity, 'medium');
  const legacy = checkPrivateKeyBlock(block('RSA PRIVATE KEY', `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0A1B2C3D4E5F60718293A4B5C6D7E8F9\n\n${base64Lines(200)}`));
  assert.equal(legacy.verdict === 'proven' && legacy.severity, 'medium');
  const sshKey = (cipher: string) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(cipher.length);
    return block('OPENSSH PRIVATE KEY', Buffer.concat([Buffer.from('openssh-key-v1\0'), length, Buffer.from(cipher), randomBytes(150)]).toString('base64'));
  };
  const plain = checkPrivateKeyBlock(sshKey('none'));
  assert.equal(plain.verdict === 'proven' && plain.severity, undefined);
  const aes = checkPrivateKeyBlock(sshKey('aes256-ctr'));
  assert.equal(aes.verdict === 'proven' && aes.severity, 'medium');
});

test('PEM body strips line breaks, \\n escapes and string concatenation', () => {
  const lines = ['MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu', 'KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ=='];
  const inCode = `-----BEGIN RSA PRIVATE KEY-----\\n" +\n  "${lines[0]}\\n" +\n  "${lines[1]}\\n" +\n  "-----END RSA PRIVATE KEY-----`;
  assert.equal(pemBody(inCode), lines.join(''));
});

test('Bech32 checksums (BIP 173 vectors)', () => {
  for (const valid of ['A12UEL5L', 'a12uel5l', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', 'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w']) {
    assertProven(checkBech32(valid), valid);
  }
  for (const invalid of ['A12UEL5M', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx', 'pzry9x8gf2tvdw0s3jn54khce6mua7l', 'x1b4n0q5v']) {
    assertRejected(checkBech32(invalid), invalid);
  }
});

test('Discord bot tokens start with a base64 user id', () => {
  const id = b64url('123456789012345678').replace(/=+$/, '');
  assertProven(checkDiscordBotToken(`${id}.${randomText(6)}.${randomText(38)}`));
  assertRejected(checkDiscordBotToken(`M${randomText(23)}.${randomText(6)}.${randomText(38)}`));
});

test('Basic auth pairs decode to user:password with a real password', () => {
  assertProven(checkBasicAuthPair(Buffer.from(`ci:${randomText(20)}`).toString('base64')));
  assertRejected(checkBasicAuthPair(Buffer.from('ci:password').toString('base64')), 'placeholder password');
  assertRejected(checkBasicAuthPair(Buffer.from(randomText(20)).toString('base64')), 'no colon');
  assertRejected(checkBasicAuthPair(Buffer.from(randomBytes(20)).toString('base64')), 'binary');
});

test('Mixed alphabet separates random keys from words and hex', () => {
  assert.equal(checkMixedAlphabet('wJalr3UtnFEMI/K7MDENG/bPxRfiCY1234567890').verdict, 'plausible');
  assertRejected(checkMixedAlphabet('0123456789abcdef0123456789abcdef01234567'));
  assertRejected(checkMixedAlphabet('awsSecretAccessKeyFromTheEnvironmentVars'));
});
