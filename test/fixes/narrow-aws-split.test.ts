// Splitting a statement whose actions partly take only "*" (src/core/fixes/narrow/awsSplit.ts),
// `iam:PassRole` on "*" limited to a role (awsPassRole.ts), and the read-only starting point limited
// to a service's everyday resources.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeFixes } from '../../src/core/fixes/index';
import { POLICY_SIZE_LIMIT } from '../../src/core/fixes/narrow/aws';
import { policySize } from '../../src/core/fixes/narrow/awsLists';
import { planFixes } from '../../src/core/fixes/plan';
import { applied, findings, fixesOf, workspace } from './awsFixes';

const STAR = 'iam/aws-resource-star';
const ESCALATION = 'iam/aws-privilege-escalation';


/** Applies the preferred fix and checks that the rule is no longer reported and that nothing else is fixed again. */
async function fixedOnce(path: string, text: string, rule: string): Promise<string> {
  const fixes = await fixesOf(path, text, rule);
  assert.ok(fixes.length > 0, 'a fix');
  const after = applied(text, fixes[0]);
  assert.deepEqual((await findings(path, after, rule)).map((f) => f.message), []);
  return after;
}

const mixedJson = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Secrets",
      "Effect": "Allow",
      "Action": ["secretsmanager:GetSecretValue", "secretsmanager:ListSecrets"],
      "Resource": "*",
      "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}
    }
  ]
}
`;

test('JSON: the "*"-only action keeps "*", a copy with the Sid suffixed and the Condition holds the other', async () => {
  const fixes = await fixesOf('policy.json', mixedJson, STAR);
  assert.equal(fixes.length, 1);
  assert.match(fixes[0].title, /^Split the statement/);
  assert.match(fixes[0].description!, /secretsmanager:ListSecrets accepts only "\*"/);
  const after = applied(mixedJson, fixes[0]);
  assert.equal(after, mixedJson.replace(`      "Action": ["secretsmanager:GetSecretValue", "secretsmanager:ListSecrets"],
      "Resource": "*",
      "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}
    }`, `      "Action": ["secretsmanager:ListSecrets"],
      "Resource": "*",
      "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}
    },
    {
      "Sid": "SecretsScoped",
      "Effect": "Allow",
      "Action": ["secretsmanager:GetSecretValue"],
      "Resource": "arn:aws:secretsmanager:<Region>:<Account>:secret:<SecretId>",
      "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}
    }`));
  assert.doesNotThrow(() => JSON.parse(after));
  assert.deepEqual(await findings('policy.json', after), []);
});

test('a split is not offered when the action list changed since the scan', async () => {
  const [finding] = await findings('policy.json', mixedJson, STAR);
  const changed = mixedJson.replace('"secretsmanager:ListSecrets"', '"secretsmanager:ListSecretz"');
  assert.deepEqual(computeFixes(finding, { path: 'policy.json', text: changed }, workspace(changed, 'policy.json')), []);
  const added = mixedJson.replace('"secretsmanager:ListSecrets"]', '"secretsmanager:ListSecrets", "secretsmanager:DescribeSecret"]');
  assert.deepEqual(computeFixes(finding, { path: 'policy.json', text: added }, workspace(added, 'policy.json')), []);
});

test('CRLF and tabs are kept in the copy and between the statements', async () => {
  const text = mixedJson.replace(/^( +)/gm, (m) => '\t'.repeat(m.length / 2)).replace(/\n/g, '\r\n');
  const after = await fixedOnce('policy.json', text, STAR);
  assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/);
  assert.match(after, /\t\t},\r\n\t\t\{\r\n\t\t\t"Sid": "SecretsScoped",\r\n/);
  assert.doesNotMatch(after, / {2}/);
});

test('YAML flow statements in a block list, and a one-line JSON string, are split on their line', async () => {
  const yaml = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: [sqs:SendMessage, sqs:ListQueues], Resource: '*' }
`;
  const after = await fixedOnce('template.yaml', yaml, STAR);
  assert.match(after, /\n {14}- \{ Effect: Allow, Action: \[sqs:ListQueues\], Resource: '\*' \}\n {14}- \{ Effect: Allow, Action: \[sqs:SendMessage\], Resource: 'arn:aws:sqs:<Region>:<Account>:<QueueName>' \}\n$/);
  const python = `import json
import boto3
iam = boto3.client("iam")
iam.put_role_policy(RoleName="r", PolicyName="p", PolicyDocument='{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:ListQueues"], "Resource": "*"}]}')
`;
  const out = await fixedOnce('provision.py', python, STAR);
  assert.equal(out.split('\n').length, python.split('\n').length);
  assert.match(out, /\{"Effect": "Allow", "Action": \["sqs:ListQueues"\], "Resource": "\*"\}, \{"Effect": "Allow", "Action": \["sqs:SendMessage"\]/);
});

test('CDK: a statement in a list is split; one passed to addToPolicy is not (no place for a second)', async () => {
  const inList = `import * as iam from 'aws-cdk-lib/aws-iam';
const doc = new iam.PolicyDocument({
  statements: [
    new iam.PolicyStatement({
      actions: ['s3:GetObject', 's3:ListAllMyBuckets'],
      resources: ['*'],
    }),
  ],
});
`;
  const after = await fixedOnce('stack.ts', inList, STAR);
  assert.match(after, /actions: \['s3:ListAllMyBuckets'\],\n {6}resources: \['\*'\],\n {4}\}\),\n {4}new iam\.PolicyStatement\(\{\n {6}actions: \['s3:GetObject'\],\n {6}resources: \['arn:aws:s3:::<BucketName>\/\*'\],/);
  const alone = `import * as iam from 'aws-cdk-lib/aws-iam';
role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:ListAllMyBuckets'], resources: ['*'] }));
`;
  assert.deepEqual(await fixesOf('stack.ts', alone, STAR), []);
});

test('several mixed statements of one file are split in one plan; a rerun changes nothing', async () => {
  const text = `data "aws_iam_policy_document" "app" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:ListAllMyBuckets"]
    resources = ["*"]
  }
  statement {
\tsid       = "Queue"
\tactions   = ["sqs:SendMessage", "sqs:ListQueues"]
\tresources = ["*"]
  }
}
`;
  const found = await findings('iam.tf', text, STAR);
  assert.equal(found.length, 2);
  const plan = planFixes(found.map((finding) => ({ finding, doc: { path: 'iam.tf', text } })), workspace(text, 'iam.tf'));
  assert.equal(plan.applied.length, 2);
  const after = plan.files[0].after;
  assert.equal((after.match(/^ {2}statement \{$/gm) ?? []).length, 4);
  assert.match(after, /sid {7}= "ReadScoped"\n {4}actions {3}= \["s3:GetObject"\]/);
  assert.match(after, /\tsid {7}= "QueueScoped"\n\tactions {3}= \["sqs:SendMessage"\]/);
  assert.deepEqual(await findings('iam.tf', after), []);
});

test('no split when the copy would take the policy over the size limit', async () => {
  const filler = `"Id": "${'x'.repeat(POLICY_SIZE_LIMIT - policySize(mixedJson) - 12)}",`;
  const crowded = mixedJson.replace('"Version"', `${filler} "Version"`);
  assert.ok(policySize(crowded) <= POLICY_SIZE_LIMIT);
  assert.deepEqual(await fixesOf('policy.json', crowded, STAR), []);
});

const passRole = (roles: string, attached = 'aws_iam_role.runner.id') => `${roles}
resource "aws_iam_role_policy" "runner" {
  role = ${attached}
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "*"
      },
    ]
  })
}
`;
const role = (name: string, body = '') => `resource "aws_iam_role" "${name}" {
  name               = "${name}"
  assume_role_policy = "{}"${body}
}
`;

test('PassRole: the one role the file defines besides the policy\'s own; else the role ARN template', async () => {
  const one = passRole(role('runner') + role('job'));
  const after = await fixedOnce('iam.tf', one, ESCALATION);
  assert.match(after, /Resource = aws_iam_role\.job\.arn\n/);
  // Two candidate roles: which one is passed cannot be told.
  const two = await fixedOnce('iam.tf', passRole(role('runner') + role('job') + role('other')), ESCALATION);
  assert.match(two, /Resource = "arn:aws:iam::<Account>:role\/<RoleNameWithPath>"/);
  // Only the policy's own role: not a candidate.
  const own = await fixedOnce('iam.tf', passRole(role('runner')), ESCALATION);
  assert.match(own, /role\/<RoleNameWithPath>/);
  // A role whose inline policy holds the statement is its own role too.
  const inline = `${role('job')}resource "aws_iam_role" "runner" {
  name = "runner"
  inline_policy {
    name = "pass"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }]
    })
  }
}
`;
  const inlineAfter = await fixedOnce('iam.tf', inline, ESCALATION);
  assert.match(inlineAfter, /Resource = aws_iam_role\.job\.arn \}/);
});

test('PassRole in CloudFormation JSON: Fn::GetAtt of the other role; a changed Resource gives no fix', async () => {
  const text = `{
  "Resources": {
    "FunctionRole": { "Type": "AWS::IAM::Role", "Properties": { "AssumeRolePolicyDocument": {} } },
    "Deployer": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "Policies": [{
          "PolicyName": "deploy",
          "PolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [{ "Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction"], "Resource": "*" }]
          }
        }]
      }
    }
  }
}
`;
  const fixes = await fixesOf('stack.json', text, ESCALATION);
  assert.equal(fixes.length, 1);
  const after = applied(text, fixes[0]);
  assert.doesNotThrow(() => JSON.parse(after));
  assert.match(after, /\{ "Effect": "Allow", "Action": \["lambda:CreateFunction"\], "Resource": "\*" \}, \{ "Effect": "Allow", "Action": \["iam:PassRole"\], "Resource": \{"Fn::GetAtt": \["FunctionRole", "Arn"\]\} \}/);
  assert.deepEqual(await findings('stack.json', after, ESCALATION), []);
  const [finding] = await findings('stack.json', text, ESCALATION);
  const changed = text.replace('"Resource": "*"', '"Resource": "x"');
  assert.deepEqual(computeFixes(finding, { path: 'stack.json', text: changed }, workspace(changed, 'stack.json')), []);
});

test('the read-only starting point of a service with known everyday resources reads only those', async () => {
  const text = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/*" }]
}
`;
  const [fix] = await fixesOf('policy.json', text, 'iam/aws-wildcard-action');
  const after = applied(text, fix);
  assert.match(after, /"s3:GetObject"/);
  assert.match(after, /"s3:ListBucket"/);
  assert.doesNotMatch(after, /StorageLens|AccessGrant|MultiRegionAccessPoint|ListAllMyBuckets/);
  assert.match(fix.description!, /on bucket, object/);
  // A service the table does not know keeps every read and list action.
  const logs = text.replace('"s3:*"', '"logs:*"').replace('arn:aws:s3:::reports/*', '*');
  const [logsFix] = await fixesOf('policy.json', logs, 'iam/aws-wildcard-action');
  assert.match(applied(logs, logsFix), /"logs:DescribeLogGroups"/);
  assert.match(applied(logs, logsFix), /"logs:GetLogEvents"/);
  assert.doesNotMatch(logsFix.description!, /left out/);
});
