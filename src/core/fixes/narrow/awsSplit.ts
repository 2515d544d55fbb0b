// Splitting a statement whose actions are partly limited to resources and partly take only `*`
// (`s3:GetObject` next to `s3:ListAllMyBuckets`): the statement keeps the `*`-only actions and a
// copy of it, written right after it in the same syntax, takes the others with narrowed resources.
// The copy keeps everything else (Effect, Condition, Principal), its Sid gets a suffix.
import type { Span, TextEdit } from '../../types';
import { eolOf, insert } from '../draft';
import { applyTextEdits } from '../suppress';
import { replaceElement, written, type ListStyle, type ListValue } from './awsLists';

/** Where the statement sits and its Action element, checked against the current text. */
export interface SplitTarget {
  text: string;
  statement: Span;
  actionKey: Span;
  action: Span;
  actionStyle: ListStyle;
}

const SID = /(^|[\s{,(])(["']?)(sid)\2(\s*[:=]\s*)(["']?)([A-Za-z0-9]*)\5/i;
export const SPLIT_SID_SUFFIX = 'Scoped';

/**
 * The edits that split the statement: its Action becomes `kept`, and a copy with Action `moved` and
 * the copy's own `inCopy` edits (the Resource narrowed) is inserted after it; undefined when the
 * statement does not sit in a list of statements (a CDK `addToPolicy(new PolicyStatement(...))`).
 */
export function splitStatement(t: SplitTarget, kept: ListValue[], moved: ListValue[], inCopy: TextEdit[]): TextEdit[] | undefined {
  const separator = separatorAfter(t.text, t.statement, t.actionStyle);
  if (separator === undefined) return undefined;
  const keptEdit = actionListEdit(t, kept);
  const copyEdits = [actionListEdit(t, moved), ...inCopy];
  if (copyEdits.some((e) => e.span.start < t.statement.start || e.span.end > t.statement.end)) return undefined;
  const shifted = copyEdits.map((e) => ({ span: { start: e.span.start - t.statement.start, end: e.span.end - t.statement.start }, newText: e.newText }));
  const copy = applyTextEdits(t.text.slice(t.statement.start, t.statement.end), shifted).replace(SID, (_, lead: string, q: string, key: string, eq: string, vq: string, sid: string) =>
    `${lead}${q}${key}${q}${eq}${vq}${sid}${sid ? SPLIT_SID_SUFFIX : ''}${vq}`);
  return [keptEdit, insert(t.statement.end, separator + copy)];
}

/** An Action list rewritten with `values`, keeping a bracketed list a list (CDK and Terraform need one) and its one-item-per-line layout. */
function actionListEdit(t: SplitTarget, values: ListValue[]): TextEdit {
  const { text, action, actionStyle: style } = t;
  const current = text.slice(action.start, action.end);
  if (!current.startsWith('[')) return replaceElement(text, t.actionKey, action, values, style);
  const parts = values.map((v) => written(v, style));
  const firstItem = /^\[([ \t]*\r?\n)([ \t]*)/.exec(current);
  if (!firstItem || !style.multiLine) return { span: action, newText: `[${parts.join(', ')}]` };
  const eol = eolOf(text);
  const closing = /\r?\n([ \t]*)\]$/.exec(current)?.[1] ?? '';
  const trailing = /,\s*\]$/.test(current) ? ',' : '';
  return { span: action, newText: `[${eol}${parts.map((p) => firstItem[2] + p).join(`,${eol}`)}${trailing}${eol}${closing}]` };
}

/**
 * What goes between the statement and its copy: a new `- ` item in a YAML block list, a new line
 * for a Terraform `statement` block, `,` and a new line (or `, ` on one line) inside a list.
 */
function separatorAfter(text: string, statement: Span, style: ListStyle): string | undefined {
  const lineStart = text.lastIndexOf('\n', statement.start - 1) + 1;
  const before = text.slice(lineStart, statement.start);
  const eol = eolOf(text);
  const ownLine = style.multiLine && /^[ \t]*$/.test(before);
  if (style.syntax === 'yaml' && style.multiLine && /^[ \t]*-[ \t]+$/.test(before)) return eol + before;
  if (style.syntax === 'hcl' && /^statement\s*\{/.test(text.slice(statement.start, statement.end))) return ownLine ? eol + before : undefined;
  const previous = /\S(?=\s*$)/.exec(text.slice(Math.max(0, statement.start - 200), statement.start))?.[0];
  const next = /^\s*(\S)/.exec(text.slice(statement.end, statement.end + 200))?.[1];
  if ((previous !== '[' && previous !== ',') || (next !== ',' && next !== ']')) return undefined;
  return ownLine ? `,${eol}${before}` : ', ';
}
