// AWS policy judgement: one model whatever the format, severities by reach, the exact element.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../src/core/types';
import { scanText } from '../harness';

/** Rule, severity and the source text each finding points at. */
async function judged(path: string, text: string): Promise<string[]> {
  const result = await scanText(path, text);
  return result.findings.filter((f) => f.category === 'iam').map((f) => `${f.ruleId} ${f.severity} ${text.slice(f.span.start, f.span.end)}`);
}

async function findings(path: string, text: string): Promise<Finding[]> {
  return (await scanText(path, text)).findings.filter((f) => f.category === 'iam');
}

const EXPECTED = [
  'iam/aws-wildcard-action critical iam:*',
  'iam/aws-resource-star high *',
  'iam/aws-not-action high NotAction',
];

const FORMATS: Record<string, string> = {
  'policy.json': `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["iam:*"], "Resource": "*" },
    { "Effect": "Allow", "Action": ["s3:GetObject", "ec2:Describe*"], "Resource": "*" },
    { "Effect": "Deny", "Action": "*", "Resource": "*" },
    { "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }
  ]
}`,
  'template.yaml': `Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [iam:*]
            Resource: "*"
          - Effect: Allow
            Action: [s3:GetObject, ec2:Describe*]
            Resource: "*"
          - Effect: Deny
            Action: "*"
            Resource: "*"
          - Effect: Allow
            NotAction: iam:*
            Resource: "*"
`,
  'jsonencode.tf': `resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["iam:*"], Resource = "*" },
      { Effect = "Allow", Action = ["s3:GetObject", "ec2:Describe*"], Resource = "*" },
      { Effect = "Deny", Action = "*", Resource = "*" },
      { Effect = "Allow", NotAction = "iam:*", Resource = "*" },
    ]
  })
}`,
  'heredoc.tf': `resource "aws_iam_user_policy" "p" {
  user   = aws_iam_user.u.name
  policy = <<EOF
{
  "Statement": [
    { "Effect": "Allow", "Action": ["iam:*"], "Resource": "*" },
    { "Effect": "Allow", "Action": ["s3:GetObject", "ec2:Describe*"], "Resource": "*" },
    { "Effect": "Deny", "Action": "*", "Resource": "*" },
    { "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }
  ]
}
EOF
}`,
  'document.tf': `data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["iam:*"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:GetObject", "ec2:Describe*"]
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    effect      = "Allow"
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
}`,
  'serverless.yml': `provider:
  iam:
    role:
      statements:
        - Effect: Allow
          Action: [iam:*]
          Resource: "*"
        - Effect: Allow
          Action: [s3:GetObject, ec2:Describe*]
          Resource: "*"
        - Effect: Deny
          Action: "*"
          Resource: "*"
        - Effect: Allow
          NotAction: iam:*
          Resource: "*"
`,
  'put.ts': `await client.send(new CreatePolicyCommand({
  PolicyName: 'p',
  PolicyDocument: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['iam:*'], Resource: '*' },
      { Effect: 'Allow', Action: ['s3:GetObject', 'ec2:Describe*'], Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    ],
  }),
}));`,
  'put.py': `iam.create_policy(PolicyName="p", PolicyDocument=json.dumps({
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["iam:*"], "Resource": "*"},
        {"Effect": "Allow", "Action": ["s3:GetObject", "ec2:Describe*"], "Resource": "*"},
        {"Effect": "Deny", "Action": "*", "Resource": "*"},
        {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
    ],
}))`,
  'stack.ts': `role.addToPolicy(new iam.PolicyStatement({ actions: ['iam:*'], resources: ['*'] }));
role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 'ec2:Describe*'], resources: ['*'] }));
role.addToPolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['*'], resources: ['*'] }));
role.addToPolicy(new iam.PolicyStatement({ effect: iam.Effect.ALLOW, notActions: ['iam:*'], resources: ['*'] }));`,
  'stack.py': `role.add_to_policy(iam.PolicyStatement(actions=["iam:*"], resources=["*"]))
role.add_to_policy(iam.PolicyStatement(actions=["s3:GetObject", "ec2:Describe*"], resources=["*"]))
role.add_to_policy(iam.PolicyStatement(effect=iam.Effect.DENY, actions=["*"], resources=["*"]))
role.add_to_policy(iam.PolicyStatement(effect=iam.Effect.ALLOW, not_actions=["iam:*"], resources=["*"]))`,
};

for (const [path, text] of Object.entries(FORMATS)) {
  test(`one policy model: ${path} gives the same findings on the same elements`, async () => {
    const got = await judged(path, text);
    const expected = EXPECTED.map((e) => (e.endsWith('NotAction') ? e.replace('NotAction', notActionKey(path)) : e));
    assert.deepEqual(got, expected);
  });
}

function notActionKey(path: string): string {
  if (path === 'document.tf') return 'not_actions';
  if (path === 'stack.ts') return 'notActions';
  if (path === 'stack.py') return 'not_actions';
  return path.endsWith('.json') || path.endsWith('.py') || path === 'heredoc.tf' ? '"NotAction"' : 'NotAction';
}

function policy(statements: string): string {
  return `{"Version": "2012-10-17", "Statement": [${statements}]}`;
}

test('the message names the exact grant and what it reaches', async () => {
  const [f] = await findings('p.json', policy('{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}'));
  assert.match(f.message, /^Allow iam:\* on \* grants all \d{3} IAM actions, including privilege escalation \(iam:PassRole, iam:CreateAccessKey, iam:PutRolePolicy/);
  assert.ok(f.tags.includes('OWASP-NHI5') && f.tags.includes('CWE-250'));
  assert.match(f.docsUrl ?? '', /^https:\/\/docs\.aws\.amazon\.com\//);
});

test('severity follows reach: escalation, data, writes, read-only', async () => {
  const severity = async (statement: string) => (await findings('p.json', policy(statement))).map((f) => `${f.ruleId} ${f.severity}`);
  assert.deepEqual(await severity('{"Effect": "Allow", "Action": "*", "Resource": "*"}'), ['iam/aws-full-admin critical']);
  assert.deepEqual(await severity('{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::one-bucket/*"}'), ['iam/aws-full-admin high']);
  assert.deepEqual(await severity('{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}'), ['iam/aws-wildcard-action high']);
  assert.deepEqual(await severity('{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}'), ['iam/aws-wildcard-action medium']);
  assert.deepEqual(await severity('{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::one-bucket/*"}'), ['iam/aws-wildcard-action low']);
  assert.deepEqual(await severity('{"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::123456789012:role/app"}'), ['iam/aws-wildcard-action high']);
  assert.deepEqual(await severity('{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "arn:aws:s3:::one-bucket/*"}'), []);
  assert.deepEqual(await severity('{"Effect": "Allow", "Action": ["ec2:Describe*", "s3:ListAllMyBuckets", "sts:GetCallerIdentity", "cloudwatch:PutMetricData"], "Resource": "*"}'), []);
  assert.deepEqual(await severity('{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}'), ['iam/aws-resource-star medium']);
  assert.deepEqual(await severity('{"Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}'), ['iam/aws-not-action critical']);
  assert.deepEqual(await severity('{"Effect": "Allow", "NotAction": ["iam:*", "sts:*"], "Resource": "arn:aws:s3:::b/*"}'), ['iam/aws-not-action medium']);
});

test('a Condition lowers the severity of a grant by one step, and says so', async () => {
  const [f] = await findings('p.json', policy('{"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}'));
  assert.equal(f.severity, 'high');
  assert.match(f.message, /Condition narrows it/);
});

test('iam:PassRole on * is high alone and critical with a way to run code as the role', async () => {
  const alone = await findings('p.json', policy('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}'));
  assert.deepEqual(alone.map((f) => f.severity), ['high']);
  const combined = await findings('p.json', policy('{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}, {"Effect": "Allow", "Action": "lambda:Create*", "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:x"}'));
  assert.equal(combined[0].severity, 'critical');
  assert.match(combined[0].message, /lambda:CreateFunction/);
});

test('every element of every statement is checked, not only the first', async () => {
  const got = await judged('p.json', policy([
    '{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::a/*"]}',
    '{"Effect": "Allow", "Action": ["sqs:SendMessage", "sns:Publish", "kms:*"], "Resource": ["arn:aws:sqs:eu-west-1:123456789012:q", "*"]}',
  ].join(',')));
  assert.deepEqual(got, ['iam/aws-wildcard-action high kms:*', 'iam/aws-resource-star medium *']);
});

test('Deny statements are never reported, whatever they contain', async () => {
  assert.deepEqual(await judged('p.json', policy('{"Effect": "Deny", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::x", "Principal": "*", "Action": ["*", "s3:Nope"], "Resource": "*"}')), []);
});

test('trust policies: any principal, any account, and restricting conditions', async () => {
  const trust = (principal: string, condition = '') => judged('trust.json', policy(`{"Effect": "Allow", "Principal": ${principal}, "Action": "sts:AssumeRole"${condition}}`));
  assert.deepEqual(await trust('"*"'), ['iam/aws-trust-any-principal critical *']);
  assert.deepEqual(await trust('{"AWS": ["arn:aws:iam::123456789012:root", "*"]}'), ['iam/aws-trust-any-principal critical *']);
  assert.deepEqual(await trust('{"AWS": "*"}', ', "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123def4"}}'), []);
  assert.deepEqual(await trust('{"AWS": "*"}', ', "Condition": {"StringEquals": {"aws:PrincipalOrgID": "*"}}'), ['iam/aws-trust-any-principal critical *']);
  assert.deepEqual(await trust('{"AWS": "arn:aws:iam::123456789012:root"}'), []);
});

test('code without IAM keywords is never parsed for AWS policies', async () => {
  const { awsIamDetector } = await import('../../src/core/iam/aws/detector');
  const text = 'export function add(a: number, b: number) { return a + b; }\n'.repeat(5000);
  const ctx = { path: 'a.ts', language: 'typescript' as const, text, lower: text.toLowerCase(), tree: null, generated: false, lines: undefined as never };
  assert.equal(awsIamDetector.wantsTree?.(ctx), false);
});

test('a large policy file is judged quickly', async () => {
  const statements = Array.from({ length: 2000 }, (_, i) => `{"Effect": "Allow", "Action": ["s3:GetObject", "dynamodb:Query", "iam:Get*"], "Resource": "arn:aws:s3:::bucket-${i}/*"}`);
  const started = performance.now();
  const result = await scanText('big.json', policy(statements.join(',\n')));
  const elapsed = performance.now() - started;
  assert.equal(result.findings.filter((f) => f.category === 'iam').length, 0);
  assert.ok(elapsed < 3000, `${elapsed.toFixed(0)} ms`);
});
