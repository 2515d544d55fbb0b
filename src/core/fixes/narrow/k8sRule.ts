// Fixes of one Role/ClusterRole rule: `*` verbs → get, list, watch; `*` resources and apiGroups → what
// the file's other objects imply (left alone, with a note, when nothing does); a dangerous verb or
// resource removed from the rule, saying what stops working.
import { K8S_RULE_REMEDY, type K8sRuleData } from '../../iam/k8s/rbacRemedy';
import { groupOfResource } from '../../iam/k8s/resources';
import { K8S_RULES } from '../../iam/k8s/rules';
import { LineIndex } from '../../text';
import type { Finding, Fix, Span, TextEdit } from '../../types';
import { eolOf, insert, type FixDocument } from '../draft';
import { listEdit, removeItem, unquote } from './k8sText';

const READ = ['get', 'list', 'watch'];
const unique = (xs: string[]) => [...new Set(xs)];

/** What removing each dangerous grant breaks, for the description. */
const BREAKS: Record<string, string> = {
  bind: 'the subject can no longer bind roles it does not hold (controllers and deployers that create RoleBindings will get "forbidden"; if one must, limit `bind` with resourceNames to the roles it may grant)',
  escalate: 'the subject can no longer create or edit roles with permissions beyond its own (operators that manage Roles need it; limit it with resourceNames if so)',
  impersonate: 'the subject can no longer act as other users, groups or service accounts (`kubectl --as`, authenticating proxies); if one must, limit it with resourceNames',
  secrets: 'the subject can no longer read Secrets through the API; pods that mount Secrets as volumes or env vars need no RBAC for that, but programs that call the API for them (cert-manager, external-secrets, some operators) do',
  'pods/exec': 'the subject can no longer `kubectl exec` into pods (debug tooling, some CI deployers)',
  'pods/attach': 'the subject can no longer `kubectl attach` to pods',
  'nodes/proxy': 'the subject can no longer reach the kubelet API (metrics scrapers that read /metrics/cadvisor through the API server proxy need it; the kubelet\'s own /metrics endpoints with nodes/metrics do not)',
  'serviceaccounts/token': 'the subject can no longer mint service-account tokens (`kubectl create token`, some CI integrations)',
};

export function k8sRuleFixes(finding: Finding, doc: FixDocument): Fix[] {
  const remedy = finding.remedy;
  if (remedy?.kind !== K8S_RULE_REMEDY || !remedy.spans?.rule) return [];
  const data = remedy.data as unknown as K8sRuleData;
  const spans = remedy.spans;
  const text = doc.text;
  // The lists must still say what the detector read.
  for (const key of ['verbs', 'resources', 'apiGroups'] as const) {
    const s = spans[key];
    if (s && !data[key].every((v) => text.slice(s.start, s.end).includes(v))) return [];
  }
  if (finding.ruleId === K8S_RULES.wildcard.id) return wildcardFix(doc, data, spans);
  const item = unquote(text.slice(finding.span.start, finding.span.end));
  if (finding.ruleId === K8S_RULES.escalationVerbs.id) return removal(doc, data, spans, 'verbs', item);
  if (finding.ruleId === K8S_RULES.secretsRead.id) return secretsFix(doc, data, spans);
  if ([K8S_RULES.podExec.id, K8S_RULES.nodesProxy.id, K8S_RULES.tokenCreate.id].includes(finding.ruleId)) return removal(doc, data, spans, 'resources', item);
  return [];
}

function wildcardFix(doc: FixDocument, data: K8sRuleData, spans: Record<string, Span>): Fix[] {
  const edits: TextEdit[] = [];
  const said: string[] = [];
  const review: string[] = [];
  const starVerbs = data.verbs.includes('*');
  const starResources = data.resources.includes('*');
  const starGroups = data.apiGroups.includes('*');
  const edit = (key: 'verbs' | 'resources' | 'apiGroups', values: string[]) => {
    const e = spans[key] && listEdit(doc.text, spans[key], values);
    if (e) edits.push(e);
    return !!e;
  };
  if (starVerbs && edit('verbs', unique([...READ, ...data.verbs.filter((v) => v !== '*')]))) {
    said.push('verbs `*` → get, list, watch (read-only starting point)');
    review.push('the subject can no longer create, update, patch or delete: add back the write verbs it needs (`kubectl auth can-i --list --as=system:serviceaccount:NS:NAME` with the old role, or the audit log, shows what it used)');
  }
  if (starResources) {
    const candidates = data.implied.filter((r) => starGroups || data.apiGroups.includes(r.group));
    const resources = unique([...candidates.map((r) => r.resource), ...data.resources.filter((r) => r !== '*')]);
    const groups = unique([...candidates.map((r) => r.group), ...data.apiGroups.filter((g) => g !== '*')]);
    if (candidates.length && edit('resources', resources) && (!starGroups || edit('apiGroups', groups))) {
      said.push(`resources \`*\` → ${resources.join(', ')}${starGroups ? ` in API groups ${groups.map((g) => g || '"" (core)').join(', ')}` : ''}: the kinds this file defines`);
      review.push('one rule lists every group with every resource: split it per group if a resource name exists in two groups; add custom resources the subject reads');
    } else {
      review.push('`resources: ["*"]` is left as it is: nothing in this file says which resources the subject needs; list them');
    }
  } else if (starGroups) {
    const groups = data.resources.map(groupOfResource);
    if (groups.every((g) => g !== undefined) && edit('apiGroups', unique(groups as string[]))) {
      said.push(`apiGroups \`*\` → ${unique(groups as string[]).map((g) => g || '"" (core)').join(', ')}: the groups of the listed resources`);
    } else {
      review.push('`apiGroups: ["*"]` is left as it is: a listed resource is not a built-in one whose group is known');
    }
  }
  if (edits.length === 0) return [];
  return [{
    title: `Narrow the RBAC rule: ${said.map((s) => s.split(':')[0]).join('; ')}`,
    preferred: true,
    edits: [{ path: doc.path, edits: edits.sort((a, b) => a.span.start - b.span.start) }],
    description: `${said.join('. ')}. Review: ${review.join('; ')}.`,
  }];
}

/** Removes `item` from the rule's list, or the whole rule when it is the list's only item and other rules remain. */
function removal(doc: FixDocument, data: K8sRuleData, spans: Record<string, Span>, key: 'verbs' | 'resources', item: string): Fix[] {
  const rest = data[key].filter((v) => v !== item);
  const breaks = BREAKS[item] ?? BREAKS[item.split('/')[0]] ?? 'the subject loses that permission';
  if (rest.length > 0) {
    const e = spans[key] && listEdit(doc.text, spans[key], rest);
    if (!e) return [];
    return [{
      title: `Remove \`${item}\` from the RBAC rule`,
      preferred: true,
      edits: [{ path: doc.path, edits: [e] }],
      description: `\`${item}\` removed from ${key}; the rest of the rule stays. What breaks: ${breaks}.`,
    }];
  }
  if (data.ruleCount < 2) return [];
  const e = removeItem(doc.text, spans.rule);
  if (!e) return [];
  return [{
    title: `Remove the RBAC rule that grants \`${item}\``,
    preferred: true,
    edits: [{ path: doc.path, edits: [e] }],
    description: `The rule granted only \`${item}\` and goes as a whole; the role's other rules stay. What breaks: ${breaks}.`,
  }];
}

/** `secrets` goes from a rule with other resources; a secrets-only rule is limited to the Secrets this file defines (`get` by name). */
function secretsFix(doc: FixDocument, data: K8sRuleData, spans: Record<string, Span>): Fix[] {
  if (data.resources.length > 1) return removal(doc, data, spans, 'resources', 'secrets');
  const entrySpan = spans.resourcesEntry;
  if (data.secretNames.length === 0 || !entrySpan || !spans.verbs || data.templated) return [];
  const lines = new LineIndex(doc.text);
  const line = lines.lineOf(entrySpan.start);
  const pad = doc.text.slice(lines.lineStart(line), entrySpan.start);
  const column = /^\s*-?\s*$/.test(pad) ? pad.length : -1;
  if (column < 0 || doc.text[spans.rule.start] === '{') return [];
  const verbs = listEdit(doc.text, spans.verbs, ['get']);
  if (!verbs) return [];
  const names = data.secretNames.map((n) => `"${n}"`).join(', ');
  const at = lines.lineEnd(lines.lineOf(entrySpan.end));
  return [{
    title: `Limit the rule to the Secrets this file defines (get ${data.secretNames.join(', ')})`,
    preferred: true,
    edits: [{ path: doc.path, edits: [verbs, insert(at, `${eolOf(doc.text)}${' '.repeat(column)}resourceNames: [${names}]`)].sort((a, b) => a.span.start - b.span.start) }],
    description: `The rule now allows \`get\` on the Secrets ${data.secretNames.join(', ')} only (list and watch cannot be limited by name). What breaks: reading any other Secret through the API; add its name if the subject needs it.`,
  }];
}
