// The contract the exposure x reach correlation relies on: which users, roles and groups of a
// Terraform file hold admin-level permissions, and where that grant is written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminPrincipals } from '../../src/core/iam/aws/adminPrincipals';
import { hclFile } from '../../src/core/structured';
import { nodeWasmSource } from '../../src/node/wasmSource';
import { ParserHost } from '../../src/parsing/parserHost';

const host = new ParserHost(nodeWasmSource());

async function principals(text: string) {
  const { tree } = await host.parse('hcl', text);
  assert.ok(tree);
  return adminPrincipals(hclFile(tree.rootNode), text).map((p) => ({ kind: p.kind, address: p.address, name: p.name, grant: text.slice(p.span.start, p.span.end) }));
}

const TERRAFORM = `
resource "aws_iam_user" "deploy" {
  name = "deploy-bot"
}

resource "aws_iam_user_policy_attachment" "deploy_admin" {
  user       = aws_iam_user.deploy.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_access_key" "deploy" {
  user = aws_iam_user.deploy.name
}

resource "aws_iam_role" "ops" {
  name                = "ops"
  assume_role_policy  = data.aws_iam_policy_document.trust.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/PowerUserAccess"]
}

resource "aws_iam_user_policy" "legacy" {
  user   = "legacy-sync"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}

resource "aws_iam_policy" "everything" {
  policy = data.aws_iam_policy_document.everything.json
}

data "aws_iam_policy_document" "everything" {
  statement {
    actions   = ["iam:*"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy_attachment" "ci" {
  role       = aws_iam_role.ci.name
  policy_arn = aws_iam_policy.everything.arn
}

resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_group_policy_attachment" "admins" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = "alice"
  groups = [aws_iam_group.admins.name]
}

resource "aws_iam_user" "reader" {
  name = "reader"
}

resource "aws_iam_user_policy_attachment" "reader" {
  user       = aws_iam_user.reader.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
`;

test('admin principals: attachments, managed_policy_arns, inline and customer policies, group members', async () => {
  const got = await principals(TERRAFORM);
  assert.deepEqual(got, [
    { kind: 'user', address: 'aws_iam_user.deploy', name: 'deploy-bot', grant: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    { kind: 'role', address: 'aws_iam_role.ops', name: 'ops', grant: 'arn:aws:iam::aws:policy/PowerUserAccess' },
    { kind: 'group', address: 'aws_iam_group.admins', name: 'admins', grant: 'arn:aws:iam::aws:policy/IAMFullAccess' },
    { kind: 'role', address: 'aws_iam_role.ci', name: undefined, grant: 'aws_iam_policy.everything.arn' },
    { kind: 'user', address: undefined, name: 'legacy-sync', grant: '*' },
    { kind: 'user', address: undefined, name: 'alice', grant: 'arn:aws:iam::aws:policy/IAMFullAccess' },
  ]);
});

test('admin principals: none in a least-privilege module', async () => {
  assert.deepEqual(await principals(`
resource "aws_iam_user" "ci" { name = "ci" }
resource "aws_iam_user_policy" "ci" {
  user   = aws_iam_user.ci.name
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:PutObject"], Resource = "arn:aws:s3:::artifacts/*" }] })
}
resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "*" } }] })
}
`), []);
});
