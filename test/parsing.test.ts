import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Parser, type Range } from 'web-tree-sitter';
import { LineIndex } from '../src/core/text';
import { nodeWasmSource } from '../src/node/wasmSource';
import { ParserHost } from '../src/parsing/parserHost';

/** Windows of a few lines every `every` lines, as the engine makes them around anchors. */
function lineWindows(text: string, every: number, size: number): Range[] {
  const lines = new LineIndex(text);
  const out: Range[] = [];
  for (let line = 3; line + size < lines.lineCount; line += every) {
    const start = lines.lineStart(line);
    const end = lines.lineStart(line + size);
    const at = (offset: number) => ({ row: lines.position(offset).line, column: lines.position(offset).character });
    out.push({ startIndex: start, endIndex: end, startPosition: at(start), endPosition: at(end) });
  }
  return out;
}

test('a parse of windows, read window by window, gives the tree a parse of the whole string in those windows gives', async () => {
  const host = new ParserHost(nodeWasmSource());
  const language = await host.language('javascript');
  assert.ok(language);
  const direct = new Parser();
  direct.setLanguage(language);
  const bundle = readFileSync(join(__dirname, '..', 'node_modules', 'web-tree-sitter', 'web-tree-sitter.cjs'), 'utf8');
  // Characters outside the basic plane (two UTF-16 units each) on both sides of the windows' ends and of the 4 KB reads.
  const wide = Array.from({ length: 400 }, (_, i) => `const s${i} = "${'😀é'.repeat(i % 9)}${'x'.repeat(i * 13 % 4096)}"; // 🚀 ${i}`).join('\n');
  for (const [text, every, size] of [[bundle, 40, 6], [bundle, 7, 3], [wide, 5, 2], [wide, 60, 30]] as const) {
    const windows = lineWindows(text, every, size);
    assert.ok(windows.length > 5);
    const viaHost = host.parseLoaded('javascript', text, null, 5000, windows).tree!;
    const whole = direct.parse(text, null, { includedRanges: windows })!;
    assert.equal(viaHost.rootNode.toString(), whole.rootNode.toString());
    assert.equal(viaHost.rootNode.endIndex, whole.rootNode.endIndex);
    viaHost.delete();
    whole.delete();
  }
});
