// A small, tolerant JSON scanner that keeps source positions, so that decoded strings can be
// mapped back to the file. Iterative: nesting depth cannot overflow the stack.
import { MappedText } from './mappedText';

/** A string literal; `start` is its opening quote, `end` just after its closing quote. */
export interface JsonString { kind: 'string'; start: number; end: number }
/** A number, `true`, `false`, `null` or any other bare word. */
export interface JsonScalar { kind: 'scalar'; start: number; end: number }
export interface JsonArray { kind: 'array'; start: number; end: number; items: JsonValue[] }
/** Members by decoded key; a repeated key keeps its last value, as JSON.parse does. */
export interface JsonObject { kind: 'object'; start: number; end: number; members: Map<string, JsonValue> }
export type JsonValue = JsonString | JsonScalar | JsonArray | JsonObject;

// What the innermost open container accepts next.
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY_OR_CLOSE = 2;
const COLON = 3;
const COMMA_OR_CLOSE = 4;

interface Frame {
  /** Undefined when nested too deep to be kept. */
  node: JsonArray | JsonObject | undefined;
  isObject: boolean;
  keepsChildren: boolean;
  expect: number;
  key: string;
}

/**
 * Parses JSON, allowing `//` and `/* *\/` comments and trailing commas (JSONC). Containers at a
 * depth of `keepDepth` or more are checked but their contents are not kept. Returns undefined
 * when the text is not JSON; never throws.
 */
export function scanJson(text: string, keepDepth = Infinity): JsonValue | undefined {
  const frames: Frame[] = [];
  let root: JsonValue | undefined;
  let i = 0;
  for (;;) {
    i = skipBlank(text, i);
    if (i >= text.length) break;
    const c = text.charCodeAt(i);
    const frame = frames.length > 0 ? frames[frames.length - 1] : undefined;
    if (!frame && root) return undefined; // text after the value
    const expect = frame ? frame.expect : VALUE;

    if (c === 0x7d || c === 0x5d) { // } ]
      if (!frame || frame.isObject !== (c === 0x7d) || expect === VALUE || expect === COLON) return undefined;
      if (frame.node) frame.node.end = i + 1;
      frames.pop();
      i++;
      continue;
    }
    if (c === 0x2c) { // ,
      if (!frame || expect !== COMMA_OR_CLOSE) return undefined;
      frame.expect = frame.isObject ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
      i++;
      continue;
    }
    if (c === 0x3a) { // :
      if (!frame || expect !== COLON) return undefined;
      frame.expect = VALUE;
      i++;
      continue;
    }
    if (frame && expect === KEY_OR_CLOSE) {
      if (c !== 0x22) return undefined;
      const end = stringEnd(text, i);
      if (end === -1) return undefined;
      if (frame.keepsChildren) frame.key = jsonStringValue(text, { kind: 'string', start: i, end });
      frame.expect = COLON;
      i = end;
      continue;
    }
    if (expect !== VALUE && expect !== VALUE_OR_CLOSE) return undefined;

    const keep = !frame || frame.keepsChildren;
    if (c === 0x7b || c === 0x5b) { // { [
      const isObject = c === 0x7b;
      const node: JsonArray | JsonObject | undefined = !keep ? undefined
        : isObject ? { kind: 'object', start: i, end: i, members: new Map() }
        : { kind: 'array', start: i, end: i, items: [] };
      if (frame) place(frame, node);
      else root = node;
      frames.push({ node, isObject, keepsChildren: node !== undefined && frames.length < keepDepth, expect: isObject ? KEY_OR_CLOSE : VALUE_OR_CLOSE, key: '' });
      i++;
      continue;
    }
    let value: JsonValue;
    if (c === 0x22) {
      const end = stringEnd(text, i);
      if (end === -1) return undefined;
      value = { kind: 'string', start: i, end };
    } else {
      const end = scalarEnd(text, i);
      if (end === i) return undefined;
      value = { kind: 'scalar', start: i, end };
    }
    i = value.end;
    if (frame) place(frame, keep ? value : undefined);
    else root = value;
  }
  return frames.length === 0 ? root : undefined;
}

function place(frame: Frame, value: JsonValue | undefined): void {
  if (frame.node && value) {
    if (frame.node.kind === 'object') frame.node.members.set(frame.key, value);
    else frame.node.items.push(value);
  }
  frame.expect = COMMA_OR_CLOSE;
}

/** The decoded value of a string literal. */
export function jsonStringValue(text: string, literal: JsonString): string {
  const quoteless = text.slice(literal.start + 1, literal.end - 1);
  if (!quoteless.includes('\\')) return quoteless;
  const out = new MappedText(literal.start + 1);
  decodeJsonString(text, literal, out);
  return out.text;
}

/**
 * Appends the decoded value of a string literal to `out`. Every escape becomes one code unit
 * mapped to the start of its escape sequence; `\uD83D\uDE00` gives two, as in JavaScript.
 * An invalid escape is kept as written.
 */
export function decodeJsonString(text: string, literal: JsonString, out: MappedText): void {
  const stop = literal.end - 1;
  let i = literal.start + 1;
  while (i < stop) {
    const backslash = text.indexOf('\\', i);
    if (backslash === -1 || backslash >= stop) {
      out.copy(text, i, stop);
      return;
    }
    out.copy(text, i, backslash);
    const code = escapedCodeUnit(text, backslash, stop);
    if (code === -1) {
      out.copy(text, backslash, backslash + 1);
      i = backslash + 1;
    } else {
      const length = text.charCodeAt(backslash + 1) === 0x75 ? 6 : 2;
      out.decoded(code, backslash, backslash + length);
      i = backslash + length;
    }
  }
}

function escapedCodeUnit(text: string, backslash: number, stop: number): number {
  const letter = text.charCodeAt(backslash + 1);
  switch (letter) {
    case 0x22: case 0x5c: case 0x2f: return letter; // " \ /
    case 0x6e: return 10; // n
    case 0x74: return 9; // t
    case 0x72: return 13; // r
    case 0x62: return 8; // b
    case 0x66: return 12; // f
    case 0x75: break; // u
    default: return -1;
  }
  if (backslash + 6 > stop) return -1;
  let code = 0;
  for (let k = backslash + 2; k < backslash + 6; k++) {
    const digit = hexDigit(text.charCodeAt(k));
    if (digit === -1) return -1;
    code = code * 16 + digit;
  }
  return code;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Offset just after the closing quote of the string opened at `quote`, or -1 when it never closes. */
function stringEnd(text: string, quote: number): number {
  for (let from = quote + 1; ;) {
    const close = text.indexOf('"', from);
    if (close === -1) return -1;
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    from = close + 1;
  }
}

/** Skips whitespace and comments; an unterminated block comment runs to the end. */
function skipBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) {
      i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const newline = text.indexOf('\n', i + 2);
      i = newline === -1 ? text.length : newline + 1;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else {
      break;
    }
  }
  return i;
}

/** End of a bare word: a number, true, false, null, or anything up to the next delimiter. */
function scalarEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x22 || c === 0x2c || c === 0x3a || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f) break;
    i++;
  }
  return i;
}
