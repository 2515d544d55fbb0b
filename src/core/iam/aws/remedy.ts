// What the AWS narrowing fixes (src/core/fixes/narrow/aws.ts) need from a finding: the spans of the
// element to rewrite, the statement's literal actions, the syntax the policy is written in, and the
// resources the same IaC file defines. Filled by the judge (spans) and the detector (syntax, resources).
import type { Remedy, Span } from '../../types';
import type { PolicyDocument, PolicyElement, PolicyStatement, PolicyValue } from './policy';

export const AWS_REMEDY = 'aws-statement';

export type PolicySyntax = 'json' | 'yaml' | 'hcl' | 'python' | 'javascript';

/** A resource defined in the same IaC file, by the resource type the narrowing table knows it as. */
export interface DefinedResource {
  /** `aws_s3_bucket` or `AWS::S3::Bucket`. */
  type: string;
  /** Terraform `aws_s3_bucket.data` or the CloudFormation logical id `DataBucket`. */
  name: string;
}

export interface AwsRemedyData {
  syntax: PolicySyntax;
  /** The policy is JSON text inside the file (a heredoc or block scalar, or a one-line string). */
  embedded?: 'heredoc' | 'string';
  element: 'Action' | 'NotAction' | 'Resource';
  /** The flagged value as written (`*`, `s3:*`); for NotAction its excluded actions. */
  values: string[];
  /** The statement's literal actions. */
  actions: string[];
  defined?: DefinedResource[];
}

/**
 * Spans: `key` (the element's key), `item` (the flagged value with its quotes, when one is flagged),
 * and the bounds of the element's value (list or single value) and of the policy document as empty
 * spans (`elementStart`, `elementEnd`, `documentStart`, `documentEnd`, `statementStart`, `statementEnd`):
 * a span that encloses text an earlier fix in the same plan edits is lost, its bounds move. For a
 * Resource finding also the statement's Action key and value bounds (`actionKey`, `actionStart`,
 * `actionEnd`), for splitting the statement.
 */
export function awsRemedy(doc: PolicyDocument, statement: PolicyStatement, name: AwsRemedyData['element'], element: PolicyElement, item?: PolicyValue): Remedy | undefined {
  if (!element.valueSpan) return undefined;
  const at = (offset: number): Span => ({ start: offset, end: offset });
  const spans: Record<string, Span> = {
    key: element.keySpan,
    elementStart: at(element.valueSpan.start), elementEnd: at(element.valueSpan.end),
    documentStart: at(doc.span.start), documentEnd: at(doc.span.end),
    statementStart: at(statement.span.start), statementEnd: at(statement.span.end),
  };
  const action = statement.action;
  if (action?.valueSpan && action !== element) Object.assign(spans, { actionKey: action.keySpan, actionStart: at(action.valueSpan.start), actionEnd: at(action.valueSpan.end) });
  if (item?.itemSpan) spans.item = item.itemSpan;
  const data: Omit<AwsRemedyData, 'syntax'> = {
    embedded: doc.embedded,
    element: name,
    values: item ? [item.value ?? ''] : element.values.map((v) => v.value ?? ''),
    actions: (statement.action?.values ?? []).map((v) => v.value).filter((v): v is string => v !== undefined),
  };
  return { kind: AWS_REMEDY, spans, data: data as unknown as Record<string, unknown> };
}
