// A binding to `cluster-admin` becomes a namespaced RoleBinding: to a new Role with read access to
// what the file's other objects are (Deployments, Services, ConfigMaps...), or to the built-in `view`
// ClusterRole when the file says nothing. Edited in place (subjects, labels and comments stay); the
// Role goes in as a new document right before the binding.
import { K8S_BINDING_REMEDY, type K8sBindingData } from '../../iam/k8s/rbacRemedy';
import { LineIndex } from '../../text';
import type { Finding, Fix, Span, TextEdit } from '../../types';
import { eolOf, insert, replace, type FixDocument } from '../draft';
import { unquote } from './k8sText';

export function k8sBindingFixes(finding: Finding, doc: FixDocument): Fix[] {
  const remedy = finding.remedy;
  if (remedy?.kind !== K8S_BINDING_REMEDY || !remedy.spans) return [];
  const data = remedy.data as unknown as K8sBindingData;
  const s = remedy.spans;
  const text = doc.text;
  const at = (span: Span | undefined) => (span ? text.slice(span.start, span.end) : '');
  if (unquote(at(finding.span)) !== 'cluster-admin' || unquote(at(s.kind)) !== data.kind || unquote(at(s.refKind)) !== 'ClusterRole' || !at(s.metaName).startsWith('name')) return [];
  if (text[s.doc.start] === '{') return [];

  const lines = new LineIndex(text);
  const eol = eolOf(text);
  const nameColumn = s.metaName.start - lines.lineStart(lines.lineOf(s.metaName.start));
  const unit = ' '.repeat(nameColumn || 2);
  // In a Helm template the tree saw blanked templates: only the text itself is trusted there.
  const existing = s.namespace ? unquote(at(s.namespace)) : undefined;
  const namespace = data.templated ? existing ?? '{{ .Release.Namespace }}' : data.subjectNamespace ?? existing ?? data.namespaces[0] ?? 'default';
  const common: TextEdit[] = [];
  if (data.kind === 'ClusterRoleBinding') common.push(replace(s.kind, 'RoleBinding'));
  if (!s.namespace) {
    if (text.slice(lines.lineStart(lines.lineOf(s.metaName.start)), s.metaName.start).trim() !== '') return [];
    common.push(insert(lines.lineEnd(lines.lineOf(s.metaName.end)), `${eol}${' '.repeat(nameColumn)}namespace: ${namespace}`));
  }
  const where = `namespace ${namespace}${s.namespace || data.subjectNamespace ? '' : ' (no namespace was given: check it)'}`;
  const scopeNote = data.kind === 'ClusterRoleBinding' ? 'The ClusterRoleBinding becomes a RoleBinding: the subjects keep access to this namespace only. ' : '';
  const fixes: Fix[] = [];

  // A new document can only go before a top-level one (not an item of a `kind: List`).
  const topLevel = s.doc.start === lines.lineStart(lines.lineOf(s.doc.start));
  if (data.implied.length && !data.templated && topLevel) {
    const roleName = data.roleNames.includes(data.name) ? `${data.name}-scoped` : data.name;
    const byGroup = new Map<string, string[]>();
    for (const r of data.implied) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r.resource]);
    const rules = [...byGroup].map(([group, resources]) => [
      `${unit}- apiGroups: ["${group}"]`,
      `${unit}  resources: [${resources.map((r) => `"${r}"`).join(', ')}]`,
      `${unit}  verbs: ["get", "list", "watch"]`,
    ].join(eol));
    const role = ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata:', `${unit}name: ${roleName}`, `${unit}namespace: ${namespace}`,
      '# TODO(keyhole): review: read access to what this file defines; add the verbs and resources the subjects need', 'rules:', ...rules, '---'].join(eol);
    fixes.push({
      title: `Replace cluster-admin with a namespaced Role (${roleName}: read ${data.implied.map((r) => r.resource).join(', ')})`,
      preferred: true,
      edits: [{ path: doc.path, edits: sorted([insert(docStart(text, lines, s.doc.start), `${role}${eol}`), ...common, replace(s.refKind, 'Role'), replace(finding.span, roleName)]) }],
      description: `${scopeNote}A new Role ${roleName} in ${where} grants get, list and watch on the kinds this file defines (${data.implied.map((r) => `${r.group || 'core'}/${r.resource}`).join(', ')}), a starting point marked for review: add the write verbs (create, update, patch, delete) and other resources the subjects need, and a ClusterRole with its own binding for anything cluster-scoped.`,
    });
  }
  fixes.push({
    title: `Bind the built-in read-only \`view\` ClusterRole in ${namespace} instead of cluster-admin`,
    preferred: fixes.length === 0,
    edits: [{ path: doc.path, edits: sorted([...common, replace(finding.span, 'view')]) }],
    description: `${scopeNote}The subjects get \`view\` in ${where}: read access to most namespaced objects, Secrets excluded. Review: grant the writes they need with a Role of their own; cluster-wide needs require a narrower ClusterRole.`,
  });
  return fixes;
}

const sorted = (edits: TextEdit[]) => edits.sort((a, b) => a.span.start - b.span.start);

/** Where a new document goes: before the comment lines right above the binding. */
function docStart(text: string, lines: LineIndex, start: number): number {
  let n = lines.lineOf(start);
  while (n > 0 && /^#/.test(lines.lineText(n - 1))) n--;
  return lines.lineStart(n);
}
