// AWS managed policies: which names are admin-level or service-wide, that a service-wide policy is
// ranked like the service wildcard it equals, and that conditions on resource tags limit `"*"`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminPrincipals } from '../../src/core/iam/aws/adminPrincipals';
import { managedPolicy } from '../../src/core/iam/aws/managed';
import { hclFile } from '../../src/core/structured';
import { nodeWasmSource } from '../../src/node/wasmSource';
import { ParserHost } from '../../src/parsing/parserHost';
import { scanText } from '../harness';

async function iam(path: string, text: string) {
  return (await scanText(path, text)).findings.filter((f) => f.category === 'iam');
}

test('service-wide managed policy names map to their IAM prefix; other names do not', () => {
  const cases: Record<string, string | undefined> = {
    AmazonS3FullAccess: 'service s3',
    'arn:aws:iam::aws:policy/AWSLambda_FullAccess': 'service lambda',
    'arn:${AWS::Partition}:iam::aws:policy/CloudWatchFullAccessV2': 'service cloudwatch',
    AmazonEC2ContainerRegistryFullAccess: 'service ecr',
    AWSStepFunctionsFullAccess: 'service states',
    SecretsManagerReadWrite: 'service secretsmanager',
    AMAZONDYNAMODBFULLACCESS: 'service dynamodb',
    IAMFullAccess: 'admin IAMFullAccess',
    'arn:aws-us-gov:iam::aws:policy/AdministratorAccess': 'admin AdministratorAccess',
    AmazonS3ReadOnlyAccess: undefined,
    AmazonEC2ContainerRegistryPowerUser: undefined,
    AmazonMadeUpServiceFullAccess: undefined,
    'arn:aws:iam::123456789012:policy/AmazonS3FullAccess': undefined,
  };
  for (const [input, expected] of Object.entries(cases)) {
    const policy = managedPolicy(input);
    const actual = policy && (policy.kind === 'admin' ? `admin ${policy.name}` : `service ${policy.service}`);
    assert.equal(actual, expected, input);
  }
});

test('a service-wide managed policy has the severity of the same wildcard written inline', async () => {
  for (const [policy, wildcard] of [['AmazonS3FullAccess', 's3:*'], ['AmazonSQSFullAccess', 'sqs:*'], ['SecretsManagerReadWrite', 'secretsmanager:*']]) {
    const inline = await iam('policy.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: wildcard, Resource: '*' }] }));
    const attached = await iam('main.tf', `resource "aws_iam_role_policy_attachment" "x" {\n  role       = "app"\n  policy_arn = "arn:aws:iam::aws:policy/${policy}"\n}\n`);
    assert.equal(inline.length, 1, wildcard);
    assert.equal(attached.length, 1, policy);
    assert.equal(attached[0].ruleId, inline[0].ruleId);
    assert.equal(attached[0].severity, inline[0].severity, policy);
    assert.match(attached[0].message, new RegExp(`${policy} is attached .*grants ${wildcard.replace('*', '\\*')} on "\\*"`));
  }
});

test('service-wide policies are not admin-level principals for the exposure x reach correlation', async () => {
  const host = new ParserHost(nodeWasmSource());
  const text = `
resource "aws_iam_user" "etl" {
  name = "etl"
}

resource "aws_iam_user_policy_attachment" "etl_s3" {
  user       = aws_iam_user.etl.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}

resource "aws_iam_user_policy_attachment" "etl_admin" {
  user       = aws_iam_user.etl.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}
`;
  const { tree } = await host.parse('hcl', text);
  assert.ok(tree);
  const found = adminPrincipals(hclFile(tree.rootNode), text).map((p) => text.slice(p.span.start, p.span.end));
  assert.deepEqual(found, ['arn:aws:iam::aws:policy/PowerUserAccess']);
});

function taggedStatement(condition: unknown): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['ec2:StopInstances', 'ec2:TerminateInstances'], Resource: '*', Condition: condition }],
  }, null, 2);
}

test('a condition that resource tags match a value limits "*"; conditions that do not are still reported', async () => {
  const limited = [
    { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
    { StringLike: { 'ec2:ResourceTag/team': 'payments-*' } },
    { StringEqualsIgnoreCase: { 'aws:ResourceTag/env': ['dev', 'test'] } },
    { 'ForAnyValue:StringEquals': { 'aws:ResourceTag/env': 'dev' } },
    { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
  ];
  for (const condition of limited) assert.deepEqual((await iam('policy.json', taggedStatement(condition))).map((f) => f.ruleId), [], JSON.stringify(condition));
  const unlimited = [
    { StringEqualsIfExists: { 'aws:ResourceTag/env': 'dev' } },
    { 'ForAllValues:StringEquals': { 'aws:ResourceTag/env': 'dev' } },
    { StringLike: { 'aws:ResourceTag/env': '*' } },
    { StringNotEquals: { 'aws:ResourceTag/env': 'prod' } },
    { StringEquals: { 'aws:RequestTag/env': 'dev' } },
    { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  ];
  for (const condition of unlimited) {
    const found = await iam('policy.json', taggedStatement(condition));
    assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity}`), ['iam/aws-resource-star low'], JSON.stringify(condition));
  }
});
