import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assessValue, isEnvVarName, isIdentifierLike, isKeyboardShortcut, isNaturalLanguage, isTemplateReference,
  isUrlWithoutCredentials, isUuid, looksLikeHash, looksLikePath,
} from '../../src/core/secrets/noise';
import type { SecretKind } from '../../src/core/secrets/names';

const credible: [string, SecretKind, boolean][] = [
  ['Summer2024!', 'password', true],
  ['hunter2', 'password', true],
  ['P@ssw0rd123', 'password', true],
  ['s3cr3tValue!', 'password', true],
  ['u8jzPde0IgxLd6GncfBA', 'secret', true],
  ['wkNhFdnXsiVpzz63FfkCzJr4i0B3JrTA', 'api-key', true],
  ['wkNhFdnXsiVpzz63FfkCzJr4i0B3JrTA', 'api-key', false],
  ['DL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7', 'token', true],
  // A UUID or a hex digest is a credible key only where the name clearly asks for one.
  ['4b0cd2a7-9c1e-4f3b-8d6a-2e5f7a9b1c3d', 'api-key', true],
  ['58904dba41ecccc3fc1626e53a13043b026c48bbf33feff9243a8f506b40928b', 'secret', true],
];

for (const [value, kind, strong] of credible) {
  test(`assessValue accepts a ${kind} of ${value.length} characters (${strong ? 'strong' : 'weak'} name)`, () => {
    const v = assessValue(value, kind, strong);
    assert.equal(v.credible, true, v.credible ? '' : v.reason);
  });
}

const noise: [string, SecretKind, boolean][] = [
  ['', 'password', true],
  ['password', 'password', true],
  ['secret', 'secret', true],
  ['changeme', 'password', true],
  ['null', 'token', true],
  ['none', 'password', true],
  ['true', 'password', true],
  ['test', 'password', true],
  ['***', 'password', true],
  ['••••••', 'password', true],
  ['<your-password>', 'password', true],
  ['YOUR_API_KEY', 'api-key', true],
  ['${DB_PASSWORD}', 'password', true],
  ['${{ secrets.GH_TOKEN }}', 'token', true],
  ['{{ .Values.password }}', 'password', true],
  ['ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)', 'password', true],
  ['vault:secret/data/orders#token', 'token', true],
  ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:db', 'secret', true],
  ['var.db_password', 'password', true],
  ['Enter your password', 'password', true],
  ['password_reset', 'password', true],
  ['client_credentials', 'secret', true],
  ['passwordField', 'password', true],
  ['DB_PASSWORD', 'password', true],
  ['ctrl+shift+down', 'api-key', false],
  ['/etc/ssl/private/server.key', 'private-key', true],
  ['./certs/private.pem', 'private-key', true],
  ['https://auth.example.com/oauth/token', 'token', true],
  ['deploy@example.com', 'password', true],
  ['8080', 'password', true],
  ['^10.2.2', 'password', true],
  ['2024-01-31', 'password', true],
  ['bearer', 'token', true],
  ['password123', 'password', true],
  ['Secret1!', 'secret', true],
  ['sha512-PRp66vJ865SSqOlgqS8hujT5U4AOgMfhrwYIuIhfKaoSCZcirrmASQr8CX7cUg', 'secret', true],
  ['$2b$12$KIXQJQ1yY7ZcZ8vB1nE0ZuY5x1C9b8Q7rK5yH2n3m4p5q6r7s8t9u', 'password', true],
  ['f865288c-2d4c-4e0c-9b8e-1f2a3b4c5d6e', 'token', false],
  ['58904dba41ecccc3fc1626e53a13043b026c48bbf33feff9243a8f506b40928b', 'api-key', false],
  ['platformAuthDOMGetSupportedContracts', 'token', false],
  ['abcdefghijklmnopqrstuvwxyz', 'api-key', true],
  ['letmein', 'password', true],
  ['hunter2', 'password', false],
];

for (const [value, kind, strong] of noise) {
  test(`assessValue rejects ${JSON.stringify(value)} as a ${kind} (${strong ? 'strong' : 'weak'} name)`, () => {
    assert.equal(assessValue(value, kind, strong).credible, false);
  });
}

test('the predicates behind assessValue', () => {
  assert.ok(isTemplateReference('${ssm:/prod/db/password}'));
  assert.ok(isTemplateReference('$(DB_PASSWORD)'));
  assert.ok(!isTemplateReference('Summer2024!'));
  assert.ok(isUuid('F865288C-2D4C-4E0C-9B8E-1F2A3B4C5D6E'));
  assert.ok(looksLikeHash('d41d8cd98f00b204e9800998ecf8427e'));
  assert.ok(!looksLikeHash('d41d8cd98f00b204e9800998ecf8427'));
  assert.ok(looksLikePath('C:\\keys\\prod.pfx'));
  assert.ok(!looksLikePath('/9j/4AAQSkZJRgABAQEASABIAAD'));
  assert.ok(isUrlWithoutCredentials('https://example.com/a?b=c'));
  assert.ok(!isUrlWithoutCredentials('postgres://app:Pg-Pw-2024@db/app'));
  assert.ok(isEnvVarName('GITHUB_TOKEN'));
  assert.ok(!isEnvVarName('Github_Token'));
  assert.ok(isIdentifierLike('user:read'));
  assert.ok(!isIdentifierLike('u8jzPde0IgxLd6GncfBA'));
  assert.ok(isKeyboardShortcut('cmd+alt+p'));
  assert.ok(isNaturalLanguage('Paste your token here'));
  assert.ok(!isNaturalLanguage('correcthorse'));
});

test('a rejected value says why, and the reason never holds the value', () => {
  const v = assessValue('Enter your password', 'password', true);
  assert.equal(v.credible, false);
  assert.ok(!v.credible && !v.reason.includes('Enter'));
});
