// awsCallSites: the AWS SDK calls of a Python or JavaScript/TypeScript file as IAM actions with their
// lines, for narrowing AWS grants to what the code needs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { awsCallSites, mayCallAws } from '../../src/core/iam/aws/callSites';
import { actionsOfOperation, iamPrefixOf } from '../../src/core/iam/aws/sdkNames';

const actions = (path: string, text: string) => awsCallSites(path, text).map((s) => s.action);
const sites = (path: string, text: string) => awsCallSites(path, text).map((s) => `${s.line + 1} ${s.action}`);

test('boto3 clients, sessions and resources map operations to IAM actions, with their lines', () => {
  const py = [
    'import boto3',                                                   // 1
    'session = boto3.session.Session(profile_name="prod")',           // 2
    's3 = session.client("s3")',                                      // 3
    'ddb = boto3.resource("dynamodb")',                               // 4
    'orders = ddb.Table("orders")',                                   // 5
    'def run(key):',                                                  // 6
    '    body = s3.get_object(Bucket="b", Key=key)["Body"].read()',    // 7
    '    s3.upload_file("/tmp/x", "b", key)',                          // 8
    '    orders.put_item(Item={"id": key})',                           // 9
    '    ddb.Table("audit").query(KeyConditionExpression="x")',        // 10
    '    boto3.client("sqs").send_message(QueueUrl="q", MessageBody="m")', // 11
  ].join('\n');
  assert.deepEqual(sites('jobs/run.py', py), [
    '7 s3:GetObject', '8 s3:PutObject', '9 dynamodb:PutItem', '10 dynamodb:Query', '11 sqs:SendMessage',
  ]);
  assert.ok(awsCallSites('jobs/run.py', py).every((s) => s.path === 'jobs/run.py'));
});

test('boto3: attributes, context managers, paginators, presigned URLs and renamed services', () => {
  const py = `import aioboto3
import boto3

class Store:
    def __init__(self):
        self.client = boto3.client('s3', region_name='eu-west-1')
        self.flows = boto3.client("stepfunctions")
        self.lb = boto3.client("elbv2")

    def keys(self):
        pages = self.client.get_paginator('list_objects_v2').paginate(Bucket='b')
        url = self.client.generate_presigned_url('get_object', Params={'Bucket': 'b', 'Key': 'k'})
        self.flows.start_execution(stateMachineArn='arn')
        self.lb.describe_target_health(TargetGroupArn='arn')

async def fetch():
    session = aioboto3.Session()
    async with session.client("secretsmanager") as secrets:
        return await secrets.get_secret_value(SecretId="db")
`;
  assert.deepEqual(actions('store.py', py).sort(), [
    'elasticloadbalancing:DescribeTargetHealth', 's3:GetObject', 's3:ListBucket', 'secretsmanager:GetSecretValue', 'states:StartExecution',
  ]);
});

test('boto3: look-alike methods on other objects, comments, strings and unknown operations are not calls', () => {
  const py = `import boto3

s3 = boto3.client("s3")
cache = make_cache()

def run():
    cache.get_object("key")          # a cache, not S3
    # s3.delete_object(Bucket="b", Key="k")
    doc = "s3.delete_bucket(Bucket='b')"
    notes = """
    s3.put_bucket_policy(Bucket='b', Policy='{}')
    """
    s3.close()
    s3.meta.events.register("x", handler)
    my_s3.get_object(Bucket="b", Key="k")
`;
  assert.deepEqual(actions('run.py', py), []);
  // Without boto3 in the file, a client-looking call is nothing.
  assert.deepEqual(actions('other.py', 's3 = storage.client("s3")\ns3.get_object(Bucket="b")\n'), []);
});

test('AWS SDK for JavaScript v3: commands, renamed imports, namespaces, require, aggregated and document clients', () => {
  const ts = `import { S3Client, GetObjectCommand, PutObjectCommand as Put } from "@aws-sdk/client-s3";
import * as sfn from '@aws-sdk/client-sfn';
import { DynamoDBDocument, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { Upload } from "@aws-sdk/lib-storage";
import { CloudWatchLogs } from "@aws-sdk/client-cloudwatch-logs";
const { SQSClient, SendMessageCommand } = require("@aws-sdk/client-sqs");

const s3 = new S3Client({});
const docs = DynamoDBDocument.from(new DynamoDBClient({}));
const logs = new CloudWatchLogs({});

export async function run() {
  await s3.send(new GetObjectCommand({ Bucket: "b", Key: "k" }));
  await s3.send(new Put({ Bucket: "b", Key: "k", Body: "x" }));
  await new sfn.SFNClient({}).send(new sfn.StartExecutionCommand({ stateMachineArn: "arn" }));
  await docs.put({ TableName: "t", Item: {} });
  await docs.send(new QueryCommand({ TableName: "t" }));
  await new Upload({ client: s3, params: { Bucket: "b", Key: "k", Body: "x" } }).done();
  await logs.putLogEvents({ logGroupName: "g", logStreamName: "s", logEvents: [] });
  await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: "q", MessageBody: "m" }));
}
`;
  assert.deepEqual(actions('src/run.ts', ts).sort(), [
    'dynamodb:PutItem', 'dynamodb:Query', 'logs:PutLogEvents', 's3:GetObject', 's3:PutObject', 's3:PutObject', 'sqs:SendMessage', 'states:StartExecution',
  ]);
});

test('JavaScript: commands that are not imported from the SDK, comments and strings are not calls', () => {
  const ts = `import { S3Client } from "@aws-sdk/client-s3";
import { GetObjectCommand } from "./local-commands";

// await s3.send(new PutObjectCommand({}))
const text = "new DeleteObjectCommand({})";
const tpl = \`new DeleteBucketCommand(\${x})\`;
/* new PutBucketPolicyCommand({}) */
await s3.send(new GetObjectCommand({}));
`;
  assert.deepEqual(actions('src/x.ts', ts), []);
  assert.deepEqual(actions('src/y.js', 'const c = new GetObjectCommand({});\n'), [], 'no SDK import');
});

test('AWS SDK for JavaScript v2 clients', () => {
  const js = `const AWS = require('aws-sdk');
const s3 = new AWS.S3();
const db = new AWS.DynamoDB.DocumentClient();
exports.handler = async () => {
  await s3.getObject({ Bucket: 'b', Key: 'k' }).promise();
  await db.put({ TableName: 't', Item: {} }).promise();
};
`;
  assert.deepEqual(actions('handler.js', js), ['s3:GetObject', 'dynamodb:PutItem']);
});

test('only code files are read, minified code is skipped', () => {
  assert.equal(mayCallAws('a/b.py'), true);
  assert.equal(mayCallAws('a/b.mjs'), true);
  assert.equal(mayCallAws('a/b.tsx'), true);
  assert.equal(mayCallAws('a/b.go'), false);
  const minified = `import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";${'var a=1;'.repeat(1200)}new GetObjectCommand({});\n`;
  assert.deepEqual(actions('dist/app.js', minified), []);
});

test('SDK names map to IAM prefixes and operations to the dataset actions', () => {
  assert.equal(iamPrefixOf('s3'), 's3');
  assert.equal(iamPrefixOf('client-sfn'), 'states');
  assert.equal(iamPrefixOf('stepfunctions'), 'states');
  assert.equal(iamPrefixOf('client-cognito-identity-provider'), 'cognito-idp');
  assert.equal(iamPrefixOf('cognito-idp'), 'cognito-idp');
  assert.equal(iamPrefixOf('elbv2'), 'elasticloadbalancing');
  assert.equal(iamPrefixOf('client-secrets-manager'), 'secretsmanager');
  assert.equal(iamPrefixOf('client-eventbridge'), 'events');
  assert.equal(iamPrefixOf('not-a-service'), undefined);
  assert.deepEqual(actionsOfOperation('s3', 'list_objects_v2'), ['s3:ListBucket']);
  assert.deepEqual(actionsOfOperation('lambda', 'Invoke'), ['lambda:InvokeFunction']);
  assert.deepEqual(actionsOfOperation('dynamodb', 'batch_write_item'), ['dynamodb:BatchWriteItem']);
  assert.deepEqual(actionsOfOperation('s3', 'not_an_operation'), []);
});
