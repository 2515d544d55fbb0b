// From SDK names to IAM names: the boto3 client name or AWS SDK for JavaScript v3 package to the IAM
// service prefix, and the operations whose IAM action is not the operation's own name. Every other
// operation maps by name (`get_object`, `GetObjectCommand`, `getObject` → `GetObject`) and is kept
// only when the dataset (actions.ts) has that action in that service.
import { findAction, isKnownService } from './actions';

/** SDK service names whose IAM prefix differs (boto3 client names and v3 package suffixes). */
const PREFIX: Record<string, string> = {
  stepfunctions: 'states', sfn: 'states',
  elbv2: 'elasticloadbalancing', elb: 'elasticloadbalancing', 'elastic-load-balancing': 'elasticloadbalancing', 'elastic-load-balancing-v2': 'elasticloadbalancing',
  'cognito-identity-provider': 'cognito-idp',
  'cloudwatch-logs': 'logs',
  eventbridge: 'events',
  sesv2: 'ses',
  'secrets-manager': 'secretsmanager',
  'api-gateway': 'apigateway', apigatewayv2: 'apigateway',
  apigatewaymanagementapi: 'execute-api',
  'bedrock-runtime': 'bedrock', 'bedrock-agent-runtime': 'bedrock',
  'sagemaker-runtime': 'sagemaker',
  dynamodbstreams: 'dynamodb', 'dynamodb-streams': 'dynamodb',
  'timestream-write': 'timestream', 'timestream-query': 'timestream',
  efs: 'elasticfilesystem',
  'iot-data': 'iot', 'iot-data-plane': 'iot',
  emr: 'elasticmapreduce',
  opensearch: 'es',
  s3control: 's3', 's3-control': 's3',
  'route-53': 'route53', 'route-53-domains': 'route53domains',
  kinesisanalyticsv2: 'kinesisanalytics', 'kinesis-analytics-v2': 'kinesisanalytics',
  resourcegroupstaggingapi: 'tag', 'resource-groups-tagging-api': 'tag',
  'application-auto-scaling': 'application-autoscaling', 'auto-scaling': 'autoscaling',
  'cloudwatch-events': 'events',
};

/** The IAM prefix of a boto3 client name or v3 package suffix (`client-s3` → `s3`), if known. */
export function iamPrefixOf(sdkName: string): string | undefined {
  const name = sdkName.toLowerCase().replace(/^client-/, '');
  const mapped = PREFIX[name] ?? name;
  if (isKnownService(mapped)) return mapped;
  const joined = mapped.replace(/-/g, '');
  return isKnownService(joined) ? joined : undefined;
}

/**
 * Operations (lower case, without `_`) whose IAM actions have other names. S3 is the main source:
 * listing objects is `s3:ListBucket`, HEAD requests are the GET action, and boto3's transfer helpers
 * call several operations.
 */
const OPERATION_ACTIONS: Record<string, Record<string, string[]>> = {
  s3: {
    listobjects: ['ListBucket'], listobjectsv2: ['ListBucket'], listobjectversions: ['ListBucketVersions'], headobject: ['GetObject'], headbucket: ['ListBucket'],
    uploadfile: ['PutObject'], uploadfileobj: ['PutObject'], downloadfile: ['GetObject'], downloadfileobj: ['GetObject'],
    copyobject: ['GetObject', 'PutObject'], copy: ['GetObject', 'PutObject'], deleteobjects: ['DeleteObject'],
    createmultipartupload: ['PutObject'], uploadpart: ['PutObject'], completemultipartupload: ['PutObject'], uploadpartcopy: ['GetObject', 'PutObject'],
    getobjectattributes: ['GetObjectAttributes'], selectobjectcontent: ['GetObject'],
  },
  dynamodb: {
    transactgetitems: ['GetItem'], transactwriteitems: ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
    executestatement: ['PartiQLSelect'], batchexecutestatement: ['PartiQLSelect'],
    // Document client and resource names (`table.put_item` is the client name already).
    get: ['GetItem'], put: ['PutItem'], update: ['UpdateItem'], delete: ['DeleteItem'], batchget: ['BatchGetItem'], batchwrite: ['BatchWriteItem'],
    transactget: ['GetItem'], transactwrite: ['PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'], batchwriter: ['BatchWriteItem'],
  },
  lambda: { invoke: ['InvokeFunction'], invokewithresponsestream: ['InvokeFunction'] },
  'execute-api': { posttoconnection: ['ManageConnections'], getconnection: ['ManageConnections'], deleteconnection: ['ManageConnections'] },
  bedrock: { converse: ['InvokeModel'], conversestream: ['InvokeModelWithResponseStream'] },
  // Queue resources (boto3) say `receive_messages`, `send_messages`, `delete_messages`.
  sqs: { receivemessages: ['ReceiveMessage'], sendmessages: ['SendMessage'], deletemessages: ['DeleteMessage'], sendmessagebatch: ['SendMessage'], deletemessagebatch: ['DeleteMessage'], changemessagevisibilitybatch: ['ChangeMessageVisibility'] },
  kms: { generatedatakeywithoutplaintext: ['GenerateDataKeyWithoutPlaintext'] },
};

/**
 * The IAM actions an SDK operation needs: by the alias table, else by its own name when the
 * service has such an action. `operation` in any case and with or without `_`.
 */
export function actionsOfOperation(prefix: string, operation: string): string[] {
  const key = operation.toLowerCase().replace(/_/g, '');
  const aliased = OPERATION_ACTIONS[prefix]?.[key];
  if (aliased) return aliased.map((name) => findAction(`${prefix}:${name}`)?.id).filter((id): id is string => !!id);
  const action = findAction(`${prefix}:${key}`);
  return action ? [action.id] : [];
}
