// The AWS grant rules. Default severities are the usual case; each finding sets its own from what
// the grant reaches (notes/iam-cloud.md has the ladder).
import { grantRule } from '../cloud/rules';

const GUIDE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';

export const AWS_RULE = {
  fullAdmin: 'iam/aws-full-admin',
  wildcardAction: 'iam/aws-wildcard-action',
  notAction: 'iam/aws-not-action',
  notResource: 'iam/aws-not-resource',
  resourceStar: 'iam/aws-resource-star',
  privilegeEscalation: 'iam/aws-privilege-escalation',
  trustAnyPrincipal: 'iam/aws-trust-any-principal',
  unscopedFederation: 'iam/aws-trust-unscoped-federation',
  publicResourcePolicy: 'iam/aws-public-resource-policy',
  unknownAction: 'iam/aws-unknown-action',
  adminManagedPolicy: 'iam/aws-admin-managed-policy',
} as const;

export const AWS_RULES = [
  grantRule(AWS_RULE.fullAdmin, 'AWS policy allows every action', 'critical',
    'An Allow statement grants `Action: "*"`: every action of every AWS service, which on `Resource: "*"` is full administrator access.',
    `${GUIDE}/best-practices.html#grant-least-privilege`),
  grantRule(AWS_RULE.wildcardAction, 'AWS policy grants a wildcard of actions', 'high',
    'An Allow statement grants a service wildcard (`iam:*`, `s3:*`) or a partial one (`iam:Put*`). The wildcard is expanded against the AWS action list; the severity follows what it reaches (privilege escalation, secret and data reads, permission changes, writes). Read-only wildcards such as `ec2:Describe*` are not reported. An attached AWS managed policy that grants a whole service on every resource (`AmazonS3FullAccess`, `AmazonDynamoDBFullAccess`, `SecretsManagerReadWrite`, ...) is the same grant as `s3:*` on `*` and is reported and ranked the same way.',
    `${GUIDE}/reference_policies_elements_action.html`),
  grantRule(AWS_RULE.notAction, 'AWS policy allows everything except some actions (NotAction)', 'high',
    '`NotAction` with `Allow` grants every action of every service except the ones listed, including services added later.',
    `${GUIDE}/reference_policies_elements_notaction.html`),
  grantRule(AWS_RULE.notResource, 'AWS policy allows actions on everything except some resources (NotResource)', 'medium',
    '`NotResource` with `Allow` grants the actions on every resource except the ones listed, including resources created later.',
    `${GUIDE}/reference_policies_elements_notresource.html`),
  grantRule(AWS_RULE.resourceStar, 'AWS actions that support resource-level permissions granted on "*"', 'medium',
    'Actions that can be limited to named resources are granted on `Resource: "*"`. Only actions that accept resource ARNs count: `ec2:Describe*`, `s3:ListAllMyBuckets`, `sts:GetCallerIdentity` or `cloudwatch:PutMetricData` accept nothing but `*` and are not reported; nor is a statement whose Condition requires the resource\'s tags to match a value (`aws:ResourceTag/...` or `<service>:ResourceTag/...` with `StringEquals`/`StringLike`), which limits it to the tagged resources.',
    'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html'),
  grantRule(AWS_RULE.privilegeEscalation, 'AWS policy allows privilege escalation', 'critical',
    'An Allow statement grants, on any resource, an action that lets the identity raise its own privileges: `iam:CreateAccessKey`, `iam:PutRolePolicy`, `iam:AttachRolePolicy`, `iam:UpdateAssumeRolePolicy`, `iam:CreatePolicyVersion`, ..., or `iam:PassRole` on `*` (critical with `lambda:CreateFunction`, `ec2:RunInstances` and other ways to run code as the passed role).',
    `${GUIDE}/id_roles_use_passrole.html`),
  grantRule(AWS_RULE.trustAnyPrincipal, 'AWS role can be assumed by any principal', 'critical',
    'A trust policy lets `"*"` (any AWS account and identity) assume the role, without a Condition that limits who (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceAccount`, `sts:ExternalId`, ...).',
    `${GUIDE}/reference_policies_elements_principal.html`),
  grantRule(AWS_RULE.unscopedFederation, 'AWS role trusts an identity provider without limiting the subject', 'critical',
    'A trust policy lets a web identity provider (GitHub Actions, EKS, Cognito, ...) assume the role without a `sub` (or Cognito `aud`) condition, or with a wildcard one: any repository, service account or identity of that provider can assume it.',
    `${GUIDE}/id_roles_create_for-idp_oidc.html`),
  grantRule(AWS_RULE.publicResourcePolicy, 'AWS resource policy allows any principal', 'high',
    'A resource policy (S3 bucket, SQS queue, SNS topic, KMS key, ...) allows `"*"` without a Condition that limits who or from where: anyone can call the actions it lists.',
    `${GUIDE}/access_policies_identity-vs-resource.html`),
  grantRule(AWS_RULE.unknownAction, 'AWS policy names an action that does not exist', 'low',
    'An action is not in the AWS action list (a typo, a wrong service prefix, or a wildcard that matches nothing). IAM accepts it silently and it grants nothing, which usually means the intended permission is missing or a Deny does not apply.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html'),
  grantRule(AWS_RULE.adminManagedPolicy, 'Administrator-level AWS managed policy attached', 'critical',
    'An AWS managed policy with administrator-level reach (`AdministratorAccess`, `IAMFullAccess`, `PowerUserAccess`, `AWSOrganizationsFullAccess`, ...) is attached to a role, user or group.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html'),
];
