// Narrowing AWS grants: `Action: "*"` or `svc:*` to the actions the workspace's code calls (else the
// service's read and list actions, for review), `NotAction` to an allow list of the called actions,
// and `Resource: "*"` to the resources the statement's actions act on (a resource the same IaC file
// defines, else ARN templates with placeholders). The structure comes from the finding's remedy
// (src/core/iam/aws/remedy.ts); the text at its spans must still be what the detector saw.
import { actionPatternMatches, expandAction, findAction } from '../../iam/aws/actions';
import { AWS_REMEDY, type AwsRemedyData } from '../../iam/aws/remedy';
import { PASS_ROLE } from '../../iam/aws/risk';
import { AWS_RULE } from '../../iam/aws/rules';
import type { Finding, Fix, Span, TextEdit } from '../../types';
import type { AwsCallSite, FixDocument, FixWorkspace } from '../draft';
import { policySize, replaceElement, replaceItem, styleOf, unquoted, written, type ListStyle, type ListValue } from './awsLists';
import { everydayTypes, onEverydayResources, roleChoice, resourceChoice, resourceTypesFor, splitByScope } from './awsResources';
import { passableRoles } from './awsPassRole';
import { SPLIT_SID_SUFFIX, splitStatement, type SplitTarget } from './awsSplit';

/** Managed policies hold 6,144 characters (inline role policies 10,240): the smaller limit is kept, the policy's kind being unknown here. */
export const POLICY_SIZE_LIMIT = 6144;
const SHOWN_ACTIONS = 20;
const SHOWN_PLACES = 3;

interface Target {
  doc: FixDocument;
  data: AwsRemedyData;
  /** The flagged value with its quotes (none for NotAction). */
  item?: Span;
  key: Span;
  /** The element's value: the list, or the single value. */
  element: Span;
  document: Span;
  style: ListStyle;
  remedySpans: Record<string, Span>;
}

export function awsFixes(finding: Finding, doc: FixDocument, workspace: FixWorkspace): Fix[] {
  const target = targetOf(finding, doc);
  if (!target) return [];
  switch (finding.ruleId) {
    case AWS_RULE.fullAdmin:
    case AWS_RULE.wildcardAction:
      return actionFixes(target, workloadCalls(workspace, doc));
    case AWS_RULE.notAction:
      return notActionFixes(target, workloadCalls(workspace, doc));
    case AWS_RULE.resourceStar:
      return resourceFixes(target);
    case AWS_RULE.privilegeEscalation:
      return passRoleFixes(target);
  }
  return [];
}

/** Calls made by the file that writes the policy provision it (`iam.put_role_policy`): they are not the workload's. */
function workloadCalls(workspace: FixWorkspace, doc: FixDocument): readonly AwsCallSite[] {
  return (workspace.awsCalls ?? []).filter((c) => c.path !== doc.path);
}

/** The remedy, checked against the current text. */
function targetOf(finding: Finding, doc: FixDocument): Target | undefined {
  const remedy = finding.remedy;
  if (remedy?.kind !== AWS_REMEDY || !remedy.spans || !remedy.data) return undefined;
  const data = remedy.data as unknown as AwsRemedyData;
  const { key, item, elementStart, elementEnd, documentStart, documentEnd } = remedy.spans;
  if (!key || !elementStart || !elementEnd || !documentStart || !documentEnd || !Array.isArray(data.values) || !Array.isArray(data.actions)) return undefined;
  if (Object.values(remedy.spans).some((s) => s.start < 0 || s.end > doc.text.length || s.start > s.end)) return undefined;
  const element = { start: elementStart.start, end: elementEnd.end };
  const document = { start: documentStart.start, end: documentEnd.end };
  if (element.start > element.end || document.start > document.end) return undefined;
  const at = (s: Span) => doc.text.slice(s.start, s.end);
  if (data.element === 'NotAction') {
    if (!/^["'`]?not_?actions?["'`]?$/i.test(at(key))) return undefined;
  } else if (!item || item.start < element.start || item.end > element.end || unquoted(at(item)) !== data.values[0]) return undefined;
  if (!actionsUnchanged(doc.text, remedy.spans, data.actions)) return undefined;
  const sample = item ?? { start: element.start + (/^\s*[[-]\s*/.exec(at(element))?.[0].length ?? 0), end: element.end };
  return { doc, data, item, key, element, document, style: styleOf(doc.text, sample, data.syntax, data.embedded), remedySpans: remedy.spans };
}

/** The statement's Action list still holds the actions the remedy lists (an earlier fix of the plan may have split it). */
function actionsUnchanged(text: string, spans: Record<string, Span>, actions: string[]): boolean {
  const { actionStart, actionEnd } = spans;
  if (!actionStart || !actionEnd) return true;
  if (actionStart.start > actionEnd.end || actionEnd.end > text.length) return false;
  const current = text.slice(actionStart.start, actionEnd.end).match(/[A-Za-z0-9-]+:[A-Za-z0-9*?]+|\*/g) ?? [];
  const key = (list: string[]) => [...new Set(list.map((a) => a.toLowerCase()))].sort().join(' ');
  return key(current) === key(actions);
}

/** The flagged item replaced by `values`, in the list it sits in, or the whole element when it is the only value. */
function itemEdit(t: Target, values: ListValue[]): TextEdit {
  const item = t.item!;
  const alone = item.start === t.element.start && item.end === t.element.end;
  return alone ? replaceElement(t.doc.text, t.key, t.element, values, t.style) : replaceItem(t.doc.text, item, values, t.style);
}

/** The policy's size after the edits (which may sit outside it: a Terraform local that a dynamic statement reads). */
function fits(t: Target, edits: TextEdit[]): boolean {
  let size = policySize(t.doc.text.slice(t.document.start, t.document.end));
  for (const e of edits) size += policySize(e.newText) - policySize(t.doc.text.slice(e.span.start, e.span.end));
  return size <= POLICY_SIZE_LIMIT;
}

function fixOf(t: Target, title: string, description: string, edits: TextEdit[]): Fix {
  return { title, preferred: false, edits: [{ path: t.doc.path, edits }], description };
}

function actionFixes(t: Target, calls: readonly AwsCallSite[]): Fix[] {
  const flagged = t.data.values[0];
  const everything = flagged === '*' || flagged === '*:*';
  const listed = new Set(t.data.actions.map((a) => a.toLowerCase()));
  const fixes: Fix[] = [];
  const called = calls.filter((c) => everything || actionPatternMatches(flagged, c.action));
  const calledActions = unique(called.map((c) => c.action)).filter((a) => !listed.has(a.toLowerCase()));
  if (calledActions.length) {
    const fix = sized(t, calledActions, (actions, grouped) => fixOf(t,
      `Replace ${flagged} with the ${count(calledActions.length, 'action')} the code calls`,
      `${flagged} is replaced by what this workspace's AWS SDK calls need${grouped}: ${provenance(calledActions, called)}. ` +
      'Review: the calls were found by a text scan of boto3 and AWS SDK for JavaScript code here; code elsewhere that uses this role (another repository, a script, a console user) may need more.',
      [itemEdit(t, actions.map((text) => ({ text })))]));
    if (fix) fixes.push(fix);
  }
  if (!everything) {
    // Of a service whose everyday resources are known (S3 buckets and objects, tables, queues...), only the reads of those:
    // the rest (S3 Storage Lens, access grants, ...) is rarely what a workload reads, and takes resources nothing here names.
    const readOnly = unique(expandAction(flagged).filter((a) => (a.level === 'List' || a.level === 'Read') && onEverydayResources(a.id)).map((a) => a.id))
      .filter((a) => !listed.has(a.toLowerCase()));
    if (readOnly.length) {
      const fix = sized(t, readOnly, (actions, grouped) => fixOf(t,
        `Replace ${flagged} with its ${count(readOnly.length, 'read and list action')} (review: read/list only)`,
        `A starting point, not what the code needs: ${flagged} is replaced by its read and list actions from the AWS action list${everydayNote(flagged)}${grouped}. ` +
        `Review: read/list only. Add the write actions the workload really performs; ${calls.length ? 'the code here calls none of this service.' : 'no AWS SDK calls were found in the workspace to derive them from.'}`,
        [itemEdit(t, actions.map((text) => ({ text })))]));
      if (fix) fixes.push(fix);
    }
  }
  return fixes;
}

/** NotAction (everything but) becomes Action with the called actions it did not exclude. */
function notActionFixes(t: Target, calls: readonly AwsCallSite[]): Fix[] {
  const excluded = t.data.values.filter(Boolean);
  const kept = calls.filter((c) => !excluded.some((p) => actionPatternMatches(p, c.action)));
  const actions = unique(kept.map((c) => c.action));
  if (!actions.length) return [];
  const { key, element } = t;
  const keyText = t.doc.text.slice(key.start, key.end);
  const renamed = keyText.replace(/(n)ot_?(a)/i, (_, n: string, a: string) => (n === 'n' ? a.toLowerCase() : a.toUpperCase()));
  const edits = [{ span: key, newText: renamed }, replaceElement(t.doc.text, key, element, actions.map((text) => ({ text })), t.style)];
  // The value edit may start at the key's end (YAML block lists): the two must not overlap.
  if (edits[1].span.start < key.end) return [];
  if (!fits(t, edits)) return [];
  return [fixOf(t, `Replace NotAction with the ${count(actions.length, 'action')} the code calls`,
    `NotAction allowed every action of every service except ${excluded.join(', ')}; it becomes an allow list of what this workspace's AWS SDK calls need: ${provenance(actions, kept)}. ` +
    'Review: the calls were found by a text scan of boto3 and AWS SDK for JavaScript code here; code elsewhere that uses this role may need more.', edits)];
}

function resourceFixes(t: Target): Fix[] {
  const split = splitByScope(t.data.actions);
  if (!split) return [];
  const types = resourceTypesFor(split.scoped);
  if (!types?.length) return [];
  const choices = types.map(({ service, type }) => resourceChoice(service, type, t.data.syntax, t.data.embedded, t.data.defined ?? []));
  const seen = new Set<string>();
  const values = choices.filter((c) => {
    const text = written(c.value, t.style);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  }).sort((a, b) => written(a.value, t.style).localeCompare(written(b.value, t.style)));
  let edits = [itemEdit(t, values.map((c) => c.value))];
  if (split.anyResource.length) {
    const target = splitTargetOf(t);
    const splitEdits = target && splitStatement(target, split.anyResource.map((text) => ({ text })), split.scoped.map((text) => ({ text })), edits);
    if (!splitEdits) return [];
    edits = splitEdits;
  }
  if (!fits(t, edits)) return [];
  const placeholders = values.some((c) => c.placeholder);
  const named = values.filter((c) => !c.placeholder).map((c) => c.what);
  const templates = values.filter((c) => c.placeholder).map((c) => c.what);
  const parts = [
    named.length ? `the ${named.join(', ')} defined in this file` : '',
    templates.length ? `the ARN template of each ${templates.join(', ')} (from the AWS resource list)` : '',
  ].filter(Boolean);
  const acting = split.scoped.length === 1 ? split.scoped[0] : 'the actions';
  const splitNote = split.anyResource.length
    ? ` The statement is split: ${split.anyResource.join(', ')} ${split.anyResource.length === 1 ? 'accepts' : 'accept'} only "*" and ${split.anyResource.length === 1 ? 'keeps' : 'keep'} it; a copy right after it (Sid suffixed "${SPLIT_SID_SUFFIX}", Condition kept) holds the others.`
    : '';
  return [fixOf(t, `${split.anyResource.length ? 'Split the statement and limit' : 'Limit'} Resource to ${placeholders ? 'ARN templates of' : ''} the resources ${acting} act on${placeholders ? ' (fill in the placeholders)' : ''}`.replace(/ {2,}/g, ' '),
    `"${t.data.values[0]}" is replaced by ${parts.join(' and ')}, for ${split.scoped.join(', ')}.${splitNote}` +
    (placeholders ? ' Replace each <Placeholder> with your resource name, region and account id (or a pattern such as a name prefix); the policy is not valid until you do.' : ' Review that these are the resources the workload uses.'),
    edits)];
}

/** `iam:PassRole` on `*` limited to the role the file defines for it, else to the role ARN template; other actions of the statement keep `*` in a statement of their own. */
function passRoleFixes(t: Target): Fix[] {
  const passRole = t.data.actions.find((a) => a.toLowerCase() === PASS_ROLE.toLowerCase());
  if (!passRole || t.data.element !== 'Resource') return [];
  const choice = roleChoice(t.data.syntax, t.data.embedded, passableRoles(t.doc.text, t.data.syntax, t.data.defined ?? [], t.document.start));
  if (!choice) return [];
  let edits = [itemEdit(t, [choice.value])];
  const others = t.data.actions.filter((a) => a !== passRole);
  if (others.length) {
    const target = splitTargetOf(t);
    const splitEdits = target && splitStatement(target, others.map((text) => ({ text })), [{ text: passRole }], edits);
    if (!splitEdits) return [];
    edits = splitEdits;
  }
  if (!fits(t, edits)) return [];
  const splitNote = others.length ? ` The statement is split: ${others.join(', ')} ${others.length === 1 ? 'keeps' : 'keep'} "${t.data.values[0]}"; a copy right after it (Sid suffixed "${SPLIT_SID_SUFFIX}") holds ${PASS_ROLE}.` : '';
  return [fixOf(t, choice.placeholder ? `Limit ${PASS_ROLE} to a role ARN template (fill in the role name)` : `Limit ${PASS_ROLE} to ${choice.what}`,
    (choice.placeholder
      ? `"${t.data.values[0]}" is replaced by the IAM role ARN template: replace <Account> and <RoleNameWithPath> with the role(s) this identity hands to services (a name prefix such as role/app-* also works); the policy is not valid until you do.`
      : `"${t.data.values[0]}" is replaced by ${choice.what}, the one role this file defines besides the policy's own. Review that it is the role this identity hands to a service.`) +
    `${splitNote} Consider also a Condition on iam:PassedToService naming the service the role is for.`, edits)];
}

/** The Action element and statement bounds for a split, when the remedy has them. */
function splitTargetOf(t: Target): SplitTarget | undefined {
  const { actionKey, actionStart, actionEnd, statementStart, statementEnd } = t.remedySpans;
  if (!actionKey || !actionStart || !actionEnd || !statementStart || !statementEnd) return undefined;
  // A YAML mapping's span can run over the line break after it.
  const statement = { start: statementStart.start, end: statementStart.start + t.doc.text.slice(statementStart.start, statementEnd.end).trimEnd().length };
  const action = { start: actionStart.start, end: actionEnd.end };
  if (statement.start > action.start || action.end > statement.end || t.element.start < statement.start || t.element.end > statement.end) return undefined;
  const current = t.doc.text.slice(action.start, action.end);
  if (!t.data.actions.every((a) => current.includes(a))) return undefined;
  const sample = { start: action.start + (/^\s*[[-]\s*/.exec(current)?.[0].length ?? 0), end: action.end };
  return { text: t.doc.text, statement, actionKey, action, actionStyle: styleOf(t.doc.text, sample, t.data.syntax, t.data.embedded) };
}

/**
 * The fix for `actions`, or when the policy would exceed the size limit, the same with actions that
 * share a verb written as one wildcard (`s3:Get*`) where that wildcard grants only read and list actions.
 */
function sized(t: Target, actions: string[], make: (actions: string[], grouped: string) => Fix): Fix | undefined {
  const full = make(actions, '');
  if (fits(t, full.edits[0].edits)) return full;
  const grouped = groupByVerb(actions);
  const wildcards = grouped.filter((a) => a.endsWith('*')).join(', ');
  const fix = make(grouped, `, actions sharing a verb written as ${wildcards} to stay within the ${POLICY_SIZE_LIMIT}-character policy limit (each of these wildcards grants only read and list actions)`);
  return fits(t, fix.edits[0].edits) ? fix : undefined;
}

function groupByVerb(actions: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const id of actions) {
    const [service, name] = id.split(':');
    const verb = /^[A-Z][a-z]+/.exec(name)?.[0] ?? name;
    const key = `${service}:${verb}*`;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  const out: string[] = [];
  for (const [pattern, ids] of groups) {
    const expansion = expandAction(pattern);
    const readOnly = expansion.every((a) => a.level === 'List' || a.level === 'Read');
    if (ids.length > 1 && readOnly) out.push(pattern);
    else out.push(...ids);
  }
  return out.sort();
}

/** Says which resources the read-only list was limited to, when it was. */
function everydayNote(flagged: string): string {
  const services = [...new Set(expandAction(flagged).map((a) => a.service))];
  const types = services.flatMap((service) => everydayTypes(service));
  return types.length ? ` on ${types.join(', ')} (reads of the service's other resources left out)` : '';
}

function provenance(actions: string[], sites: readonly AwsCallSite[]): string {
  const shown = actions.slice(0, SHOWN_ACTIONS).map((action) => {
    const places = unique(sites.filter((s) => s.action === action).map((s) => `${s.path}:${s.line + 1}`));
    const more = places.length > SHOWN_PLACES ? ` and ${places.length - SHOWN_PLACES} more` : '';
    return `${action} (${places.slice(0, SHOWN_PLACES).join(', ')}${more})`;
  });
  return actions.length > SHOWN_ACTIONS ? `${shown.join(', ')} and ${actions.length - SHOWN_ACTIONS} more` : shown.join(', ');
}

/** Distinct action ids in their documented case, sorted. */
function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => findAction(v)?.id ?? v))].sort();
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
