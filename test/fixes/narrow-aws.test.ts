// Narrowing AWS grants (src/core/fixes/narrow/aws.ts): the edge cases the before/after cases in
// test/fixtures/fixes-narrow/aws do not show: changed text, line endings and indentation, no calls,
// policy size limits, several findings planned together, resources that cannot be narrowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AwsCallSite } from '../../src/core/fixes/draft';
import { computeFixes } from '../../src/core/fixes/index';
import { POLICY_SIZE_LIMIT } from '../../src/core/fixes/narrow/aws';
import { policySize } from '../../src/core/fixes/narrow/awsLists';
import { placeholderArn } from '../../src/core/fixes/narrow/awsResources';
import { planFixes } from '../../src/core/fixes/plan';
import { serviceActions } from '../../src/core/iam/aws/actions';
import { applied, findings, fixesOf, workspace } from './awsFixes';

const S3_CALLS: AwsCallSite[] = [
  { action: 's3:GetObject', path: 'app/store.py', line: 11 },
  { action: 's3:PutObject', path: 'app/store.py', line: 15 },
  { action: 's3:GetObject', path: 'app/jobs.py', line: 3 },
];


const policy = (action: string, resource = '"arn:aws:s3:::reports/*"') => `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ${action},
      "Resource": ${resource}
    }
  ]
}
`;

test('a service wildcard becomes the called actions, with each action\'s provenance; the read-only list is the second fix', async () => {
  const text = policy('"s3:*"');
  const fixes = await fixesOf('policy.json', text, 'iam/aws-wildcard-action', S3_CALLS);
  assert.equal(fixes.length, 2);
  assert.equal(fixes[0].preferred, true);
  assert.match(applied(text, fixes[0]), /"Action": \["s3:GetObject", "s3:PutObject"\],/);
  assert.match(fixes[0].description!, /s3:GetObject \(app\/jobs\.py:4, app\/store\.py:12\)/);
  assert.match(fixes[0].description!, /s3:PutObject \(app\/store\.py:16\)/);
  assert.match(fixes[1].title, /review: read\/list only/);
  assert.equal(fixes[1].preferred, false);
  // The rescan of the preferred result reports no wildcard any more.
  assert.deepEqual((await findings('policy.json', applied(text, fixes[0]), 'iam/aws-wildcard-action')), []);
});

test('without calls: the read-only starting point for a service wildcard, nothing for "*"', async () => {
  const text = policy('"s3:*"');
  const fixes = await fixesOf('policy.json', text, 'iam/aws-wildcard-action');
  assert.equal(fixes.length, 1);
  assert.match(fixes[0].title, /read and list actions \(review: read\/list only\)/);
  const after = applied(text, fixes[0]);
  assert.match(after, /"s3:GetObject",\n        "s3:GetObjectAcl",/);
  assert.match(after, /"s3:ListBucket",\n/);
  assert.doesNotMatch(after, /s3:PutObject|s3:DeleteObject/);
  assert.deepEqual(await fixesOf('policy.json', policy('"*"'), 'iam/aws-full-admin'), []);
  // Calls of other services do not narrow s3:*.
  const other = await fixesOf('policy.json', text, 'iam/aws-wildcard-action', [{ action: 'sqs:SendMessage', path: 'a.py', line: 0 }]);
  assert.equal(other.length, 1);
  assert.match(other[0].description!, /the code here calls none of this service/);
});

test('"*" becomes the union of the called actions, the calls of the policy\'s own file left out', async () => {
  const text = policy('"*"');
  const calls = [...S3_CALLS, { action: 'iam:PutRolePolicy', path: 'policy.json', line: 0 }, { action: 'sqs:SendMessage', path: 'worker.py', line: 8 }];
  const [fix] = await fixesOf('policy.json', text, 'iam/aws-full-admin', calls);
  assert.match(applied(text, fix), /"Action": \["s3:GetObject", "s3:PutObject", "sqs:SendMessage"\],/);
});

test('a fix is not offered when the text at the remedy spans changed', async () => {
  const text = policy('"s3:*"');
  const [finding] = await findings('policy.json', text, 'iam/aws-wildcard-action');
  const changed = text.replace('"s3:*"', '"sqs:*"');
  assert.deepEqual(computeFixes(finding, { path: 'policy.json', text: changed }, workspace(changed, 'policy.json', S3_CALLS)), []);
  const shorter = text.slice(0, finding.remedy!.spans!.elementEnd.end - 3);
  assert.deepEqual(computeFixes(finding, { path: 'policy.json', text: shorter }, workspace(shorter, 'policy.json', S3_CALLS)), []);
});

test('CRLF line endings and tab indentation are kept in a multi-line list', async () => {
  const text = policy('"dynamodb:*"').replace(/\n/g, '\r\n').replace(/^( +)/gm, (m) => '\t'.repeat(m.length / 2));
  const calls = ['GetItem', 'PutItem', 'Query', 'UpdateItem', 'DeleteItem'].map((op, i) => ({ action: `dynamodb:${op}`, path: 'src/db.ts', line: i }));
  const [fix] = await fixesOf('policy.json', text, 'iam/aws-wildcard-action', calls);
  const after = applied(text, fix);
  assert.ok(after.includes('"Action": [\r\n\t\t\t\t"dynamodb:DeleteItem",\r\n\t\t\t\t"dynamodb:GetItem",'), after);
  assert.ok(after.includes('"dynamodb:UpdateItem"\r\n\t\t\t],\r\n'), after);
  assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/);
});

test('YAML: a scalar becomes a block list under its key; a flow list keeps its flow style', async () => {
  const block = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: app
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: s3:*
                Resource: arn:aws:s3:::reports/*
`;
  const [fix] = await fixesOf('template.yaml', block, 'iam/aws-wildcard-action', S3_CALLS);
  assert.match(applied(block, fix), /\n {16}Action:\n {18}- s3:GetObject\n {18}- s3:PutObject\n {16}Resource:/);
  const flow = block.replace('Action: s3:*', 'Action: ["s3:*", "sqs:SendMessage"]');
  const [flowFix] = await fixesOf('template.yaml', flow, 'iam/aws-wildcard-action', S3_CALLS);
  assert.match(applied(flow, flowFix), /Action: \["s3:GetObject", "s3:PutObject", "sqs:SendMessage"\]/);
});

test('several findings of one file are planned together and each is narrowed', async () => {
  const text = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/*" },
    { "Effect": "Allow", "Action": ["sqs:*"], "Resource": "arn:aws:sqs:eu-west-1:123456789012:jobs" }
  ]
}
`;
  const calls = [...S3_CALLS, { action: 'sqs:ReceiveMessage', path: 'worker.py', line: 4 }, { action: 'sqs:DeleteMessage', path: 'worker.py', line: 6 }];
  const found = await findings('policy.json', text);
  assert.equal(found.filter((f) => f.ruleId === 'iam/aws-wildcard-action').length, 2);
  const plan = planFixes(found.map((finding) => ({ finding, doc: { path: 'policy.json', text } })), workspace(text, 'policy.json', calls));
  const after = plan.files[0].after;
  assert.match(after, /"Action": \["s3:GetObject", "s3:PutObject"\]/);
  assert.match(after, /"Action": \["sqs:DeleteMessage", "sqs:ReceiveMessage"\]/);
  assert.deepEqual(await findings('policy.json', after, 'iam/aws-wildcard-action'), []);
});

test('size limit: a list that would exceed the managed policy limit is written with read-only verb wildcards, or not at all', async () => {
  const gets = serviceActions('s3').filter((a) => a.level === 'Read' && a.name.startsWith('Get')).map((a) => a.id);
  assert.ok(gets.length > 40);
  const calls = gets.map((action, line) => ({ action, path: 'big.py', line }));
  // Padding with named actions (one per line: a very long line would read as minified) brings the policy close to the limit.
  const filler = serviceActions('ec2').filter((a) => a.level === 'Read' || a.level === 'List').slice(0, 140).map((a) => `"${a.id}"`).join(',\n    ');
  const text = `{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": [${filler}], "Resource": "*"},
  {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::reports/*"}
]}
`;
  assert.ok(policySize(text) < POLICY_SIZE_LIMIT);
  assert.ok(policySize(text) + gets.join('","').length > POLICY_SIZE_LIMIT, 'the full list would not fit');
  const [fix] = await fixesOf('policy.json', text, 'iam/aws-wildcard-action', calls);
  assert.match(fix.title, /the code calls/);
  const after = applied(text, fix);
  assert.ok(policySize(after) <= POLICY_SIZE_LIMIT);
  assert.match(after, /"s3:Get\*"/);
  assert.match(fix.description!, /6144-character policy limit/);
  // With almost no room left, no list fits: no fix rather than one IAM would refuse.
  const crowded = text.replace('"Version": "2012-10-17"', `"Version": "2012-10-17", "Id": "${'x'.repeat(POLICY_SIZE_LIMIT - policySize(text) - 8 - 1)}"`);
  const none = await fixesOf('policy.json', crowded, 'iam/aws-wildcard-action', calls);
  assert.ok(none.every((f) => policySize(applied(crowded, f)) <= POLICY_SIZE_LIMIT));
  assert.equal(none.filter((f) => f.title.includes("the code calls")).length, 0);
});

test('Terraform: a resource defined twice gives the ARN template; a heredoc gets an interpolated reference', async () => {
  const twice = `resource "aws_s3_bucket" "a" {
  bucket = "a"
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
`;
  const [fix] = await fixesOf('main.tf', twice, 'iam/aws-resource-star');
  assert.match(applied(twice, fix), /resources = \["arn:aws:s3:::<BucketName>\/\*"\]/);
  assert.match(fix.title, /fill in the placeholders/);
  const heredoc = `resource "aws_s3_bucket" "a" {
  bucket = "a"
}

resource "aws_iam_policy" "app" {
  policy = <<EOT
{
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*" }
  ]
}
EOT
}
`;
  const [hereFix] = await fixesOf('main.tf', heredoc, 'iam/aws-resource-star');
  assert.match(applied(heredoc, hereFix), /"Resource": \["\$\{aws_s3_bucket\.a\.arn\}", "\$\{aws_s3_bucket\.a\.arn\}\/\*"\]/);
  assert.match(hereFix.description!, /aws_s3_bucket\.a/);
});

test('ARN templates: placeholders for names, region and account; "every" for objects and indexes', () => {
  assert.equal(placeholderArn('arn:${Partition}:s3:::${BucketName}/${ObjectName}'), 'arn:aws:s3:::<BucketName>/*');
  assert.equal(placeholderArn('arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/index/${IndexName}'), 'arn:aws:dynamodb:<Region>:<Account>:table/<TableName>/index/*');
  assert.equal(placeholderArn('arn:${Partition}:sqs:${Region}:${Account}:${QueueName}'), 'arn:aws:sqs:<Region>:<Account>:<QueueName>');
});

test('NotAction in YAML becomes Action with a block list; without calls there is no fix', async () => {
  const text = `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            NotAction:
              - iam:*
              - organizations:*
            Resource: arn:aws:s3:::reports/*
`;
  assert.deepEqual(await fixesOf('policy.yaml', text, 'iam/aws-not-action'), []);
  const calls = [...S3_CALLS, { action: 'iam:CreateUser', path: 'admin.py', line: 2 }];
  const [fix] = await fixesOf('policy.yaml', text, 'iam/aws-not-action', calls);
  const after = applied(text, fix);
  assert.match(after, /\n {12}Action:\n {14}- s3:GetObject\n {14}- s3:PutObject\n {12}Resource:/);
  assert.doesNotMatch(after, /iam:CreateUser|NotAction/, 'the excluded service stays excluded');
  assert.deepEqual(await findings('policy.yaml', after, 'iam/aws-not-action'), []);
});

test('Python and TypeScript keep the quote of the value they replace', async () => {
  const py = `import boto3

iam = boto3.client("iam")
iam.put_role_policy(RoleName="app", PolicyName="app", PolicyDocument=json.dumps({
    'Version': '2012-10-17',
    'Statement': [{'Effect': 'Allow', 'Action': ['s3:*'], 'Resource': 'arn:aws:s3:::reports/*'}],
}))
`;
  const [pyFix] = await fixesOf('provision.py', py, 'iam/aws-wildcard-action', S3_CALLS);
  assert.match(applied(py, pyFix), /'Action': \['s3:GetObject', 's3:PutObject'\]/);
  const ts = "new iam.PolicyStatement({\n  actions: [`s3:*`],\n  resources: ['arn:aws:s3:::reports/*'],\n});\n";
  const [tsFix] = await fixesOf('lib/stack.ts', ts, 'iam/aws-wildcard-action', S3_CALLS);
  assert.match(applied(ts, tsFix), /actions: \[`s3:GetObject`, `s3:PutObject`\]/);
});
