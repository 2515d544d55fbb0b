// A policy written as JSON text inside another format: a Terraform heredoc, a YAML block scalar,
// a string literal in code. Parsed from the source itself, so spans stay exact.
import type { DataNode } from '../../structured';
import { dataFromJsonText } from './jsonText';
import { documentFromData, type PolicyDocument } from './policy';

/** The policy document a string scalar holds as JSON, if any. */
export function documentsInText(text: string, scalar: DataNode, trust: boolean): PolicyDocument[] {
  if (scalar.kind !== 'scalar' || typeof scalar.value !== 'string') return [];
  let { start, end } = scalar.valueSpan;
  const heredoc = text.startsWith('<<', scalar.span.start);
  if (heredoc) {
    // A heredoc: the lines between `<<EOF` and the closing marker (interpolations included).
    start = text.indexOf('\n', scalar.span.start) + 1;
    end = text.lastIndexOf('\n', scalar.span.end - 1);
    if (start <= 0 || end < start) return [];
  }
  const open = text.indexOf('{', start);
  if (open === -1 || open >= end || text.slice(start, open).trim() !== '') return [];
  const statement = text.indexOf('"Statement"', open);
  if (statement === -1 || statement >= end) return [];
  const data = dataFromJsonText(text, open, end);
  const document = data && documentFromData(data, trust);
  // A YAML block scalar spans lines like a heredoc; a quoted string does not.
  const multiLine = heredoc || /^[|>]/.test(text.slice(scalar.span.start, scalar.span.start + 1));
  return document ? [{ ...document, embedded: multiLine ? 'heredoc' : 'string' }] : [];
}
