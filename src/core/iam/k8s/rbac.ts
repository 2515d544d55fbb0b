// Judges Kubernetes RBAC objects (Role, ClusterRole and their bindings) in YAML or JSON manifests,
// every document of a file and every rule of a role (not only the first).
import type { Detector, ScanContext } from '../../detector';
import { KeywordSet } from '../../keywordIndex';
import { dataFromJson, dataFromYaml, get, stringList, stringValue, type DataNode, type DataScalar } from '../../structured';
import type { RawFinding, Severity } from '../../types';
import { bindingRemedy, manifestFacts, ruleRemedy, type ManifestFacts } from './rbacRemedy';
import { K8S_RULES } from './rules';

const READ_VERBS = new Set(['get', 'list', 'watch', '*']);
const ESCALATION_VERBS: Record<string, string> = {
  bind: 'bind roles it does not hold itself',
  escalate: 'raise the permissions of roles beyond its own',
  impersonate: 'act as any user, group or service account it may name',
};
/** Subjects that stand for many identities at once. */
const BROAD_GROUPS = new Set(['system:authenticated', 'system:unauthenticated', 'system:serviceaccounts']);

type Item = { value: string; node: DataScalar };

export const k8sRbacDetector: Detector = {
  id: 'iam-k8s-rbac',
  rules: Object.values(K8S_RULES),
  wantsTree: mentionsRbac,
  detect(ctx: ScanContext): RawFinding[] {
    if (!ctx.tree || !mentionsRbac(ctx)) return [];
    const docs = ctx.language === 'yaml' ? dataFromYaml(ctx.tree.rootNode) : ctx.language === 'json' ? dataFromJson(ctx.tree.rootNode) : [];
    const out: RawFinding[] = [];
    const objects = docs.flatMap(objectsOf);
    let facts: ManifestFacts | undefined;
    const factsOf = () => (facts ??= manifestFacts(ctx.text, objects));
    for (const doc of objects) {
      const kind = stringValue(get(doc, 'kind'));
      const name = stringValue(get(doc, 'metadata', 'name')) ?? '(unnamed)';
      if (kind === 'Role' || kind === 'ClusterRole') out.push(...judgeRole(doc, kind, name, factsOf));
      else if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') out.push(...judgeBinding(doc, kind, name, factsOf));
    }
    return out;
  },
};

const ROLE_KIND = /kind["']?\s{0,4}:\s{0,4}["']?(?:cluster)?role/i;
/** Looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const WORDS = new KeywordSet(['rbac.authorization.k8s.io', 'kind']);

function mentionsRbac(ctx: ScanContext): boolean {
  if (ctx.language !== 'yaml' && ctx.language !== 'json') return false;
  return WORDS.has(ctx, 'rbac.authorization.k8s.io') || (WORDS.has(ctx, 'kind') && ROLE_KIND.test(ctx.text));
}

/** A manifest, or the items of a `kind: List`. */
function objectsOf(doc: DataNode): DataNode[] {
  const items = get(doc, 'items');
  return stringValue(get(doc, 'kind')) === 'List' && items?.kind === 'array' ? items.items : [doc];
}

function judgeRole(doc: DataNode, kind: string, name: string, factsOf: () => ManifestFacts): RawFinding[] {
  const rules = get(doc, 'rules');
  if (rules?.kind !== 'array') return [];
  const cluster = kind === 'ClusterRole';
  const where = `${kind} \`${name}\``;
  const out: RawFinding[] = [];
  rules.items.forEach((rule, index) => {
    const first = out.length;
    const verbs = stringList(get(rule, 'verbs'));
    const resources = stringList(get(rule, 'resources'));
    const groups = stringList(get(rule, 'apiGroups'));
    const ruleName = `${where} rule ${index + 1}`;
    const wildcard = wildcardFinding(ruleName, cluster, verbs, resources, groups);
    if (wildcard) out.push(wildcard);
    // A rule limited to named objects is the least-privilege form the checks below ask for.
    if (verbs.length === 0 || stringList(get(rule, 'resourceNames')).length > 0) return;
    const verbSet = new Set(verbs.map((v) => v.value.toLowerCase()));
    const coreGroup = groups.length === 0 || groups.some((g) => g.value === '' || g.value === '*');

    for (const verb of verbs) {
      const why = ESCALATION_VERBS[verb.value.toLowerCase()];
      if (!why) continue;
      out.push(finding(K8S_RULES.escalationVerbs.id, verb.node, cluster ? 'critical' : 'high',
        `${ruleName} grants the \`${verb.value}\` verb: the subject can ${why}, which is privilege escalation (CIS 5.1.8).`, [`kind: ${kind}`, `verb: ${verb.value}`]));
    }
    for (const resource of resources) {
      const r = resource.value.toLowerCase();
      if (r === 'secrets' && coreGroup) {
        const reads = [...verbSet].filter((v) => READ_VERBS.has(v));
        if (reads.length === 0) continue;
        const bulk = reads.some((v) => v !== 'get');
        out.push(finding(K8S_RULES.secretsRead.id, resource.node, cluster || bulk ? 'high' : 'medium',
          `${ruleName} grants ${reads.map((v) => `\`${v}\``).join(', ')} on \`secrets\` ${cluster ? 'in every namespace' : 'in its namespace'}: ${bulk ? 'list and watch return the content of every secret' : 'get reads any secret whose name is known'}, service-account tokens included (CIS 5.1.2).`,
          [`kind: ${kind}`, `verbs: ${reads.join(', ')}`]));
      } else if ((r === 'pods/exec' || r === 'pods/attach' || r === 'pods/*') && coreGroup && (verbSet.has('create') || verbSet.has('get') || verbSet.has('*'))) {
        out.push(finding(K8S_RULES.podExec.id, resource.node, cluster ? 'high' : 'medium',
          `${ruleName} grants \`${resource.value}\`: the subject can run commands in ${cluster ? 'every pod of the cluster' : 'every pod of the namespace'} and read their mounted secrets and service-account tokens.`,
          [`kind: ${kind}`, `resource: ${resource.value}`]));
      } else if ((r === 'nodes/proxy' || r === 'nodes/*') && coreGroup) {
        out.push(finding(K8S_RULES.nodesProxy.id, resource.node, 'high',
          `${ruleName} grants \`${resource.value}\`: direct kubelet API access, which runs commands in every pod of a node without audit logging or admission control.`,
          [`kind: ${kind}`, `resource: ${resource.value}`]));
      } else if ((r === 'serviceaccounts/token' || r === 'serviceaccounts/*') && coreGroup && (verbSet.has('create') || verbSet.has('*'))) {
        out.push(finding(K8S_RULES.tokenCreate.id, resource.node, cluster ? 'high' : 'medium',
          `${ruleName} grants \`create\` on \`${resource.value}\`: the subject can mint tokens for ${cluster ? 'every service account of the cluster' : 'every service account of the namespace'} and act with their permissions.`,
          [`kind: ${kind}`, `resource: ${resource.value}`]));
      }
    }
    // The fixes rewrite this rule's lists; computed only for rules that were reported.
    if (out.length > first) {
      const remedy = ruleRemedy(rule, rules.items, factsOf());
      for (let i = first; i < out.length; i++) out[i].remedy = remedy;
    }
  });
  return out;
}

function wildcardFinding(ruleName: string, cluster: boolean, verbs: Item[], resources: Item[], groups: Item[]): RawFinding | undefined {
  const star = (items: Item[]) => items.find((i) => i.value === '*');
  const verb = star(verbs);
  const resource = star(resources);
  const group = star(groups);
  const at = verb ?? resource ?? group;
  if (!at) return undefined;
  const fields = [verb && 'verbs', resource && 'resources', group && 'apiGroups'].filter(Boolean).join(', ');
  const scope = cluster ? 'across the cluster' : 'in its namespace';
  let severity: Severity;
  let reach: string;
  if (verb && resource) {
    severity = cluster ? 'critical' : 'high';
    reach = `every verb on every resource${group ? ' of every API group' : ''} ${scope}: the equivalent of ${cluster ? 'cluster-admin' : 'namespace admin'}`;
  } else if (resource) {
    const writes = verbs.some((v) => !READ_VERBS.has(v.value.toLowerCase()));
    severity = writes ? 'high' : 'medium';
    reach = `${verbs.map((v) => `\`${v.value}\``).join(', ') || 'its verbs'} on every resource ${scope}, secrets included, and on resource types added later`;
  } else if (verb) {
    severity = 'medium';
    reach = `every verb, including delete and escalation verbs, on ${resources.map((r) => `\`${r.value}\``).join(', ') || 'its resources'} ${scope}`;
  } else {
    severity = 'low';
    reach = `its verbs on these resources in every API group, including groups added later by CRDs`;
  }
  return finding(K8S_RULES.wildcard.id, at.node, severity, `${ruleName} has \`*\` in ${fields}: it grants ${reach} (CIS 5.1.3).`, [`wildcard in: ${fields}`]);
}

function judgeBinding(doc: DataNode, kind: string, name: string, factsOf: () => ManifestFacts): RawFinding[] {
  const roleName = get(doc, 'roleRef', 'name');
  if (stringValue(roleName) !== 'cluster-admin' || roleName?.kind !== 'scalar') return [];
  const cluster = kind === 'ClusterRoleBinding';
  const subjects = get(doc, 'subjects');
  const broad = (subjects?.kind === 'array' ? subjects.items : []).flatMap((s) => {
    const subjectKind = stringValue(get(s, 'kind'));
    const subjectName = stringValue(get(s, 'name')) ?? '';
    if (subjectKind === 'Group' && (BROAD_GROUPS.has(subjectName) || subjectName.startsWith('system:serviceaccounts:'))) return [`group ${subjectName}`];
    if (subjectKind === 'User' && subjectName === 'system:anonymous') return ['user system:anonymous'];
    if (subjectKind === 'ServiceAccount' && subjectName === 'default') return ['the default service account'];
    return [];
  });
  const severity: Severity = cluster ? (broad.length ? 'critical' : 'high') : broad.length ? 'high' : 'medium';
  const scope = cluster ? 'unrestricted control of the whole cluster' : 'unrestricted control of its namespace';
  const who = broad.length ? ` to ${broad.join(', ')}, which stands for many identities at once` : '';
  const out = finding(K8S_RULES.clusterAdminBinding.id, roleName, severity,
    `${kind} \`${name}\` grants \`cluster-admin\`${who}: ${scope} (CIS 5.1.1).`, [`kind: ${kind}`, ...broad.map((b) => `broad subject: ${b}`)]);
  const remedy = bindingRemedy(doc, kind, name, factsOf());
  return [remedy ? { ...out, remedy } : out];
}

function finding(ruleId: string, node: DataScalar, severity: Severity, message: string, evidence: string[]): RawFinding {
  return { ruleId, span: node.span, severity, confidence: 'validated', message, evidence };
}
