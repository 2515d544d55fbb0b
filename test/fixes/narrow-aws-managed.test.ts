// Narrowing attached AWS managed policies and trust policies (src/core/fixes/narrow/awsManaged.ts,
// awsTrust.ts): the edge cases the before/after cases in test/fixtures/fixes-narrow/aws-managed do not
// show: changed text, no read-only counterpart, the suggested inline policy, forms that get no fix,
// line endings and indentation, several findings planned together.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AwsCallSite } from '../../src/core/fixes/draft';
import { computeFixes } from '../../src/core/fixes/index';
import { planFixes } from '../../src/core/fixes/plan';
import { applied, findings, fixesOf, workspace } from './awsFixes';


const attachment = (arn: string) => `resource "aws_iam_role_policy_attachment" "worker" {
  role       = aws_iam_role.worker.name
  policy_arn = "${arn}"
}
`;

test('the admin policy fix lists the actions the workload calls as the inline policy to write, not the file\'s own calls', async () => {
  const text = attachment('arn:aws:iam::aws:policy/AdministratorAccess');
  const calls: AwsCallSite[] = [
    { action: 's3:GetObject', path: 'app/store.py', line: 3 },
    { action: 'sqs:SendMessage', path: 'app/queue.py', line: 8 },
    { action: 'iam:PassRole', path: 'iam.tf', line: 1 },
  ];
  const [fix] = await fixesOf('iam.tf', text, 'iam/aws-admin-managed-policy', calls);
  assert.equal(fix.preferred, true);
  assert.match(applied(text, fix), /policy_arn = "arn:aws:iam::aws:policy\/job-function\/ViewOnlyAccess"/);
  assert.match(fix.description!, /these 2 actions: s3:GetObject, sqs:SendMessage\./);
  assert.doesNotMatch(fix.description!, /iam:PassRole/);
  assert.match(fix.description!, /stops working/);
});

test('without calls the description says none were found', async () => {
  const [fix] = await fixesOf('iam.tf', attachment('arn:aws:iam::aws:policy/PowerUserAccess'), 'iam/aws-admin-managed-policy');
  assert.match(fix.description!, /no AWS SDK calls were found/);
});

test('a service-wide policy suggests only that service\'s calls', async () => {
  const text = attachment('arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess');
  const calls: AwsCallSite[] = [
    { action: 'dynamodb:GetItem', path: 'app/db.py', line: 3 },
    { action: 's3:GetObject', path: 'app/store.py', line: 3 },
  ];
  const [fix] = await fixesOf('iam.tf', text, 'iam/aws-wildcard-action', calls);
  assert.match(applied(text, fix), /policy\/AmazonDynamoDBReadOnlyAccess"/);
  assert.match(fix.description!, /this action: dynamodb:GetItem\./);
});

test('a service-wide policy without a read-only counterpart gets no fix', async () => {
  const fixes = await fixesOf('iam.tf', attachment('arn:aws:iam::aws:policy/SecretsManagerReadWrite'), 'iam/aws-wildcard-action');
  assert.deepEqual(fixes, []);
});

test('no managed-policy fix when the text at the finding changed', async () => {
  const text = attachment('arn:aws:iam::aws:policy/AdministratorAccess');
  const [finding] = await findings('iam.tf', text, 'iam/aws-admin-managed-policy');
  const changed = text.replace('AdministratorAccess', 'AdministratorAccesX');
  assert.deepEqual(computeFixes(finding, { path: 'iam.tf', text: changed }, workspace(changed, 'iam.tf')), []);
});

test('a Pulumi enum member is reported but not rewritten (it is not a string)', async () => {
  const text = `import * as aws from "@pulumi/aws";

const role = new aws.iam.Role("ops", { assumeRolePolicy: "{}" });
new aws.iam.RolePolicyAttachment("ops-admin", { role: role.name, policyArn: aws.iam.ManagedPolicy.AdministratorAccess });
`;
  const all = await findings('index.ts', text, 'iam/aws-admin-managed-policy');
  assert.equal(all.length, 1);
  assert.deepEqual(computeFixes(all[0], { path: 'index.ts', text }, workspace(text, 'index.ts')), []);
});

const trustJson = (principal: string, extra = '') => `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": ${principal},
      "Action": "sts:AssumeRole"${extra}
    }
  ]
}
`;

test('NotPrincipal trust is reported without a fix', async () => {
  const text = trustJson('{ "AWS": "arn:aws:iam::123456789012:root" }').replace('"Principal"', '"NotPrincipal"');
  assert.deepEqual(await fixesOf('trust.json', text, 'iam/aws-trust-any-principal'), []);
});

test('Terraform principals of type "*" get no fix (identifiers must stay "*" for that type)', async () => {
  const text = `data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
`;
  assert.deepEqual(await fixesOf('iam.tf', text, 'iam/aws-trust-any-principal'), []);
});

test('Terraform without aws_caller_identity writes the placeholder and says so', async () => {
  const text = `data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
`;
  const [fix] = await fixesOf('iam.tf', text, 'iam/aws-trust-any-principal');
  assert.match(applied(text, fix), /identifiers = \["arn:aws:iam::<AccountId>:root"\]/);
  assert.match(fix.description!, /not valid until then/);
});

test('a whole "*" principal in JSON becomes an AWS mapping', async () => {
  const text = trustJson('"*"');
  const [fix] = await fixesOf('trust.json', text, 'iam/aws-trust-any-principal');
  assert.match(applied(text, fix), /"Principal": \{"AWS": "arn:aws:iam::<AccountId>:root"\},/);
});

test('GitHub trust: a StringEquals subject of "*" gets an exact placeholder (StringEquals takes no wildcard)', async () => {
  const text = trustJson('{ "Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }',
    ',\n      "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "*" } }')
    .replace('sts:AssumeRole"', 'sts:AssumeRoleWithWebIdentity"');
  const [fix] = await fixesOf('trust.json', text, 'iam/aws-trust-unscoped-federation');
  assert.match(applied(text, fix), /"token\.actions\.githubusercontent\.com:sub": "repo:<owner>\/<repo>:ref:refs\/heads\/<branch>"/);
});

test('GitHub trust in YAML with CRLF line endings keeps CRLF', async () => {
  const text = [
    'Statement:',
    '  - Effect: Allow',
    '    Principal:',
    '      Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
    '    Action: sts:AssumeRoleWithWebIdentity',
    '',
  ].join('\r\n');
  const [fix] = await fixesOf('trust.yaml', text, 'iam/aws-trust-unscoped-federation');
  const after = applied(text, fix);
  assert.ok(after.includes('    Condition:\r\n      StringLike:\r\n        "token.actions.githubusercontent.com:sub": "repo:<owner>/<repo>:*"\r\n'), after);
  assert.doesNotMatch(after, /[^\r]\n/);
  assert.deepEqual(await findings('trust.yaml', after, 'iam/aws-trust-unscoped-federation'), []);
});

test('a flow-mapping YAML statement gets no federation fix', async () => {
  const text = 'Statement:\n  - {Effect: Allow, Principal: {Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}, Action: "sts:AssumeRoleWithWebIdentity"}\n';
  assert.deepEqual(await fixesOf('trust.yaml', text, 'iam/aws-trust-unscoped-federation'), []);
});

test('several trust findings in one file are planned together', async () => {
  const statement = (sid: string) => `    {
      "Sid": "${sid}",
      "Effect": "Allow",
      "Principal": { "AWS": "*" },
      "Action": "sts:AssumeRole"
    }`;
  const text = `{
  "Version": "2012-10-17",
  "Statement": [
${statement('One')},
${statement('Two')}
  ]
}
`;
  const found = await findings('trust.json', text, 'iam/aws-trust-any-principal');
  assert.equal(found.length, 2);
  const plan = planFixes(found.map((finding) => ({ finding, doc: { path: 'trust.json', text } })), workspace(text, 'trust.json'));
  const after = plan.files[0].after;
  assert.equal(after.match(/"AWS": "arn:aws:iam::<AccountId>:root"/g)?.length, 2);
  assert.deepEqual(await findings('trust.json', after, 'iam/aws-trust-any-principal'), []);
});
