// A CloudFormation / SAM secret without rotation gets an `AWS::SecretsManager::RotationSchedule`
// right after it, in the template's own syntax (block YAML or JSON) and indentation. The rotation
// function is a placeholder ARN built with `Fn::Sub`, marked for review.
import { LIFECYCLE_REMEDY, type TemplateResourceData } from '../../lifecycle/remedy';
import type { Finding, Fix } from '../../types';
import { eolOf, indentOf, insert, type FixDocument } from '../draft';
import { lineEndAt, lineStartAt, textAt } from './lifecycleText';

const ROTATION_DAYS = 30;


/** The indentation of the first line after `offset`'s line that has content. */
function nextIndent(text: string, offset: number): string | undefined {
  const rest = text.slice(lineEndAt(text, offset)).split(/\r?\n/).slice(1);
  const line = rest.find((l) => l.trim() && !l.trim().startsWith('#'));
  return line === undefined ? undefined : indentOf(line);
}

export function templateRotationFixes(finding: Finding, doc: FixDocument): Fix[] {
  const remedy = finding.remedy;
  const data = remedy?.data as Partial<TemplateResourceData> | undefined;
  const resource = remedy?.spans?.resource;
  const key = remedy?.spans?.key;
  const value = textAt(doc, resource);
  if (remedy?.kind !== LIFECYCLE_REMEDY.templateRotation || !resource || !key || value === undefined || !data?.id || !/^[A-Za-z0-9]+$/.test(data.id)) return [];
  if (!textAt(doc, key)?.includes(data.id) || !/AWS::SecretsManager::Secret\b/.test(value)) return [];
  const id = `${data.id}Rotation`;
  if (new RegExp(`(?:^|[\\s"{,])${id}"?\\s*:`, 'm').test(doc.text)) return [];
  const eol = eolOf(doc.text);
  const keyIndent = doc.text.slice(lineStartAt(doc.text, key.start), key.start);
  if (keyIndent.trim()) return [];
  const inner = nextIndent(doc.text, key.start);
  if (inner === undefined || inner.length <= keyIndent.length) return [];
  const unit = inner.slice(keyIndent.length);
  const arn = `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${data.id}-rotation`;
  const lines = (rows: [number, string][]) => rows.map(([depth, text]) => keyIndent + unit.repeat(depth) + text).join(eol);
  let edit;
  if (data.syntax === 'yaml') {
    if (value.trimStart().startsWith('{')) return [];
    // A block mapping's span may run over the line breaks after it.
    const end = resource.start + value.trimEnd().length;
    edit = insert(lineEndAt(doc.text, end), eol + lines([
      [0, `${id}:`],
      [1, 'Type: AWS::SecretsManager::RotationSchedule'],
      [1, 'Properties:'],
      [2, `SecretId: !Ref ${data.id}`],
      [2, `RotationLambdaARN: !Sub '${arn}' # TODO(keyhole): review: the Lambda function that rotates this secret`],
      [2, 'RotationRules:'],
      [3, `AutomaticallyAfterDays: ${ROTATION_DAYS}`],
    ]));
  } else if (data.syntax === 'json' && value.startsWith('{') && value.endsWith('}')) {
    edit = insert(resource.end, `,${eol}${lines([
      [0, `"${id}": {`],
      [1, '"Type": "AWS::SecretsManager::RotationSchedule",'],
      [1, '"Properties": {'],
      [2, `"SecretId": { "Ref": "${data.id}" },`],
      [2, `"RotationLambdaARN": { "Fn::Sub": "${arn}" },`],
      [2, `"RotationRules": { "AutomaticallyAfterDays": ${ROTATION_DAYS} }`],
      [1, '}'],
      [0, '}'],
    ])}`);
  } else {
    return [];
  }
  return [{
    title: `Rotate ${data.id} every ${ROTATION_DAYS} days (AWS::SecretsManager::RotationSchedule)`,
    preferred: false,
    edits: [{ path: doc.path, edits: [edit] }],
    description: `Adds \`${id}\` with \`AutomaticallyAfterDays: ${ROTATION_DAYS}\`. \`RotationLambdaARN\` points at a placeholder function \`${data.id}-rotation\`: ` +
      'replace it with your rotation function (AWS publishes templates for RDS, Redshift, DocumentDB and generic secrets; `HostedRotationLambda` can create one) ' +
      'and let Secrets Manager invoke it. Every consumer must read the secret when it needs it: the value changes on each rotation.',
  }];
}
