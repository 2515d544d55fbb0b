import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectationsOf } from './harness';

test('fixture markers point at the line above them', () => {
  const e = expectationsOf('a = "x"\n#   ^ secret/generic-password\n');
  assert.deepEqual(e, [{ line: 0, column: 4, ruleId: 'secret/generic-password', confidence: undefined }]);
});

test('a detector that writes the value into its message still never leaks it', async () => {
  const { Engine } = await import('../src/core/engine');
  const leaky = {
    id: 'leaky',
    rules: [],
    detect: (ctx: { text: string }) => {
      const start = ctx.text.indexOf('Zq8');
      const value = ctx.text.slice(start, start + 16);
      return [{ ruleId: 'secret/leaky', span: { start, end: start + 16 }, confidence: 'heuristic' as const, message: `found ${value} here`, evidence: [`value=${value}`] }];
    },
  };
  const result = await new Engine([leaky], null).scan({ path: 'a.txt', text: 'key: Zq8vT2mLpX9wKc4R\n' });
  assert.equal(result.findings.length, 1);
  assert.ok(!result.findings[0].message.includes('Zq8vT2mLpX9wKc4R'), result.findings[0].message);
  assert.ok(!result.findings[0].evidence.join(' ').includes('Zq8vT2mLpX9wKc4R'));
  const { redact } = await import('../src/core/text');
  assert.equal(result.findings[0].message, `found ${redact('Zq8vT2mLpX9wKc4R')} here`);
});

test('a libpq DSN names its host without the rest of the settings', async () => {
  const { scanText } = await import('./harness');
  const result = await scanText('main.go', 'package main\nfunc main() { sql.Open("postgres", "host=db user=app password=Go-Dsn-Pw9 dbname=app") }\n');
  assert.ok(result.findings.length > 0);
  for (const f of result.findings) assert.ok(!`${f.message} ${f.evidence.join(' ')}`.includes('Go-Dsn-Pw9'), f.message);
});
