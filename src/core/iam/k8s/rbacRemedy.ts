// The structure the RBAC fixes (src/core/fixes/narrow/k8s*.ts) rewrite: a role rule's lists, or a
// cluster-admin binding's kind, namespace and roleRef, plus what the rest of the file implies (the
// resources of its Deployments, Services, ConfigMaps...).
import { entry, get, stringList, stringValue, type DataEntry, type DataNode } from '../../structured';
import type { Remedy, Span } from '../../types';
import { resourceOfKind, type GroupResource } from './resources';

export const K8S_RULE_REMEDY = 'k8s-rule';
export const K8S_BINDING_REMEDY = 'k8s-binding';

/** What the whole file says, shared by every finding of the file. */
export interface ManifestFacts {
  /** Resources of the file's other objects, each once. */
  implied: GroupResource[];
  /** Namespaces those objects declare. */
  namespaces: string[];
  /** Secret objects defined in the file. */
  secretNames: string[];
  /** Role names defined in the file. */
  roleNames: string[];
  /** The file holds template syntax (Helm): only plain scalars and lists may be edited. */
  templated: boolean;
}

export interface K8sRuleData extends ManifestFacts {
  verbs: string[];
  resources: string[];
  apiGroups: string[];
  ruleCount: number;
}

export interface K8sBindingData extends ManifestFacts {
  kind: string;
  name: string;
  /** Namespace of the first ServiceAccount subject, if any. */
  subjectNamespace?: string;
}

export function manifestFacts(text: string, objects: DataNode[]): ManifestFacts {
  const facts: ManifestFacts = { implied: [], namespaces: [], secretNames: [], roleNames: [], templated: text.includes('{{') };
  for (const o of objects) {
    const kind = stringValue(get(o, 'kind')) ?? '';
    const name = stringValue(get(o, 'metadata', 'name'));
    const ns = stringValue(get(o, 'metadata', 'namespace'));
    if (kind === 'Secret' && name) facts.secretNames.push(name);
    if (kind === 'Role' && name) facts.roleNames.push(name);
    const r = resourceOfKind(kind);
    if (!r) continue;
    if (!facts.implied.some((i) => i.group === r.group && i.resource === r.resource)) facts.implied.push(r);
    if (ns && !facts.namespaces.includes(ns)) facts.namespaces.push(ns);
  }
  return facts;
}

const entrySpan = (e: DataEntry): Span => ({ start: e.keySpan.start, end: e.value.span.end });

export function ruleRemedy(rule: DataNode, rules: DataNode[], facts: ManifestFacts): Remedy {
  const spans: Record<string, Span> = { rule: rule.span };
  for (const key of ['verbs', 'resources', 'apiGroups'] as const) {
    const e = entry(rule, key);
    if (e) {
      spans[key] = e.value.span;
      spans[`${key}Entry`] = entrySpan(e);
    }
  }
  const data: K8sRuleData = {
    ...facts,
    verbs: stringList(get(rule, 'verbs')).map((v) => v.value),
    resources: stringList(get(rule, 'resources')).map((v) => v.value),
    apiGroups: stringList(get(rule, 'apiGroups')).map((v) => v.value),
    ruleCount: rules.length,
  };
  return { kind: K8S_RULE_REMEDY, spans, data: data as unknown as Record<string, unknown> };
}

export function bindingRemedy(doc: DataNode, kind: string, name: string, facts: ManifestFacts): Remedy | undefined {
  const kindEntry = entry(doc, 'kind');
  const refKind = get(doc, 'roleRef', 'kind');
  const nameEntry = entry(get(doc, 'metadata'), 'name');
  if (!kindEntry || !refKind || !nameEntry) return undefined;
  const spans: Record<string, Span> = { doc: doc.span, kind: kindEntry.value.span, refKind: refKind.span, metaName: entrySpan(nameEntry) };
  const ns = get(doc, 'metadata', 'namespace');
  if (ns) spans.namespace = ns.span;
  const subjects = get(doc, 'subjects');
  const subjectNamespace = (subjects?.kind === 'array' ? subjects.items : [])
    .filter((s) => stringValue(get(s, 'kind')) === 'ServiceAccount')
    .map((s) => stringValue(get(s, 'namespace')))
    .find(Boolean);
  const data: K8sBindingData = { ...facts, kind, name, ...(subjectNamespace ? { subjectNamespace } : {}) };
  return { kind: K8S_BINDING_REMEDY, spans, data: data as unknown as Record<string, unknown> };
}
