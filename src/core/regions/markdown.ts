// Markdown: the whole document as text, plus every fenced code block in its own language.
import { languageFromFenceInfo } from '../lang/languages';
import { mappedRegion, scannable, wholeRegion, type ExactRegion } from './build';
import { MappedText } from './mappedText';

/** What may stand before an opening fence on its line: indentation, block quote markers, one list item marker. */
const OPENING_PREFIX = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?$/;
const CLOSING_PREFIX = /^[ \t>]*$/;
const BLANK = /^[ \t\r]*$/;

interface Fence {
  info: string;
  /** Characters before the fence on its opening line: each content line loses up to this many container characters. */
  indent: number;
  quoted: boolean;
  bodyStart: number;
  /** Start of the closing fence's line, or the end of the text for an unterminated fence. */
  bodyEnd: number;
}

export function markdownRegions(text: string): ExactRegion[] {
  // Prose stays 'markdown' so that only provider formats read it; fences without a known language become 'text'.
  const regions = [wholeRegion('markdown', text)];
  for (const fence of findFences(text)) {
    const body = fenceBody(text, fence);
    if (body.text.length > 0) regions.push(mappedRegion(scannable(languageFromFenceInfo(fence.info) ?? 'text'), body));
  }
  return regions;
}

function findFences(text: string): Fence[] {
  const fences: Fence[] = [];
  const runs = new FenceRunFinder(text);
  let from = 0;
  for (let at = runs.next(from); at !== -1; at = runs.next(from)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = endOfLine(text, at);
    const prefix = text.slice(lineStart, at);
    const marker = text[at];
    const length = runLength(text, at, marker);
    const info = text.slice(at + length, lineEnd);
    if (!OPENING_PREFIX.test(prefix) || (marker === '`' && info.includes('`'))) {
      from = lineEnd + 1;
      continue;
    }
    const bodyStart = Math.min(lineEnd + 1, text.length);
    const close = findClosing(text, bodyStart, marker, length);
    fences.push({ info, indent: prefix.length, quoted: prefix.includes('>'), bodyStart, bodyEnd: close === -1 ? text.length : close });
    from = close === -1 ? text.length : endOfLine(text, close) + 1;
  }
  return fences;
}

/** Start of the line holding the fence that closes one opened with `length` × `marker`, or -1. */
function findClosing(text: string, from: number, marker: string, length: number): number {
  const run = marker.repeat(3);
  for (let at = text.indexOf(run, from); at !== -1; at = text.indexOf(run, from)) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = endOfLine(text, at);
    const count = runLength(text, at, marker);
    if (count >= length && CLOSING_PREFIX.test(text.slice(lineStart, at)) && BLANK.test(text.slice(at + count, lineEnd))) return lineStart;
    from = lineEnd + 1;
  }
  return -1;
}

/** The fence's content lines, each without the indentation (and quote markers) its container adds. */
function fenceBody(text: string, fence: Fence): MappedText {
  const body = new MappedText(fence.bodyStart);
  let lineStart = fence.bodyStart;
  while (lineStart < fence.bodyEnd) {
    const next = Math.min(endOfLine(text, lineStart) + 1, fence.bodyEnd);
    let contentStart = lineStart;
    while (contentStart - lineStart < fence.indent && isContainerChar(text.charCodeAt(contentStart), fence.quoted)) contentStart++;
    body.copy(text, contentStart, next);
    lineStart = next;
  }
  return body;
}

function isContainerChar(code: number, quoted: boolean): boolean {
  return code === 32 || code === 9 || (quoted && code === 62);
}

function endOfLine(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

function runLength(text: string, at: number, marker: string): number {
  let end = at;
  while (text[end] === marker) end++;
  return end - at;
}

/** Finds the next ``` or ~~~ without rescanning the text for a marker that no longer occurs. */
class FenceRunFinder {
  private backtick = -2;
  private tilde = -2;

  constructor(private readonly text: string) {}

  next(from: number): number {
    if (this.backtick !== -1 && this.backtick < from) this.backtick = this.text.indexOf('```', from);
    if (this.tilde !== -1 && this.tilde < from) this.tilde = this.text.indexOf('~~~', from);
    if (this.backtick === -1) return this.tilde;
    if (this.tilde === -1) return this.backtick;
    return Math.min(this.backtick, this.tilde);
  }
}
