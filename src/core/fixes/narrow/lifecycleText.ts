// Reading the current text at a remedy's spans (the lifecycle and cloud-role fixes share these).
import { LineIndex } from '../../text';
import type { Span } from '../../types';
import type { FixDocument } from '../draft';

/** Text at a remedy span, when the span is still inside the document. */
export function textAt(doc: FixDocument, span: Span | undefined): string | undefined {
  return span && span.start >= 0 && span.end <= doc.text.length && span.start <= span.end ? doc.text.slice(span.start, span.end) : undefined;
}

/** Offset where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  const lines = new LineIndex(text);
  return lines.lineStart(lines.lineOf(offset));
}

/** Offset where the content of the line holding `offset` ends (before `\r\n` or `\n`). */
export function lineEndAt(text: string, offset: number): number {
  const lines = new LineIndex(text);
  return lines.lineEnd(lines.lineOf(offset));
}
