import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFromJson, dataFromYaml, get, hclFile, stringList, stringValue, blankTemplates, type DataNode } from '../src/core/structured';
import { nodeWasmSource } from '../src/node/wasmSource';
import { ParserHost } from '../src/parsing/parserHost';

const host = new ParserHost(nodeWasmSource());

async function tree(language: 'json' | 'yaml' | 'hcl', text: string) {
  const { tree } = await host.parse(language, text);
  assert.ok(tree);
  return tree.rootNode;
}

function textAt(text: string, node: DataNode | undefined): string {
  assert.ok(node && node.kind === 'scalar');
  return text.slice(node.valueSpan.start, node.valueSpan.end);
}

test('JSON: objects, arrays and scalars keep the spans of their values', async () => {
  const text = '{\n  "Statement": [{ "Effect": "Allow", "Action": ["s3:*", "iam:Pass\\u0052ole"], "Resource": "*" }],\n  "n": 3, "b": true, "z": null\n}';
  const [doc] = dataFromJson(await tree('json', text));
  assert.equal(stringValue(get(doc, 'Statement', 0, 'Effect')), 'Allow');
  const actions = stringList(get(doc, 'Statement', 0, 'Action'));
  assert.deepEqual(actions.map((a) => a.value), ['s3:*', 'iam:PassRole']);
  assert.equal(text.slice(actions[0].node.valueSpan.start, actions[0].node.valueSpan.end), 's3:*');
  assert.equal((get(doc, 'n') as { value: number }).value, 3);
  assert.equal((get(doc, 'b') as { value: boolean }).value, true);
  assert.equal((get(doc, 'z') as { value: null }).value, null);
  assert.equal(get(doc, 'missing', 'deeper'), undefined);
});

test('YAML: several documents, tags, anchors, block scalars and flow collections', async () => {
  const text = [
    'kind: Role', 'rules:', '  - verbs: ["get", "list"]', '    resources: [pods]', '  - verbs:', '      - "*"',
    'arn: !Sub "arn:aws:s3:::${Bucket}/*"', 'base: &base', '  team: core', 'copy: *base',
    'doc: |', '  line one', '  line two', '---', 'kind: ClusterRoleBinding', 'roleRef: {name: cluster-admin}', '',
  ].join('\n');
  const docs = dataFromYaml(await tree('yaml', text));
  assert.equal(docs.length, 2);
  const [role, binding] = docs;
  assert.deepEqual(stringList(get(role, 'rules', 1, 'verbs')).map((v) => v.value), ['*']);
  assert.equal(textAt(text, get(role, 'rules', 1, 'verbs', 0)), '*');
  assert.deepEqual(stringList(get(role, 'rules', 0, 'resources')).map((v) => v.value), ['pods']);
  assert.equal(get(role, 'arn')?.tag, '!Sub');
  assert.equal(stringValue(get(role, 'copy', 'team')), 'core');
  assert.equal(stringValue(get(role, 'doc')), 'line one\nline two');
  assert.equal(stringValue(get(binding, 'roleRef', 'name')), 'cluster-admin');
});

test('YAML: Helm template lines are blanked without moving offsets, so the manifest parses', async () => {
  const text = 'kind: ClusterRole\nrules:\n{{- if .Values.rbac }}\n  - verbs: ["*"]\n    resources: [{{ .Values.res }}]\n{{- end }}\n';
  const blanked = blankTemplates(text);
  assert.equal(blanked.length, text.length);
  const [doc] = dataFromYaml(await tree('yaml', blanked));
  const verb = get(doc, 'rules', 0, 'verbs', 0);
  assert.equal(textAt(text, verb), '*');
});

test('HCL: blocks with labels, nested blocks, jsonencode objects, heredocs and references', async () => {
  const text = [
    'resource "aws_iam_policy" "admin" {',
    '  name   = "admin-${var.env}"',
    '  policy = jsonencode({',
    '    Version   = "2012-10-17"',
    '    Statement = [{ Effect = "Allow", Action = ["iam:*"], Resource = "*" }]',
    '  })',
    '}',
    'data "aws_iam_policy_document" "doc" {',
    '  statement {',
    '    actions   = ["s3:GetObject"]',
    '    resources = [aws_s3_bucket.b.arn]',
    '  }',
    '}',
    'resource "aws_iam_role_policy" "inline" {',
    '  policy = <<EOF',
    '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}',
    'EOF',
    '}',
  ].join('\n');
  const file = hclFile(await tree('hcl', text));
  assert.deepEqual(file.blocks.map((b) => [b.type, ...b.labels]), [
    ['resource', 'aws_iam_policy', 'admin'], ['data', 'aws_iam_policy_document', 'doc'], ['resource', 'aws_iam_role_policy', 'inline'],
  ]);
  const policy = get(file.blocks[0].attributes, 'policy');
  assert.equal(policy?.kind, 'call');
  assert.ok(policy?.kind === 'call' && policy.name === 'jsonencode');
  const statement = policy.kind === 'call' ? policy.args[0] : undefined;
  assert.deepEqual(stringList(get(statement, 'Statement', 0, 'Action')).map((a) => a.value), ['iam:*']);
  assert.equal(textAt(text, get(statement, 'Statement', 0, 'Action', 0)), 'iam:*');
  assert.equal(get(file.blocks[0].attributes, 'name')?.kind === 'scalar' && (get(file.blocks[0].attributes, 'name') as { interpolated?: boolean }).interpolated, true);
  const nested = file.blocks[1].blocks[0];
  assert.equal(nested.type, 'statement');
  assert.deepEqual(stringList(get(nested.attributes, 'actions')).map((a) => a.value), ['s3:GetObject']);
  assert.equal(get(nested.attributes, 'resources', 0)?.kind, 'expression');
  const heredoc = get(file.blocks[2].attributes, 'policy');
  assert.ok(heredoc?.kind === 'scalar');
  assert.match(String(heredoc.value), /"Action": "\*"/);
  assert.equal(text.slice(heredoc.valueSpan.start, heredoc.valueSpan.end).trim(), String(heredoc.value).trim());
});

test('deeply nested JSON converts without overflowing the stack', async () => {
  const depth = 5000;
  const text = '['.repeat(depth) + ']'.repeat(depth);
  const docs = dataFromJson(await tree('json', text));
  assert.equal(docs.length, 1);
});
