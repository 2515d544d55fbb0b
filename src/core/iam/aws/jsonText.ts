// JSON written inside something else (a Terraform heredoc, a string in code, a YAML block scalar),
// parsed straight from the source text into data nodes whose spans are offsets in that source.
// Tolerant of comments and trailing commas; anything else that is not JSON gives undefined.
import type { DataEntry, DataNode } from '../../structured';

const MAX_DEPTH = 64;

export function dataFromJsonText(source: string, start: number, end: number): DataNode | undefined {
  const parser = new Parser(source, end);
  parser.pos = start;
  const value = parser.value(0);
  if (!value) return undefined;
  parser.blank();
  return parser.pos >= end ? value : undefined;
}

class Parser {
  pos = 0;

  constructor(private readonly text: string, private readonly end: number) {}

  blank(): void {
    const t = this.text;
    while (this.pos < this.end) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else if (c === 0x2f && t.charCodeAt(this.pos + 1) === 0x2f) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl === -1 || nl > this.end ? this.end : nl + 1;
      } else if (c === 0x2f && t.charCodeAt(this.pos + 1) === 0x2a) {
        const close = t.indexOf('*/', this.pos + 2);
        this.pos = close === -1 || close > this.end ? this.end : close + 2;
      } else break;
    }
  }

  value(depth: number): DataNode | undefined {
    if (depth > MAX_DEPTH) return undefined;
    this.blank();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === '$' && this.text[this.pos + 1] === '{') return this.interpolation();
    return this.bare();
  }

  /** A bare `${...}` (a Terraform heredoc splicing in `${jsonencode(var.arns)}`): an unresolved value. */
  private interpolation(): DataNode | undefined {
    const start = this.pos;
    let depth = 0;
    for (let i = start + 1; i < this.end; i++) {
      const c = this.text[i];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.pos = i + 1;
        return { kind: 'expression', span: { start, end: this.pos }, raw: this.text.slice(start, this.pos) };
      } else if (c === '\n') return undefined;
    }
    return undefined;
  }

  private object(depth: number): DataNode | undefined {
    const start = this.pos++;
    const entries: DataEntry[] = [];
    for (;;) {
      this.blank();
      if (this.text[this.pos] === '}') break;
      if (this.text[this.pos] !== '"') return undefined;
      const key = this.string();
      if (!key || key.kind !== 'scalar') return undefined;
      this.blank();
      if (this.text[this.pos++] !== ':') return undefined;
      const value = this.value(depth + 1);
      if (!value) return undefined;
      entries.push({ key: String(key.value), keySpan: key.span, value });
      this.blank();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}') return undefined;
    }
    this.pos++;
    return { kind: 'object', span: { start, end: this.pos }, entries };
  }

  private array(depth: number): DataNode | undefined {
    const start = this.pos++;
    const items: DataNode[] = [];
    for (;;) {
      this.blank();
      if (this.text[this.pos] === ']') break;
      const value = this.value(depth + 1);
      if (!value) return undefined;
      items.push(value);
      this.blank();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') return undefined;
    }
    this.pos++;
    return { kind: 'array', span: { start, end: this.pos }, items };
  }

  private string(): DataNode | undefined {
    const start = this.pos;
    let i = start + 1;
    let escaped = false;
    while (i < this.end) {
      const c = this.text.charCodeAt(i);
      if (c === 0x5c) {
        escaped = true;
        i += 2;
      } else if (c === 0x22) break;
      else if (c === 0x0a) return undefined;
      else i++;
    }
    if (i >= this.end) return undefined;
    this.pos = i + 1;
    const raw = this.text.slice(start + 1, i);
    let value = raw;
    if (escaped) {
      try {
        value = JSON.parse(`"${raw}"`) as string;
      } catch {
        value = raw;
      }
    }
    return { kind: 'scalar', span: { start, end: this.pos }, valueSpan: { start: start + 1, end: i }, value, quoted: true, interpolated: raw.includes('${') || undefined };
  }

  private bare(): DataNode | undefined {
    const start = this.pos;
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(start, Math.min(this.end, start + 40)));
    if (!m) return undefined;
    this.pos += m[0].length;
    const word = m[0];
    const value = word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
    return { kind: 'scalar', span: { start, end: this.pos }, valueSpan: { start, end: this.pos }, value, quoted: false };
  }
}
