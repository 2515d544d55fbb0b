import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedSpan } from '../src/core/liveDocuments';
import { nodeWasmSource } from '../src/node/wasmSource';
import { IncrementalTrees } from '../src/parsing/incrementalTrees';
import { ParserHost } from '../src/parsing/parserHost';
import { DEFAULT_CONFIG } from '../src/core/config';
import { Engine } from '../src/core/engine';
import { builtinDetectors } from '../src/core/registry';
import { githubToken } from './tokens';

test('changedSpan finds the one edited span', () => {
  assert.equal(changedSpan('abc', 'abc'), null);
  assert.deepEqual(changedSpan('hello world', 'hello brave world'), { start: 6, oldEnd: 6, newEnd: 12 });
  assert.deepEqual(changedSpan('aaaa', 'aa'), { start: 2, oldEnd: 4, newEnd: 2 });
  assert.deepEqual(changedSpan('abXcd', 'abYcd'), { start: 2, oldEnd: 3, newEnd: 3 });
});

const tokens = Array.from({ length: 6 }, (_, i) => githubToken(`Q${i}x8vQm2LpR7tNw4ZbYc9HdJf3GsAb`));

/** A long Python module with tokens far apart, edited in many places: the open-document path must always agree with a fresh scan. */
test('an open document edited many times reports exactly what a fresh scan reports', async () => {
  const host = new ParserHost(nodeWasmSource());
  const trees = new IncrementalTrees(host);
  const live = new Engine(builtinDetectors(DEFAULT_CONFIG), trees, DEFAULT_CONFIG);
  const fresh = new Engine(builtinDetectors(DEFAULT_CONFIG), host, DEFAULT_CONFIG);
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) lines.push(i % 500 === 250 ? `TOKEN_${i} = "${tokens[(i / 500) | 0]}"` : `value_${i} = compute(${i})  # step ${i}`);
  let text = lines.join('\n') + '\n';
  const key = 'file:///live.py';
  await live.scan({ path: 'live.py', text, documentKey: key });
  let seed = 3;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const summary = (r: { findings: { ruleId: string; span: { start: number; end: number } }[] }) => r.findings.map((f) => `${f.ruleId}@${f.span.start}-${f.span.end}`);
  for (let step = 0; step < 40; step++) {
    const at = Math.floor(random() * text.length);
    const edit = step % 5 === 0
      ? { remove: 0, insert: `\nNEW_${step} = "${tokens[step % tokens.length]}"\n` }
      : step % 7 === 0 ? { remove: Math.min(200, text.length - at), insert: '' } : { remove: random() < 0.5 ? 1 : 0, insert: random() < 0.5 ? 'x' : '"' };
    const before = text.slice(0, at);
    const row = before.split('\n').length - 1;
    const column = at - (before.lastIndexOf('\n') + 1);
    const removed = text.slice(at, at + edit.remove);
    const removedLines = removed.split('\n');
    text = before + edit.insert + text.slice(at + edit.remove);
    trees.applyChanges(key, [{
      startIndex: at, oldEndIndex: at + edit.remove, newText: edit.insert,
      startPosition: { row, column },
      oldEndPosition: removedLines.length === 1 ? { row, column: column + removed.length } : { row: row + removedLines.length - 1, column: removedLines[removedLines.length - 1].length },
    }]);
    const a = await live.scan({ path: 'live.py', text, documentKey: key });
    const b = await fresh.scan({ path: 'live.py', text });
    assert.deepEqual(summary(a), summary(b), `after edit ${step} at ${at}`);
  }
});
