// What replaces `Resource: "*"`: for each resource type the statement's actions act on, the resource
// of that type the same IaC file defines (when it defines exactly one), else the type's ARN template
// from the dataset with placeholders to fill in.
import { findAction } from '../../iam/aws/actions';
import type { DefinedResource, PolicySyntax } from '../../iam/aws/remedy';
import { resourceTypesOf, type ResourceType } from '../../iam/aws/resources';
import type { ListValue } from './awsLists';

interface IacType {
  terraform: string;
  cloudFormation: string;
  /** CloudFormation: `Fn::GetAtt` attribute giving the ARN, or `Ref` when `Ref` returns it. */
  attribute: string;
  /** Appended to the resource's ARN (`/*` for every object of a bucket). */
  suffix?: string;
}

/** Resource types (`service/type` of the dataset) that a resource defined in IaC stands for. */
const IAC: Record<string, IacType> = {
  's3/bucket': { terraform: 'aws_s3_bucket', cloudFormation: 'AWS::S3::Bucket', attribute: 'Arn' },
  's3/object': { terraform: 'aws_s3_bucket', cloudFormation: 'AWS::S3::Bucket', attribute: 'Arn', suffix: '/*' },
  'dynamodb/table': { terraform: 'aws_dynamodb_table', cloudFormation: 'AWS::DynamoDB::Table', attribute: 'Arn' },
  'dynamodb/index': { terraform: 'aws_dynamodb_table', cloudFormation: 'AWS::DynamoDB::Table', attribute: 'Arn', suffix: '/index/*' },
  'sqs/queue': { terraform: 'aws_sqs_queue', cloudFormation: 'AWS::SQS::Queue', attribute: 'Arn' },
  'sns/topic': { terraform: 'aws_sns_topic', cloudFormation: 'AWS::SNS::Topic', attribute: 'TopicArn' },
  'lambda/function': { terraform: 'aws_lambda_function', cloudFormation: 'AWS::Lambda::Function', attribute: 'Arn' },
  'secretsmanager/Secret': { terraform: 'aws_secretsmanager_secret', cloudFormation: 'AWS::SecretsManager::Secret', attribute: 'Ref' },
  'kms/key': { terraform: 'aws_kms_key', cloudFormation: 'AWS::KMS::Key', attribute: 'Arn' },
  'kinesis/stream': { terraform: 'aws_kinesis_stream', cloudFormation: 'AWS::Kinesis::Stream', attribute: 'Arn' },
  'states/statemachine': { terraform: 'aws_sfn_state_machine', cloudFormation: 'AWS::StepFunctions::StateMachine', attribute: 'Arn' },
};

/**
 * Whether an action acts only on the service's everyday resources (the types of the table above:
 * buckets and objects, tables, queues...); true for every action of a service the table lacks.
 */
export function onEverydayResources(actionId: string): boolean {
  const action = findAction(actionId);
  if (!action) return false;
  const everyday = everydayTypes(action.service);
  if (!everyday.length) return true;
  const types = resourceTypesOf(action.id);
  return types.length > 0 && types.every((t) => everyday.includes(t.name));
}

/** `bucket`, `object` for `s3`: the types of the table above. */
export function everydayTypes(service: string): string[] {
  return Object.keys(IAC).filter((k) => k.startsWith(`${service}/`)).map((k) => k.slice(service.length + 1));
}

const ROLE: IacType = { terraform: 'aws_iam_role', cloudFormation: 'AWS::IAM::Role', attribute: 'Arn' };

/** The role `iam:PassRole` may pass: the one role of `roles` (defined in the file), else the role ARN template. */
export function roleChoice(syntax: PolicySyntax, embedded: string | undefined, roles: DefinedResource[]): ResourceChoice | undefined {
  const reference = embedded !== 'string' ? referenceTo(ROLE, syntax, embedded, roles) : undefined;
  if (reference) return { value: reference.value, what: reference.name, placeholder: false };
  const type = resourceTypesOf('iam:PassRole').find((t) => t.name === 'role');
  return type && { value: { text: placeholderArn(type.arn) }, what: 'IAM role', placeholder: true };
}

/** Placeholders that stand for "every" inside their parent (every object of the bucket, every index of the table). */
const EVERY = new Set(['ObjectName', 'IndexName']);

export interface ResourceChoice {
  value: ListValue;
  /** What it stands for, for the description. */
  what: string;
  placeholder: boolean;
}

/**
 * The statement's actions split into those limited to resource types and those that take only `*`;
 * undefined when an action is a wildcard, unknown, or takes resources of no type the dataset lists.
 */
export function splitByScope(actions: string[]): { scoped: string[]; anyResource: string[] } | undefined {
  const scoped: string[] = [];
  const anyResource: string[] = [];
  for (const id of actions) {
    const action = /[*?]/.test(id) ? undefined : findAction(id);
    if (!action) return undefined;
    if (!action.scopable) anyResource.push(id);
    else if (resourceTypesOf(action.id).length) scoped.push(id);
    else return undefined;
  }
  return scoped.length ? { scoped, anyResource } : undefined;
}

/** The resource types the statement's actions act on; undefined when one of them only takes `*`. */
export function resourceTypesFor(actions: string[]): { service: string; type: ResourceType }[] | undefined {
  const out = new Map<string, { service: string; type: ResourceType }>();
  for (const id of actions) {
    const action = /[*?]/.test(id) ? undefined : findAction(id);
    if (!action?.scopable) return undefined;
    const types = resourceTypesOf(action.id);
    if (types.length === 0) return undefined;
    for (const type of types) out.set(`${action.service}/${type.name}`, { service: action.service, type });
  }
  return [...out.values()];
}

export function resourceChoice(service: string, type: ResourceType, syntax: PolicySyntax, embedded: string | undefined, defined: DefinedResource[]): ResourceChoice {
  const iac = IAC[`${service}/${type.name}`];
  const reference = iac && embedded !== 'string' ? referenceTo(iac, syntax, embedded, defined) : undefined;
  if (reference) return { value: reference.value, what: `${reference.name}${iac.suffix ?? ''}`, placeholder: false };
  return { value: { text: placeholderArn(type.arn) }, what: `${service} ${type.name}`, placeholder: true };
}

/** `arn:${Partition}:s3:::${BucketName}/${ObjectName}` → `arn:aws:s3:::<BucketName>/*`. */
export function placeholderArn(template: string): string {
  return template.replace(/\$\{(\w+)\}/g, (_, name: string, offset: number, all: string) => {
    if (name === 'Partition') return 'aws';
    if (EVERY.has(name) && offset + name.length + 3 === all.length) return '*';
    return `<${name}>`;
  });
}

function referenceTo(iac: IacType, syntax: PolicySyntax, embedded: string | undefined, defined: DefinedResource[]): { value: ListValue; name: string } | undefined {
  if (syntax === 'hcl') {
    const matches = defined.filter((d) => d.type === iac.terraform);
    if (matches.length !== 1) return undefined;
    const arn = `${matches[0].name}.arn`;
    const value: ListValue = !iac.suffix && !embedded ? { expression: arn } : { text: `\${${arn}}${iac.suffix ?? ''}` };
    return { value, name: matches[0].name };
  }
  if (embedded || (syntax !== 'yaml' && syntax !== 'json')) return undefined;
  const matches = defined.filter((d) => d.type === iac.cloudFormation);
  if (matches.length !== 1) return undefined;
  const id = matches[0].name;
  const plain = iac.attribute === 'Ref' ? id : `${id}.${iac.attribute}`;
  if (syntax === 'yaml') {
    const value = iac.suffix ? `!Sub '\${${plain}}${iac.suffix}'` : iac.attribute === 'Ref' ? `!Ref ${id}` : `!GetAtt ${plain}`;
    return { value: { expression: value }, name: id };
  }
  const value = iac.suffix ? `{"Fn::Sub": "\${${plain}}${iac.suffix}"}` : iac.attribute === 'Ref' ? `{"Ref": "${id}"}` : `{"Fn::GetAtt": ["${id}", "${iac.attribute}"]}`;
  return { value: { expression: value }, name: id };
}
