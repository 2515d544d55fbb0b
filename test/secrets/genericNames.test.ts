import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyName, splitWords } from '../../src/core/secrets/names';

test('splitWords handles camel, snake, kebab, dotted, acronyms and glued words', () => {
  assert.deepEqual(splitWords('dbPassword'), ['db', 'password']);
  assert.deepEqual(splitWords('DB_PASSWORD'), ['db', 'password']);
  assert.deepEqual(splitWords('x-api-key'), ['x', 'api', 'key']);
  assert.deepEqual(splitWords('spring.datasource.password'), ['spring', 'datasource', 'password']);
  assert.deepEqual(splitWords('APIKey'), ['api', 'key']);
  assert.deepEqual(splitWords('ACCESSTOKEN'), ['access', 'token']);
  assert.deepEqual(splitWords('$dbPassword'), ['db', 'password']);
});

const cases: [string, string | null, boolean?][] = [
  ['db_password', 'password', true],
  ['DBPASSWORD', 'password', true],
  ['storePassword', 'password', true],
  ['passwd', 'password', true],
  ['pass', 'password', false],
  ['db_pass', 'password', true],
  ['apiKey', 'api-key', true],
  ['X-Api-Key', 'api-key', true],
  ['stripe_key', 'api-key', true],
  ['foo_key', 'api-key', false],
  ['access_token', 'token', true],
  ['X-Auth-Token', 'token', true],
  ['Authorization', 'token', false],
  ['client_secret', 'secret', true],
  ['SECRET_KEY', 'secret', true],
  ['SECRET_KEY_BASE', 'secret', true],
  ['aws_secret_access_key', 'secret', true],
  ['jwt_secret', 'secret', true],
  ['signing_key', 'secret', true],
  ['private_key', 'private-key', true],
  ['DATABASE_URL', 'connection-string', true],
  ['connectionString', 'connection-string', true],
  ['dsn', 'connection-string', true],
  ['token_gh', 'token', false],
];

for (const [name, kind, strong] of cases) {
  test(`classifyName(${name}) is ${kind} (${strong ? 'strong' : 'weak'})`, () => {
    const got = classifyName(name);
    assert.equal(got?.kind, kind);
    assert.equal(got?.strong, strong);
  });
}

const notSecrets = [
  'token_url', 'TOKEN_URL', 'tokenEndpoint', 'password_min_length', 'passwordMinLength', 'secret_name', 'secretArn',
  'key_id', 'access_key_id', 'public_key', 'primary_key', 'sort_key', 'keyboard', 'tokenizer', 'max_tokens',
  'author', 'authority', 'password_field', 'passwordPlaceholder', 'TOKEN_TYPE', 'grant_type', 'key', 'password_reset',
  'passwordHash', 'tokenizationId', 'session', 'bypass', 'csrf_token', 'next_page_token', 'eos_token', 'forgot_password',
  'is_secret', 'secretsManager', 'private_key_id', 'MySecretPasswordVariable', 'PlatformAuthDOMGetSupportedContracts',
  'acquireToken', 'getPassword', '@scope/secretlint-rule-1password', 'keyframes', 'monkey', 'passthrough',
];

for (const name of notSecrets) {
  test(`classifyName(${name}) is not a secret name`, () => {
    assert.equal(classifyName(name), null);
  });
}

test('a trailing number does not hide the name', () => {
  assert.deepEqual(classifyName('password2'), { kind: 'password', strong: true });
  assert.deepEqual(classifyName('API_KEY_V2'), { kind: 'api-key', strong: true });
});
