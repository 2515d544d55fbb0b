// Judges AWS policy documents: every Allow statement, every element of every list. Deny statements
// are never reported. Identity statements are judged by what their actions reach on their
// resources; statements with a Principal (trust and resource policies) by who they let in.
import type { Confidence, RawFinding, Remedy, Severity, Span } from '../../types';
import { isTemplated } from '../cloud/literal';
import { IAM_DATA_SOURCE, actionPatternMatches, closestAction, expandAction, findAction, isKnownService, serviceName, type AwsAction } from './actions';
import type { PolicyDocument, PolicyElement, PolicyStatement, PolicyValue, Principals } from './policy';
import {
  CODE_AS_EXISTING_ROLE, IAM_ESCALATION, PASS_ROLE, PASS_ROLE_PARTNERS, ROUTINE_ON_ANY_RESOURCE, SENSITIVE_READS,
  lowered, reachOf, reachSummary, severityOf,
} from './risk';
import { awsRemedy } from './remedy';
import { AWS_RULE } from './rules';

/** Remedy of `iam/aws-unknown-action` when the dataset knows the action that was meant. */
export const ACTION_TYPO_REMEDY = 'aws-action-typo';
import { trustRemedy } from './trustRemedy';

const ESCALATION_EFFECT: Record<string, string> = {
  'iam:createaccesskey': 'create access keys for any user, administrators included',
  'iam:putrolepolicy': 'write any inline policy into any role',
  'iam:attachrolepolicy': 'attach any managed policy (AdministratorAccess too) to any role',
  'iam:updateassumerolepolicy': "rewrite any role's trust policy and then assume the role",
  'iam:createpolicyversion': 'rewrite any customer managed policy and make the new version the default',
  'iam:putuserpolicy': 'write any inline policy into any user, itself included',
  'iam:attachuserpolicy': 'attach any managed policy (AdministratorAccess too) to any user, itself included',
  'iam:putgrouppolicy': 'write any inline policy into any group',
  'iam:attachgrouppolicy': 'attach any managed policy to any group',
  'iam:setdefaultpolicyversion': 'switch any customer managed policy to another, broader version',
  'iam:addusertogroup': 'add any user, itself included, to any group (an administrators group too)',
  'iam:createloginprofile': 'set a console password for any user and sign in as that user',
  'iam:updateloginprofile': "change any user's console password and sign in as that user",
  'iam:deleterolepermissionsboundary': 'remove the permissions boundary that limits any role',
  'iam:deleteuserpermissionsboundary': 'remove the permissions boundary that limits any user',
  'iam:putrolepermissionsboundary': 'replace the permissions boundary that limits any role',
  'iam:putuserpermissionsboundary': 'replace the permissions boundary that limits any user',
  'lambda:updatefunctioncode': "replace any Lambda function's code and run it with that function's role",
  'glue:updatedevendpoint': 'put its SSH key on any Glue development endpoint and act with its role',
};

/** Rules that read the Condition themselves (or where it does not matter): no blanket step down. */
const CONDITIONS_JUDGED = new Set<string>([AWS_RULE.unknownAction, AWS_RULE.trustAnyPrincipal, AWS_RULE.publicResourcePolicy, AWS_RULE.unscopedFederation]);

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];

/** Condition keys that limit who (or from where) a `"*"` principal may act. */
const LIMITING_CONDITION_KEYS = new Set([
  'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:sourceaccount', 'aws:sourcearn',
  'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner', 'sts:externalid', 'aws:sourcevpce', 'aws:sourcevpc', 'aws:sourceip',
  'aws:userid', 'aws:principalservicename', 'kms:calleraccount', 'aws:calledvia',
]);

/** `aws:ResourceTag/<key>`, `autoscaling:ResourceTag/<key>`: a condition on the tags of the resource acted on. */
const RESOURCE_TAG_KEY = /^[a-z0-9-]+:resourcetag\/./;
/** Operators that require the tag to match (`...IfExists` and `ForAllValues:` pass when the resource has no such tag). */
const TAG_MATCH_OPERATOR = /^(?:ForAnyValue:)?String(?:Equals|EqualsIgnoreCase|Like)$/i;

/**
 * A Condition that the resource's tags match a value (ABAC, as in AWS's cluster-autoscaler policy)
 * limits `Resource: "*"` to the tagged resources: actions that do not support the key get nothing.
 */
function limitedToTaggedResources(s: PolicyStatement): boolean {
  return s.conditionTests.some((t) => RESOURCE_TAG_KEY.test(t.key) && TAG_MATCH_OPERATOR.test(t.operator) && t.values.length > 0 &&
    t.values.every((v) => v.value === undefined || !/^[*?]*$/.test(v.value)));
}

const ARN = /^arn:[^:]*:([^:]*):[^:]*:[^:]*:(.*)$/;

// `*`, or an ARN that names every resource of its kind: `arn:aws:s3:::*` (and every object in every
// bucket), `arn:aws:iam::123456789012:role/*`, `arn:aws:secretsmanager:*:*:secret:*`. An S3 ARN has no
// resource type, so `arn:aws:s3:::my-bucket/<anything>` stays one bucket.
export function isUnrestrictedResource(value: string): boolean {
  if (value === '*') return true;
  const arn = ARN.exec(value);
  if (!arn) return false;
  const [, service, resource] = arn;
  if (resource === '*' || resource === '*/*') return true;
  return service !== 's3' && /^[A-Za-z][\w-]*[/:]\*$/.test(resource);
}

export function judgeDocument(doc: PolicyDocument): RawFinding[] {
  const findings: RawFinding[] = [];
  const allows = doc.statements.filter((s) => s.effect !== 'Deny');
  const partners = passRolePartners(allows.filter((s) => !s.principal && !s.notPrincipal));
  for (const statement of allows) {
    const confidence: Confidence = statement.effect === 'Allow' ? 'validated' : 'context';
    const judge = new StatementJudge(doc, statement, confidence, findings);
    judge.unknownActions();
    if (statement.principal || statement.notPrincipal || doc.trust) judge.whoIsLetIn(doc.trust);
    else judge.whatIsGranted(partners);
  }
  return findings;
}

/** The PassRole partner actions the document grants anywhere (named or through a wildcard). */
function passRolePartners(statements: PolicyStatement[]): string[] {
  const found = new Set<string>();
  for (const s of statements) {
    for (const v of s.action?.values ?? []) {
      if (!v.value || isTemplated(v.value)) continue;
      if (v.value === '*') return PASS_ROLE_PARTNERS;
      for (const partner of partnersIn(v.value)) found.add(partner);
    }
  }
  return [...found];
}

const PARTNER_IDS = new Map(PASS_ROLE_PARTNERS.map((id) => [id.toLowerCase(), id]));
const partnerCache = new Map<string, string[]>();

function partnersIn(pattern: string): string[] {
  const lower = pattern.toLowerCase();
  if (!/[*?]/.test(lower)) return PARTNER_IDS.has(lower) ? [PARTNER_IDS.get(lower)!] : [];
  let partners = partnerCache.get(lower);
  if (!partners) {
    partners = PASS_ROLE_PARTNERS.filter((id) => actionPatternMatches(lower, id));
    if (partnerCache.size > 1024) partnerCache.clear();
    partnerCache.set(lower, partners);
  }
  return partners;
}

class StatementJudge {
  private readonly unrestricted: boolean;

  constructor(
    private readonly doc: PolicyDocument,
    private readonly s: PolicyStatement,
    private readonly confidence: Confidence,
    private readonly out: RawFinding[],
  ) {
    this.unrestricted = !!s.notResource || !!s.resource?.values.some((v) => v.value !== undefined && isUnrestrictedResource(v.value));
  }

  private add(ruleId: string, span: Span, severity: Severity, message: string, evidence: string[], confidence = this.confidence, remedy?: Remedy): void {
    const final = this.s.conditioned && !CONDITIONS_JUDGED.has(ruleId) ? lowered(severity) : severity;
    const note = this.s.conditioned && final !== severity ? ' A Condition narrows it, so the severity is one step lower.' : '';
    this.out.push({ ruleId, span, severity: final, confidence, message: message + note, evidence, ...(remedy ? { remedy } : {}) });
  }

  /** Where the grant applies, for messages. */
  private where(): string {
    if (this.s.notResource) return `every resource except ${listed(this.s.notResource)}`;
    const values = this.s.resource?.values ?? [];
    const star = values.find((v) => v.value !== undefined && isUnrestrictedResource(v.value));
    if (star) return star.value === '*' ? '*' : `${star.value} (every resource of that kind)`;
    return values.length ? listed(this.s.resource!) : 'the resources it is attached to';
  }

  unknownActions(): void {
    for (const element of [this.s.action, this.s.notAction]) {
      for (const v of element?.values ?? []) {
        const text = v.value;
        if (!text || isTemplated(text) || text === '*' || text === '*:*') continue;
        const colon = text.indexOf(':');
        const service = colon > 0 ? text.slice(0, colon) : '';
        const wildcard = /[*?]/.test(text);
        if (wildcard ? /[*?]/.test(service) || expandAction(text).length > 0 : !!findAction(text)) continue;
        const suggestion = wildcard ? undefined : closestAction(text);
        const what = colon <= 0 ? `"${text}" is not an action (actions are written service:Action)`
          : !isKnownService(service) ? `"${service}" is not an AWS service prefix, so ${text} matches no action`
          : wildcard ? `${text} matches no ${shortName(service)} action` : `${shortName(service)} has no action ${text.slice(colon + 1)}`;
        // The dataset can trail a brand-new action by days: proven by the data, not by the structure.
        this.add(AWS_RULE.unknownAction, v.span, 'low',
          `${what}${suggestion ? ` (did you mean ${suggestion}?)` : ''}: IAM accepts it and it grants nothing.`,
          [`action ${text} not in ${IAM_DATA_SOURCE}`], 'context',
          suggestion ? { kind: ACTION_TYPO_REMEDY, spans: { value: v.span }, data: { written: text, meant: suggestion } } : undefined);
      }
    }
  }

  whatIsGranted(partners: string[]): void {
    const where = this.where();
    const named: { action: AwsAction; value: PolicyValue }[] = [];
    for (const v of this.s.action?.values ?? []) {
      const text = v.value;
      if (!text || isTemplated(text)) continue;
      if (text === '*' || text === '*:*') this.fullAdmin(v, where);
      else if (/[*?]/.test(text)) this.wildcard(v, text, where);
      else {
        const action = findAction(text);
        if (action) named.push({ action, value: v });
      }
    }
    const reported = new Set<AwsAction>();
    if (this.unrestricted) for (const n of named) if (this.escalation(n.action, n.value, where, partners)) reported.add(n.action);
    this.resourceStar(named.map((n) => n.action).filter((a) => !reported.has(a)));
    if (this.s.notAction) this.notAction(this.s.notAction, where);
    if (this.s.notResource) this.notResource(this.s.notResource);
  }

  private fullAdmin(v: PolicyValue, where: string): void {
    const message = this.unrestricted
      ? `Allow "${v.value}" on ${where} grants every action of every AWS service: full administrator access to the account.`
      : `Allow "${v.value}" on ${where} grants every action that applies to those resources: reading, changing and deleting them, and rewriting their policies.`;
    this.add(AWS_RULE.fullAdmin, v.span, this.unrestricted ? 'critical' : 'high', message, [`Action ${v.value}`, `Resource ${where}`],
      this.confidence, awsRemedy(this.doc, this.s, 'Action', this.s.action!, v));
  }

  private wildcard(v: PolicyValue, text: string, where: string): void {
    const actions = expandAction(text);
    if (actions.length === 0) return;
    const reach = reachOf(actions);
    const serviceWide = /^[^:]+:\*$/.test(text);
    let severity = severityOf(reach, this.unrestricted);
    // `s3:*` on one bucket still hands over every S3 operation on it, deletion and policy included.
    if (!severity && serviceWide && (reach.writes.length || reach.permissions.length)) severity = 'low';
    if (!severity) return;
    const services = new Set(actions.map((a) => a.service));
    const scope = services.size === 1 ? `${shortName(actions[0].service)} ` : '';
    const count = serviceWide ? `all ${actions.length} ${scope}actions` : `${actions.length} ${scope}action${actions.length === 1 ? '' : 's'}`;
    const summary = reachSummary(reach);
    this.add(AWS_RULE.wildcardAction, v.span, severity, `Allow ${text} on ${where} grants ${count}${summary ? `, including ${summary}` : ''}.`,
      [`Action ${text} expands to ${actions.length} actions`, `Resource ${where}`], this.confidence, awsRemedy(this.doc, this.s, 'Action', this.s.action!, v));
  }

  /** A named escalation action on every resource; true when reported. */
  private escalation(action: AwsAction, v: PolicyValue, where: string, partners: string[]): boolean {
    const id = action.id.toLowerCase();
    if (id === PASS_ROLE.toLowerCase()) {
      const star = this.s.resource?.values.find((r) => r.value !== undefined && isUnrestrictedResource(r.value));
      const withPartner = partners.length > 0;
      const how = withPartner
        ? `with ${partners.slice(0, 2).join(' and ')} in the same policy it can run code as any role it passes`
        : 'with any service that takes a role, it can act as roles more powerful than itself';
      this.add(AWS_RULE.privilegeEscalation, v.span, withPartner ? 'critical' : 'high',
        `Allow iam:PassRole on ${where} lets this identity hand any role to an AWS service: ${how} (privilege escalation).`,
        [`Action ${action.id}`, `Resource ${where}`, ...(withPartner ? [`PassRole partner ${partners.join(', ')}`] : [])],
        this.confidence, star && awsRemedy(this.doc, this.s, 'Resource', this.s.resource!, star));
      return true;
    }
    const effect = ESCALATION_EFFECT[id];
    if (!effect) return false;
    const direct = IAM_ESCALATION.some((e) => e.toLowerCase() === id);
    this.add(AWS_RULE.privilegeEscalation, v.span, direct ? 'critical' : 'high',
      `Allow ${action.id} on ${where} lets this identity ${effect} (privilege escalation).`, [`Action ${action.id}`, `Resource ${where}`]);
    return true;
  }

  private resourceStar(named: AwsAction[]): void {
    const star = this.s.resource?.values.find((v) => v.value !== undefined && isUnrestrictedResource(v.value));
    if (!star || limitedToTaggedResources(this.s)) return;
    const scopable = named.filter((a) => a.scopable && !ROUTINE_ON_ANY_RESOURCE.has(a.id.toLowerCase()));
    const reach = reachOf(scopable);
    const severity = severityOf(reach, true);
    if (!severity) return;
    const ids = [...new Set(scopable.map((a) => a.id))];
    const shown = ids.length > 4 ? `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more` : ids.join(', ');
    const summary = reachSummary(reach);
    this.add(AWS_RULE.resourceStar, star.span, severity,
      `${shown} can be limited to named resources but ${ids.length === 1 ? 'is' : 'are'} granted on ${star.value === '*' ? '"*"' : star.value}, every resource of the account${summary ? `: ${summary}` : ''}.`,
      [`Resource ${star.value}`, `resource-level actions ${ids.join(', ')}`], this.confidence, awsRemedy(this.doc, this.s, 'Resource', this.s.resource!, star));
  }

  private notAction(element: PolicyElement, where: string): void {
    const excluded = element.values.map((v) => v.value).filter((v): v is string => !!v);
    const remaining = [PASS_ROLE, ...IAM_ESCALATION, ...CODE_AS_EXISTING_ROLE, ...SENSITIVE_READS]
      .filter((id) => !excluded.some((p) => actionPatternMatches(p, id)))
      .flatMap((id) => findAction(id) ?? []);
    const reach = reachOf(remaining);
    const severity: Severity = this.unrestricted ? (reach.escalation.length ? 'critical' : 'high') : 'medium';
    const summary = reachSummary(reach);
    this.add(AWS_RULE.notAction, element.keySpan, severity,
      `Allow with NotAction on ${where} grants every action of every AWS service except ${listed(element)}${summary ? `, including ${summary}` : ''}; services added later are granted too.`,
      [`NotAction ${excluded.join(', ')}`, `Resource ${where}`], this.confidence, awsRemedy(this.doc, this.s, 'NotAction', element));
  }

  private notResource(element: PolicyElement): void {
    const actions = (this.s.action?.values ?? []).flatMap((v) => (v.value && !isTemplated(v.value) && v.value !== '*' ? expandAction(v.value) : []));
    const everything = this.s.action?.values.some((v) => v.value === '*');
    const reach = reachOf(actions);
    const severity: Severity = everything ? 'critical' : severityOf(reach, true) ?? 'low';
    const granted = this.s.action ? listed(this.s.action) : 'the actions';
    const summary = reachSummary(reach);
    this.add(AWS_RULE.notResource, element.keySpan, severity,
      `Allow ${granted} with NotResource applies to every resource except ${listed(element)}, resources created later included${summary ? `: ${summary}` : ''}.`,
      [`NotResource ${element.values.map((v) => v.value ?? '?').join(', ')}`]);
  }

  /** Trust and resource policies: any principal, or an identity provider without a subject condition. */
  whoIsLetIn(trustDocument: boolean): void {
    const trust = trustDocument || this.grantsAssume();
    const anyone = this.s.principal?.anyone ?? (this.s.notPrincipal ? { value: 'NotPrincipal', span: this.s.notPrincipal.keySpan } : undefined);
    if (anyone && !this.limitedByCondition()) {
      const who = this.s.notPrincipal ? 'every principal except the ones in NotPrincipal' : 'any principal ("*")';
      if (trust) {
        this.add(AWS_RULE.trustAnyPrincipal, anyone.span, 'critical',
          `The trust policy lets ${who} assume this role: any AWS account in the world, with no Condition on aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount or sts:ExternalId.`,
          ['Principal *', 'action sts:AssumeRole', 'no limiting Condition'], this.confidence,
          this.s.notPrincipal ? undefined : trustRemedy(this.doc, this.s, { principal: anyone.itemSpan ?? anyone.span, principalKey: this.s.principal!.keySpan }));
      } else {
        const actions = (this.s.action?.values ?? []).map((v) => v.value).filter((v): v is string => !!v);
        const expanded = actions.flatMap((a) => (a === '*' ? [] : expandAction(a)));
        const readOnly = !actions.includes('*') && expanded.length > 0 && expanded.every((a) => a.level === 'Read' || a.level === 'List');
        this.add(AWS_RULE.publicResourcePolicy, anyone.span, readOnly ? 'medium' : 'high',
          `The resource policy allows ${who} ${actions.join(', ') || 'its actions'} with no Condition on who or from where (aws:PrincipalOrgID, aws:SourceAccount, aws:SourceVpce, ...): anyone can ${readOnly ? 'read' : 'use'} the resource.`,
          ['Principal *', `Action ${actions.join(', ')}`, 'no limiting Condition']);
      }
    }
    if (trust && this.s.principal?.federated.length) this.federation(this.s.principal);
  }

  private grantsAssume(): boolean {
    return (this.s.action?.values ?? []).some((v) => v.value?.toLowerCase().startsWith('sts:') && ASSUME_ACTIONS.some((a) => actionPatternMatches(v.value!, a)));
  }

  private limitedByCondition(): boolean {
    for (const [key, values] of this.s.conditions) {
      if (LIMITING_CONDITION_KEYS.has(key) && values.some((v) => v.value === undefined || !/^\*?$/.test(v.value))) return true;
    }
    return false;
  }

  /** Web identity federation must pin the subject (GitHub repository, Kubernetes service account, ...). */
  private federation(principal: Principals): void {
    const providers = principal.federated.map((v) => v.value ?? '');
    if (providers.every((p) => /saml-provider\//i.test(p))) return;
    const keys = [...this.s.conditions.keys()];
    const hosts = new Set([
      ...providers.map((p) => /oidc-provider\/([^/]+)/i.exec(p)?.[1]?.toLowerCase() ?? (p.includes('cognito-identity.amazonaws.com') ? 'cognito-identity.amazonaws.com' : '')),
      ...keys.filter((k) => /:(?:aud|sub|amr)$/.test(k)).map((k) => k.slice(0, k.lastIndexOf(':'))),
    ].filter(Boolean));
    const github = hosts.has('token.actions.githubusercontent.com');
    const cognito = hosts.has('cognito-identity.amazonaws.com');
    if (hosts.size === 0) return;
    const subjectKeys = keys.filter((k) => (cognito ? k.endsWith(':aud') : SUBJECT_CLAIM.test(k)));
    const values = subjectKeys.flatMap((k) => this.s.conditions.get(k) ?? []);
    const pinned = values.length > 0 && values.every((v) => v.value === undefined || !unboundedSubject(v.value));
    if (pinned) return;
    const provider = github ? 'GitHub Actions' : cognito ? 'Cognito' : [...hosts][0];
    const wildcard = values.find((v) => v.value !== undefined && unboundedSubject(v.value));
    const eks = provider.startsWith('oidc.eks.');
    const who = github ? 'any workflow in any GitHub repository' : cognito ? 'any Cognito identity pool' : eks ? 'any Kubernetes service account of the EKS cluster' : `any identity of ${provider}`;
    const span = wildcard?.span ?? principal.federated[0].span;
    this.add(AWS_RULE.unscopedFederation, span, github || cognito ? 'critical' : 'high',
      `The trust policy lets ${who} assume this role: ${wildcard ? `the ${cognito ? 'aud' : 'sub'} condition is "${wildcard.value}"` : `no ${cognito ? 'aud' : 'sub'} condition pins ${github ? 'the repository' : 'the subject'}`}.`,
      [`federated ${provider}`, wildcard ? `subject ${wildcard.value}` : 'no subject condition'], this.confidence,
      github ? trustRemedy(this.doc, this.s, { federated: principal.federated[0].itemSpan ?? principal.federated[0].span, ...(wildcard ? { wildcard: wildcard.itemSpan ?? wildcard.span } : {}) },
        { audience: keys.includes('token.actions.githubusercontent.com:aud') }) : undefined);
  }
}

/** Claims that pin who the token is for: `sub`, and GitHub's repository and workflow claims. */
const SUBJECT_CLAIM = /:(?:sub|job_workflow_ref|repository|repository_id|repository_owner|repository_owner_id)$/;

// A subject pattern that admits everyone: `*`, `repo:*` (any owner), `system:serviceaccount:*`.
function unboundedSubject(value: string): boolean {
  return /^(?:\*|repo:\*.*|[^:]*:\*|system:serviceaccount:\*.*)$/.test(value);
}

function listed(element: PolicyElement): string {
  const values = element.values.map((v) => v.value ?? '(a reference)');
  const shown = values.slice(0, 3).map((v) => (v.length > 80 ? `${v.slice(0, 77)}...` : v));
  return values.length > 3 ? `${shown.join(', ')} and ${values.length - 3} more` : shown.join(', ');
}

/** Prefixes several services share, whose dataset name is one of them (`ses` is named after Pinpoint Email). */
const SHORT_NAMES: Record<string, string> = {
  ses: 'SES', cloudformation: 'CloudFormation', apigateway: 'API Gateway', elasticloadbalancing: 'Elastic Load Balancing', sts: 'STS', kms: 'KMS',
};

/** `IAM`, `S3`, `Secrets Manager`: the service name without its vendor prefix. */
export function shortName(service: string): string {
  const override = SHORT_NAMES[service.toLowerCase()];
  if (override) return override;
  const full = serviceName(service);
  const abbreviation = /\(([^)]+)\)\s*$/.exec(full);
  if (abbreviation) return abbreviation[1];
  return full.replace(/^(?:Amazon|AWS)\s+/, '');
}
