import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../src/core/engine';
import { genericLineDetector } from '../../src/core/secrets/lineDetector';

const engine = new Engine([genericLineDetector], null);

async function values(path: string, text: string): Promise<string[]> {
  const r = await engine.scan({ path, text });
  return r.findings.map((f) => text.slice(f.span.start, f.span.end));
}

test('dotenv: quotes, export, inline comments, and a # inside a value', async () => {
  const env = [
    'DB_PASSWORD="Env-Db-Pw-1"',
    "export API_TOKEN='DL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7'",
    'SMTP_PASSWORD=Sm7p-Pw-22 # rotate me',
    'REDIS_PASSWORD=R3d#s-Pw-33',
    '# DB_PASSWORD=Commented-0ut-Pw',
    'DB_PASSWORD: Colon-Is-Not-Dotenv1',
  ].join('\n');
  assert.deepEqual(await values('.env.local', env), ['Env-Db-Pw-1', 'DL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7', 'Sm7p-Pw-22', 'R3d#s-Pw-33']);
});

test('Dockerfile: ENV and ARG pairs, the legacy ENV form, continuation lines', async () => {
  const docker = [
    'FROM alpine',
    'ARG NPM_TOKEN=DL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7',
    'ENV A=1 \\',
    '    DB_PASSWORD="D0cker-Pw-1" \\',
    '    B=2',
    'ENV API_SECRET isAjIhKtJ0RlgLKOmxgJTeKd',
    'RUN echo DB_PASSWORD=Not-An-Env-Pw1',
    'LABEL password=Label-Pw-11',
  ].join('\n');
  assert.deepEqual(await values('Dockerfile', docker), ['DL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7', 'D0cker-Pw-1', 'isAjIhKtJ0RlgLKOmxgJTeKd']);
});

test('text files: NAME = value and NAME: value with strong names only; comparisons and calls are code', async () => {
  const text = [
    'db_password = "Txt-Db-Pw-1"',
    'password: Txt-Colon-Pw2',
    'auth: wkNhFdnXsiVpzz63FfkCzJr4i0B3JrTA',
    'if password == "Cmp-Pw-3333":',
    'password := "Go-Decl-Pw4"',
    'password = read_password()',
    'password = config.db.password',
  ].join('\n');
  assert.deepEqual(await values('notes.txt', text), ['Txt-Db-Pw-1', 'Txt-Colon-Pw2']);
});

test('.netrc: the token after `password`', async () => {
  const netrc = 'machine example.com login me password N3trc-Pw-99\nmachine b.example.com\n  login x\n  password ${NETRC_PASSWORD}\n';
  assert.deepEqual(await values('home/.netrc', netrc), ['N3trc-Pw-99']);
});
