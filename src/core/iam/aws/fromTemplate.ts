// AWS policies in JSON and YAML: raw IAM policy files, CloudFormation and SAM templates
// (`PolicyDocument`, `AssumeRolePolicyDocument`, `Policies`, `ManagedPolicyArns`, short-form tags),
// Serverless Framework `provider.iam.role.statements` and `iamRoleStatements`.
import { get, stringValue, walkData, type DataNode } from '../../structured';
import type { Span } from '../../types';
import { literalText } from '../cloud/literal';
import { documentsInText } from './embedded';
import { managedPolicy, type AttachedPolicy } from './managed';
import { documentFromData, documentFromStatements, type PolicyDocument } from './policy';

const TRUST_KEYS = /^(?:AssumeRolePolicyDocument|AssumeRolePolicy|assume_role_policy|TrustPolicy|trustPolicy)$/;
/** Lists of bare statements: Serverless `provider.iam.role.statements`, `iamRoleStatements` (and per-function plugins). */
const STATEMENT_LISTS = new Set(['statements', 'iamRoleStatements', 'iamStatements']);
/** Keys whose values attach managed policies; SAM `Policies` also takes bare names (`AdministratorAccess`). */
const ATTACHMENT_KEYS = new Set(['ManagedPolicyArns', 'managedPolicyArns', 'managed_policy_arns', 'Policies', 'PolicyArn', 'PolicyArns',
  'policyArn', 'policyArns', 'managedPolicies', 'iamManagedPolicies', 'ManagedPolicyArn']);

/**
 * Policies that filter rather than grant: service control policies (`Allow *` is the default
 * FullAWSAccess) and VPC endpoint policies (`Principal: "*"` means callers inside the VPC).
 */
const FILTER_RESOURCE_TYPES = new Set(['AWS::Organizations::Policy', 'AWS::EC2::VPCEndpoint']);

export function policiesInData(root: DataNode, text: string): { documents: PolicyDocument[]; attachments: AttachedPolicy[] } {
  const documents: PolicyDocument[] = [];
  const attachments: AttachedPolicy[] = [];
  const filters = filterResources(root);
  walkData(root, (node, key) => {
    if (filters.some((f) => f.start <= node.span.start && node.span.end <= f.end)) return;
    const trust = key !== undefined && TRUST_KEYS.test(key);
    if (node.kind === 'object') {
      const document = documentFromData(node, trust);
      if (document) documents.push(document);
    } else if (node.kind === 'array' && key && STATEMENT_LISTS.has(key)) {
      const document = documentFromStatements(node.items, node.span);
      if (document) documents.push(document);
    } else if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.includes('"Statement"')) {
      documents.push(...documentsInText(text, node, trust));
    }
    if (key && ATTACHMENT_KEYS.has(key) && (node.kind === 'scalar' || node.tag || isIntrinsic(node))) {
      const value = literalText(node);
      const policy = value && (value.startsWith('arn:') || key === 'Policies') ? managedPolicy(value) : undefined;
      if (policy) attachments.push({ policy, span: node.kind === 'scalar' ? node.valueSpan : node.span, via: key });
    }
  });
  return { documents, attachments };
}

/** Spans of CloudFormation resources whose policies filter (see FILTER_RESOURCE_TYPES). */
function filterResources(root: DataNode): Span[] {
  const resources = get(root, 'Resources');
  if (resources?.kind !== 'object') return [];
  return resources.entries.filter((e) => FILTER_RESOURCE_TYPES.has(stringValue(get(e.value, 'Type')) ?? '')).map((e) => e.value.span);
}

/** A JSON `{"Fn::Sub": ...}` or `{"Fn::Join": ...}` that builds an ARN. */
function isIntrinsic(node: DataNode): boolean {
  return node.kind === 'object' && node.entries.length === 1 && /^Fn::(?:Sub|Join)$/.test(node.entries[0].key);
}
