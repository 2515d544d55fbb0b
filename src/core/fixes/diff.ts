// Line diffs between two versions of a file: as text edits (one per changed run of lines) and as a
// unified diff for `keyhole fix --dry-run`.
import type { TextEdit } from '../types';

type Op = { kind: 'same' | 'del' | 'add'; line: string };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/(?<=\n)/);
  return lines;
}

/** Myers' O(ND) diff over lines (each line keeps its line break). */
function diffLines(a: string[], b: string[]): Op[] {
  // Common prefix and suffix first: fixes change few lines of long files.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const middle = myers(A, B);
  return [
    ...a.slice(0, pre).map((line) => ({ kind: 'same' as const, line })),
    ...middle,
    ...a.slice(a.length - suf).map((line) => ({ kind: 'same' as const, line })),
  ];
}

function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? 0) < (v.get(k + 1) ?? 0)) ? v.get(k + 1) ?? 0 : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd.get(k - 1) ?? 0) < (vd.get(k + 1) ?? 0)) ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: 'same', line: a[--x] }), y--;
    if (d > 0) {
      if (x === prevX) ops.push({ kind: 'add', line: b[--y] });
      else ops.push({ kind: 'del', line: a[--x] });
    }
  }
  return ops.reverse();
}

/** Edits that turn `before` into `after`, one per changed run of lines. */
export function editsBetween(before: string, after: string): TextEdit[] {
  const ops = diffLines(splitLines(before), splitLines(after));
  const edits: TextEdit[] = [];
  let offset = 0;
  for (let i = 0; i < ops.length;) {
    if (ops[i].kind === 'same') {
      offset += ops[i].line.length;
      i++;
      continue;
    }
    const start = offset;
    let newText = '';
    while (i < ops.length && ops[i].kind !== 'same') {
      if (ops[i].kind === 'del') offset += ops[i].line.length;
      else newText += ops[i].line;
      i++;
    }
    edits.push({ span: { start, end: offset }, newText });
  }
  return edits;
}

/** A unified diff (`git diff` style, 3 lines of context); `before` undefined for a new file. */
export function unifiedDiff(path: string, before: string | undefined, after: string, context = 3): string {
  const ops = diffLines(splitLines(before ?? ''), splitLines(after));
  const out = [`--- ${before === undefined ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
  const changed = ops.map((o, i) => (o.kind !== 'same' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  let i = 0;
  while (i < changed.length) {
    const from = Math.max(0, changed[i] - context);
    let to = Math.min(ops.length, changed[i] + context + 1);
    let j = i;
    while (j + 1 < changed.length && changed[j + 1] - context <= to) {
      j++;
      to = Math.min(ops.length, changed[j] + context + 1);
    }
    let aLine = 1;
    let bLine = 1;
    for (let k = 0; k < from; k++) {
      if (ops[k].kind !== 'add') aLine++;
      if (ops[k].kind !== 'del') bLine++;
    }
    const hunk = ops.slice(from, to);
    const aCount = hunk.filter((o) => o.kind !== 'add').length;
    const bCount = hunk.filter((o) => o.kind !== 'del').length;
    out.push(`@@ -${aCount ? aLine : aLine - 1},${aCount} +${bCount ? bLine : bLine - 1},${bCount} @@`);
    for (const o of hunk) {
      const mark = o.kind === 'same' ? ' ' : o.kind === 'del' ? '-' : '+';
      const line = o.line.replace(/\r?\n$/, '');
      out.push(`${mark}${line}`);
      if (!o.line.endsWith('\n')) out.push('\\ No newline at end of file');
    }
    i = j + 1;
  }
  return `${out.join('\n')}\n`;
}
