// What a file's path, a key's name and a value's shape say before a generic finding is reported:
// example, test and locale files; public-by-design keys; ciphertext; instructions; prose.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileTraits } from '../../src/core/secrets/fileTraits';
import { proseCredentials } from '../../src/core/secrets/generic/prose';
import { inlinePairs } from '../../src/core/secrets/generic/keyValue';
import { classifyName } from '../../src/core/secrets/names';
import { assessValue, isCiphertext, isJoinedWords } from '../../src/core/secrets/noise';
import { isPlaceholder } from '../../src/core/secrets/placeholders';
import { isFirebaseWebKey, publicKeyName } from '../../src/core/secrets/publicKeys';

test('file traits: example and template files, tests, translations', () => {
  for (const p of ['.env.example', 'app/.env.sample', 'config.example.yml', 'settings.ini.dist', 'db.template.json', 'config-sample.yml']) {
    assert.equal(fileTraits(p).example, true, p);
  }
  for (const p of ['.env', 'template.yaml', 'example.py', 'src/examples.ts', 'config/default.json']) assert.equal(fileTraits(p).example, false, p);
  for (const p of ['tests/test_auth.py', 'pkg/auth_test.go', 'src/__tests__/a.ts', 'src/a.test.ts', 'spec/models/user_spec.rb', 'test/fixtures/x.json', 'src/LoginTest.java', 'test_login.py']) {
    assert.equal(fileTraits(p).test, true, p);
  }
  for (const p of ['src/auth.ts', 'latest/config.yml', 'contest.py', 'attestation.go']) assert.equal(fileTraits(p).test, false, p);
  for (const p of ['locales/de.json', 'src/i18n/fr.yml', 'config/locales/pt-BR.yml', 'messages_de.properties', 'po/es.po', 'res/values-fr/strings.xml', 'de.json']) {
    assert.equal(fileTraits(p).locale, true, p);
  }
  for (const p of ['config/settings.json', 'ci.yml', 'db.json', 'src/id.ts']) assert.equal(fileTraits(p).locale, false, p);
});

test('keys that are public by design, and their secret counterparts', () => {
  for (const n of ['PUSHER_APP_KEY', 'VITE_PUSHER_APP_KEY', 'pusherKey', 'ALGOLIA_SEARCH_KEY', 'algoliaSearchOnlyApiKey', 'searchKey', 'search_api_key', 'RECAPTCHA_SITE_KEY', 'siteKey', 'STRIPE_PUBLISHABLE_KEY', 'SUPABASE_ANON_KEY']) {
    assert.ok(publicKeyName(n), n);
  }
  for (const n of ['PUSHER_APP_SECRET', 'ALGOLIA_ADMIN_KEY', 'AZURE_SEARCH_KEY', 'RECAPTCHA_SECRET_KEY', 'STRIPE_SECRET_KEY', 'apiKey', 'SUPABASE_SERVICE_ROLE_KEY']) {
    assert.equal(publicKeyName(n), null, n);
  }
});

test('a Google API key is public only in a Firebase web configuration', () => {
  const key = 'AIzaSyD3qLm2Wx8Pv4Rn7Ks3Tb6Yq1JzVb8Xc2m';
  assert.equal(isFirebaseWebKey(key, `  apiKey: '${key}',`, () => "authDomain: 'acme.firebaseapp.com'"), true);
  assert.equal(isFirebaseWebKey(key, `NEXT_PUBLIC_FIREBASE_API_KEY=${key}`, () => ''), true);
  assert.equal(isFirebaseWebKey(key, `GEMINI_API_KEY=${key}`, () => 'GEMINI_MODEL=pro'), false);
  assert.equal(isFirebaseWebKey(key, `MAPS_KEY = '${key}'`, () => 'initializeApp(firebaseConfig)'), false);
});

test('ciphertext is recognised and never judged as a secret', () => {
  for (const v of [
    'ENC[AES256_GCM,data:Zm9vYmFy,iv:7t1Kq0yJfRkH3aGm9XbWcL2pN5sV8dE4=,tag:Gq7vPz2Lm9xK==,type:str]',
    'ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAF]',
    '$ANSIBLE_VAULT;1.1;AES256\n6231336539666233',
    '{COQLCE6DU6GtcS5P=}',
    'wcFMA/xDdHCJBTolAQ/+3/AbEDwhInQyY/mM7J0KqLJC5rJwEGnbQd1UQw1+DMSn5EeAyRomP',
    `AgB${'q7s0TnVZx4yJ2eQ1b9X3'.repeat(35)}`,
  ]) {
    assert.equal(isCiphertext(v), true, v.slice(0, 20));
    const verdict = assessValue(v, 'password', true);
    assert.equal(verdict.credible, false);
    assert.match(verdict.credible ? '' : verdict.reason, /ciphertext/);
  }
  for (const v of ['Kq9mWz2Lp7Hq7nVb3XcK2mTq8vLm2xKp', '{password}', 'AgBq7s0TnVZx4yJ2', 'ENC(abc)']) assert.equal(isCiphertext(v), false, v);
});

test('instructions written where a value goes are placeholders; real passphrases are not', () => {
  for (const v of ['replace-with-32-random-bytes', 'generate-with-openssl-rand-hex-32', 'min-16-chars-random', '32-character-api-key-goes-here', 'change_this_to_a_strong_password']) {
    assert.equal(isPlaceholder(v), true, v);
  }
  for (const v of ['Copper-35887zLIOJ', 'horse-battery-42-staple', 'Orbit@7164AisFfF']) assert.equal(isPlaceholder(v), false, v);
  assert.equal(isJoinedWords('dev-smtp-pass-01'), true);
  assert.equal(isJoinedWords('Nimbus-4847pS0Ure'), false);
});

test('names: a hex secret under REFRESH_SECRET, UUID keys under provider names, secrets kept in pieces', () => {
  assert.deepEqual(classifyName('REFRESH_SECRET'), { kind: 'secret', strong: true });
  assert.equal(classifyName('refresh_token_url'), null);
  assert.deepEqual(classifyName('opsgenieKey'), { kind: 'api-key', strong: true });
  assert.deepEqual(classifyName('pagerdutyRoutingKey'), { kind: 'api-key', strong: true });
  assert.deepEqual(classifyName('appSecretParts'), { kind: 'secret', strong: true });
  assert.equal(assessValue('9479b4cd155a10ebab17c22ab46bab88f21d8bf6bdc352796a222754aa716f54', 'secret', true).credible, true);
  assert.equal(assessValue('69e0259f-4731-458d-ae65-bdbb05397b02', 'api-key', false).credible, false);
});

test('inline pairs: host lines of an Ansible inventory, Dockerfile ENV', () => {
  const line = 'web-01 ansible_user=deploy ansible_password="dBu9 fxge$!" ansible_become_pass={{ vault_pw }} port=22';
  const pairs = inlinePairs(line).map((p) => [p.name, line.slice(p.valueStart, p.valueEnd)]);
  assert.deepEqual(pairs, [['ansible_user', 'deploy'], ['ansible_password', 'dBu9 fxge$!'], ['ansible_become_pass', '{{ vault_pw }}'], ['port', '22']]);
  assert.deepEqual(inlinePairs('a=b', 0, 1), []);
});

test('prose: a secret word, then `:`, "is" or a code span, then a credible value', () => {
  const found = (s: string) => proseCredentials(s).map((c) => [c.name, s.slice(c.start, c.end)]);
  assert.deepEqual(found('The staging password is `Zx8!qR2#vLp`.'), [['staging password', 'Zx8!qR2#vLp']]);
  assert.deepEqual(found('# password for the legacy db: Vr9!kQz2'), [['password', 'Vr9!kQz2']]);
  assert.deepEqual(found('guest account with password `Copper-35887zLIOJ` on the VPN'), [['password', 'Copper-35887zLIOJ']]);
  assert.deepEqual(found('The Grafana admin password is B$u5@8df8r until SSO lands.'), [['Grafana admin password', 'B$u5@8df8r']]);
  for (const s of [
    'The password is stored in the team vault.',
    'Your password must be at least 12 characters long.',
    '// password = "Summer2024!"',
    'The password: Summer2024! is only an example.',
    'Forgot password: `reset-link`',
    'source argument for a token is `args[token.index]`.',
    'If you want the token on the cli you can put it in `~/.prebuild-installrc`',
    'The token is `config.deployToken`.',
    'password: SHA-256-hashed, see RFC 7616',
    'See the [password docs](https://example.org/password): they explain it.',
  ]) {
    assert.deepEqual(found(s), [], s);
  }
});
