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
    samples: {
      positives: [
        '-----BEGIN RSA PRIVATE KEY-----\nNQES4PQKKI37xUpWenyHnmeqnhgdCTJi4mXrA8MNBueei+HCpzd1T1FkG9LxfLwy\nfNTWOylr+zXMOQWJ1OK6KkBAxfFmq/Gf0FCMzr0i6MQjkSfFiyP3Mh3c2LX9aQPy\ng/MITEGM1fX6jv8RxtCdTVy17Zb5\n-----END RSA PRIVATE KEY-----',
        'const key = "-----BEGIN PRIVATE KEY-----\\n" +\n  "30pshkBb5TcLlakeMam5DedBRiKPP7TdHGNAA/t5jRZ8AfUIYCX+Hxv/o3olhKV2\\n" +\n  "2gVqx45tUWGAKHPjYc6oXTvVJyt9DojgWVUSfXFG7K+qRasseX24eQFELBFfGFNW\\n" +\n  "-----END PRIVATE KEY-----\\n";',
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZcNpdkxHcb8TIQzh+SbE6fjZBfJdE9kmuBV6TUpOaBKuexV811MydnvQg7wOrr4is1vC1qzEofmIzcNoIAWr4DxweJxLr6TNWKETmri7P3BB\n-----END OPENSSH PRIVATE KEY-----',
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\nBioNtdhJdAuSnHjuRiGZBUni0UgUaCCE7JxxvrAGOIfqDAQOb9axRmtp9SUeQt6q\n4XcU/7/+QD8/f/YEYLly2InLcEUjtcm7l7jevboQTREpWRkB1zrNIaDd6np3EMog\n-----END ENCRYPTED PRIVATE KEY-----',
        '-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,6C44060BFEB90AEBF9FA5E2A48245F31\n\n6r+8fGKU/ejspOlXJYU+bE9muXmDlvaaAGuW9ngTP7JOO6oqtlrbE78p8rCNT4HB\nvAT+EbFPFLJ1v0uhud21dEORLUIxn+NRoxaWAPFFlN/pDM2JjPCa6C7eJKd33M85\n-----END EC PRIVATE KEY-----',
      ],
      negatives: [
        '-----BEGIN PUBLIC KEY-----\n+TwiNXMJ3qJHx/E6wTuNlPC+l2h3hUeadnoFxWFUPwaJc3hnJDTxQeta7voNsg0W\n0mQ92bFc3lChleQL7dc/8Ku92H0l7dIANmepvGRYjxPkEt4ZTmVmSn9nQRLPtE9h\n-----END PUBLIC KEY-----',
        '-----BEGIN CERTIFICATE-----\n2VDAYxydo2IXjxezoIZgtyp4/qLJf6Ae2uBnP9LF6yaaV41NS5aczvj0S++3NPsz\nX22a1sRf8fzeWStdb3u5i190BHDpzwwAp2JZmsuOSY8BLHbyyj782blWByH5p2u2\n-----END CERTIFICATE-----',
        '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN RSA PRIVATE KEY-----\nYOUR_PRIVATE_KEY_HERE_YOUR_PRIVATE_KEY_HERE_YOUR_PRIVATE_KEY_HERE_1234\n-----END RSA PRIVATE KEY-----',
        'if (pem.startsWith("-----BEGIN PRIVATE KEY-----")) { parse(pem) }',
      ],
    },
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
    samples: {
      positives: ['  tls.key: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpRZU14ZDkxbk1FRG8yM3pxQnhVaXNxNWxKaEhPQWhMNWVEU3RNN0tRajVmQXFpNnBiNVd3RnUvTXRRQ3lscWVrY005U2ZDVVB0MG9PLzU4NloyV3I4M3FKaEVpcGpCZUEraDVSbmtpYUlwT1J3NGNTMXJVeGdMeXViN1pMbXBpdQotLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLQo='],
      negatives: ['  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCm1UaUtYT1Q2Z2g5U2JaVE9LNitIR0VoUnQySkU0RW9hcURLMXV4VUtqOFI1NFVRRldDYWJVTklxMUIzbTFHK1BkS3RFMzRoQ2pMM1N1YW5WeTlNNmJpQjBQTUxBQlhnYTFSS1VRYmVyUGd0M0VXS2lGZkZ1dmFWQzBJV05aYzcwCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K'],
    },
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
    samples: {
      positives: ['-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n0BxnxIBzeGEmg4SehknOGbPWLiJSKqva5L2zNdARIcVwWq6p84L/jFn3UOInM5ky\nSEzVxfCktG174TXEDyjjyRLcO4ai753maD/KJR4k7S2yhTtq29xpD4reLLTIQHTV\n=Vxm0\n-----END PGP PRIVATE KEY BLOCK-----'],
      negatives: ['-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n601sfAQ4uqzOJ9xfdRmtmFeWQzEJiWLRkM+vX3nQ3yUWTV9L5SN19V8O8/ETCyIz\nmDjQAy/9qrX2xfFo1Kr2+hyqr+8WaB6X2tjh1bX+C5dMs8uh8nmVzj6dUGBTRl9I\n-----END PGP PUBLIC KEY BLOCK-----'],
    },
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
    samples: {
      positives: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nrul4LxqhbiteKNkiG9+HVw+FWXedKGuUfrIv1jjD0PM7V4amJZjR9pERCVBJx605\n7Upe\nPrivate-Lines: 1\n/Cy+nQg/jEIO7FsXqH/UEmJymMzOH2HkfjvLAz2MMUwqKx3t\nPrivate-MAC: 36784f74b6f1602c2fbe779d93ac8112e8935c7f2c39f14c4848bcb722ed2ffd'],
      negatives: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\nAutjC0+pO5bVbtEkxPrD+qHiQ8OlZmikIabTfing4qF4bjxFD81fYPFDoOhd0Esy'],
    },
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
    samples: {
      positives: ['# created: 2024-01-01T00:00:00Z\n# public key: age1u9l4xb4ywuyzx4ygt555fkzjptiowq9bximwd107xt56wp210z0jpcs9kv\nAGE-SECRET-KEY-1FTTEYW5XPLTSH9L4ZD9S4FJEUZ208TKC6GF42Q5492GXPNUCTHYATH6FEP'],
      negatives: ['AGE-SECRET-KEY-1FTTEYW5XPLTSH9L4ZD9S4FJEUZ208TKC6GF42Q5492GXPNUCTHYATH6FEQ'],
    },
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
    samples: {
      positives: [
        'Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJzdWIiOiJzdmMtY2kiLCJhdWQiOiJhcGkiLCJpYXQiOjE3MDAwMDAwMDAsImV4cCI6NDEwMjQ0NDgwMH0.DaTD4x6LPT9z_ekzaX_kWaKgTs_aUMpAbL4rMnLgNX0',
        'fixture = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyIiwiaWF0IjoxNTAwMDAwMDAwLCJleHAiOjE1MDAwMDM2MDB9.4ea1omzeDc09cU-g6By_ZAqaRQ4F2F7LdGA41Shktl8"',
      ],
      negatives: [
        'token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"',
        'token = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4IiwiaWF0IjoxfQ.jGMFtx1Ieqoc5FBzW5w2GmISfery53mAUqliwW3_BPq"',
        'data = "eyJtaZBIHCoCuWMAJfPUmA_.eyJLPr1SC65LeNLUcp89Tnf.Jr8GbFxwd-VOjLkcXi9w"',
      ],
    },
  },
];
