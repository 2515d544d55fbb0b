// The misspelled-action fix: offered only when the dataset knows the action meant, and only while the
// text still holds the misspelling.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFixes } from '../../src/core/fixes/index';
import { scanText } from '../harness';

const policy = (action: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${action}","Resource":"arn:aws:dynamodb:eu-west-1:123456789012:table/orders"}]}\n`;

async function unknown(text: string) {
  return (await scanText('policy.json', text)).findings.filter((f) => f.ruleId === 'iam/aws-unknown-action');
}

test('a near miss is corrected; a name with no near action gets no fix', async () => {
  const text = policy('dynamodb:GetItems');
  const [finding] = await unknown(text);
  const [fix] = computeFixes(finding, { path: 'policy.json', text }, { read: () => undefined });
  assert.equal(fix.title, 'Correct dynamodb:GetItems to dynamodb:GetItem');
  assert.match(fix.description ?? '', /never granted it/);
  const far = policy('dynamodb:FrobnicateEverything');
  const [farFinding] = await unknown(far);
  assert.ok(farFinding, 'still reported');
  assert.deepEqual(computeFixes(farFinding, { path: 'policy.json', text: far }, { read: () => undefined }), []);
});

test('no fix once the text no longer holds the misspelling', async () => {
  const text = policy('dynamodb:GetItems');
  const [finding] = await unknown(text);
  const edited = text.replace('dynamodb:GetItems', 'dynamodb:Query   ');
  assert.deepEqual(computeFixes(finding, { path: 'policy.json', text: edited }, { read: () => undefined }), []);
});
