import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EnvNames, envFileEdits, formatDotenvValue, gitignoreEdit, isGitIgnored, parseDotenv } from '../../src/core/fixes/env';
import { actionsSecretName, envNameFor, isPasswordPart, ruleEnvName, toEnvName } from '../../src/core/fixes/names';
import { applyTextEdits } from '../../src/core/fixes/suppress';

test('dotenv values round-trip through formatDotenvValue and parseDotenv', () => {
  const values = [
    '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',
    'Copper#4471kLmNOJ',
    'with space',
    "it's",
    'quote"and\'both',
    'dollar$HOME',
    'Server=tcp:x,1433;Password=Quartz@3964;',
    '-----BEGIN PRIVATE KEY-----\nMIIEvAIBADAN\n-----END PRIVATE KEY-----\n',
    '=leading-equals',
    '',
  ];
  const text = values.map((v, i) => `K${i}=${formatDotenvValue(v)}`).join('\n') + '\n';
  assert.deepEqual(parseDotenv(text).map((e) => e.value), values);
});

test('parseDotenv reads export, comments, quotes and inline comments', () => {
  const entries = parseDotenv('# header\nexport A=1\nB="two words" # note\nC=plain # note\nD=\'x # not a comment\'\n\nnot an entry\n');
  assert.deepEqual(entries, [
    { name: 'A', value: '1' },
    { name: 'B', value: 'two words' },
    { name: 'C', value: 'plain' },
    { name: 'D', value: 'x # not a comment' },
  ]);
});

test('EnvNames: the same value is stored once, a taken name gets a suffix', () => {
  const names = new EnvNames(parseDotenv('GITHUB_TOKEN=aaa\nGITHUB_TOKEN_2=bbb\n'));
  assert.equal(names.place('GITHUB_TOKEN', 'aaa'), 'GITHUB_TOKEN');
  assert.equal(names.place('OTHER', 'bbb'), 'GITHUB_TOKEN_2', 'a value already stored keeps its name');
  assert.equal(names.place('GITHUB_TOKEN', 'ccc'), 'GITHUB_TOKEN_3');
  assert.equal(names.place('NEW', 'ccc'), 'GITHUB_TOKEN_3', 'planned values count too');
  assert.deepEqual(names.added, [{ name: 'GITHUB_TOKEN_3', value: 'ccc' }]);
  assert.ok(names.available('FREE', 'x') && names.available('GITHUB_TOKEN', 'aaa') && !names.available('GITHUB_TOKEN', 'zzz'));
});

test('envFileEdits creates .env with a header, documents names in .env.example, and git-ignores .env once', () => {
  const created = envFileEdits({ envFile: '.env', envText: undefined, exampleFile: '.env.example', exampleText: 'A=\n', gitignoreText: 'node_modules/\n' }, [
    { name: 'A', value: 'x y' },
    { name: 'B', value: 'z' },
  ]);
  const byPath = new Map(created.map((f) => [f.path, f]));
  const env = applyTextEdits('', byPath.get('.env')!.edits);
  assert.ok(byPath.get('.env')!.create);
  assert.match(env, /^# .*Never commit/);
  assert.deepEqual(parseDotenv(env), [{ name: 'A', value: 'x y' }, { name: 'B', value: 'z' }]);
  assert.equal(applyTextEdits('A=\n', byPath.get('.env.example')!.edits), 'A=\nB=\n', 'names already documented are not repeated');
  assert.equal(applyTextEdits('node_modules/\n', byPath.get('.gitignore')!.edits), 'node_modules/\n.env\n');
  const again = envFileEdits({ envFile: '.env', envText: 'X=1', exampleFile: '.env.example', exampleText: 'A=\nB=\n', gitignoreText: '.env\n' }, [{ name: 'C', value: '1' }]);
  assert.deepEqual(again.map((f) => f.path), ['.env', '.env.example'], 'no .gitignore edit when .env is ignored already');
  assert.equal(applyTextEdits('X=1', again[0].edits), 'X=1\nC=1\n', 'a missing final line break is added first');
});

test('gitignore: existing rules are honoured, other files are anchored and escaped', () => {
  assert.ok(isGitIgnored('*.env\n', 'config/app.env'));
  assert.ok(isGitIgnored('secrets/\n', 'secrets/prod/key.pem'));
  assert.ok(!isGitIgnored('.env\n!.env\n', '.env'));
  assert.ok(!isGitIgnored(undefined, '.env'));
  const edit = gitignoreEdit('# mine\r\n', ['.env', 'home/.aws/credentials', 'weird/#name[1].pem'])!;
  assert.equal(applyTextEdits('# mine\r\n', edit.edits), '# mine\r\n.env\r\n/home/.aws/credentials\r\n/weird/\\#name\\[1\\].pem\r\n');
  assert.ok(isGitIgnored(applyTextEdits('', gitignoreEdit(undefined, ['weird/#name[1].pem'])!.edits), 'weird/#name[1].pem'));
  assert.equal(gitignoreEdit('.env\n', ['.env']), undefined);
});

test('environment variable names', () => {
  assert.equal(toEnvName('spring.datasource.password'), 'SPRING_DATASOURCE_PASSWORD');
  assert.equal(toEnvName('mongodbUri'), 'MONGODB_URI');
  assert.equal(toEnvName('$password'), 'PASSWORD');
  assert.equal(toEnvName('X-Api-Key'), 'X_API_KEY');
  assert.equal(toEnvName('2fa-secret'), '_2FA_SECRET');
  assert.equal(ruleEnvName('secret/github-pat-classic'), 'GITHUB_TOKEN');
  assert.equal(ruleEnvName('secret/openai-api-key'), 'OPENAI_API_KEY');
  assert.equal(ruleEnvName('secret/postgres-url-password'), 'DB_PASSWORD');
  // A name that says what the value is wins; a generic one gives way to the provider's usual variable.
  assert.equal(envNameFor({ ruleId: 'secret/openai-api-key', bound: 'SUMMARY_MODEL_KEY' }), 'SUMMARY_MODEL_KEY');
  assert.equal(envNameFor({ ruleId: 'secret/openai-api-key', bound: 'api_key' }), 'OPENAI_API_KEY');
  assert.equal(envNameFor({ ruleId: 'secret/generic-password', bound: 'password', parents: ['production', 'redis'] }), 'REDIS_PASSWORD');
  assert.equal(envNameFor({ ruleId: 'secret/generic-password', bound: 'password' }), 'PASSWORD');
  assert.equal(envNameFor({ ruleId: 'secret/stripe-secret-key', bound: 'stripe.api_key' }), 'STRIPE_API_KEY');
  assert.equal(envNameFor({ ruleId: 'secret/postgres-url-password', bound: 'DATABASE_URL', passwordOfUrl: true }), 'DB_PASSWORD');
  assert.equal(envNameFor({ ruleId: 'secret/mongodb-url-password', bound: 'mongodbUri', passwordOfUrl: true }), 'MONGODB_PASSWORD');
  assert.equal(actionsSecretName('GITHUB_TOKEN'), 'GH_TOKEN');
  assert.ok(isPasswordPart('postgres://user:', '@h'));
  assert.ok(isPasswordPart('jdbc:oracle:thin:recon/', '@/'));
  assert.ok(isPasswordPart('Server=x;Password=', ';'));
  assert.ok(!isPasswordPart('Bearer ', ''));
});
