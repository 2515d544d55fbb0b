import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../src/core/engine';
import type { Detector } from '../src/core/detector';
import { splitRegions, type Region } from '../src/core/regions';
import { scanJson } from '../src/core/regions/jsonScanner';

/**
 * Checks every character of a region against the document: its source, from where it maps to
 * where a span ending after it maps, is the character itself or a JSON escape decoding to it.
 * The region's end maps to the end of its last character's source.
 */
function assertExactMapping(doc: string, region: Region): void {
  const end = region.toDocumentEnd!;
  for (let o = 0; o < region.text.length; o++) {
    const at = region.toDocument(o);
    const source = doc.slice(at, end(o + 1));
    assert.ok(decodesTo(source, region.text[o]), `offset ${o} (${JSON.stringify(region.text[o])}) maps to ${JSON.stringify(source)}`);
  }
  assert.equal(region.toDocument(region.text.length), end(region.text.length));
}

/** True when `source` is `char` as written, or a JSON escape sequence (`\n`, `\u00e9`) that decodes to it. */
function decodesTo(source: string, char: string): boolean {
  if (source === char) return true;
  if (!/^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})$/.test(source)) return false;
  return JSON.parse(`"${source}"`) === char;
}

function summary(regions: Region[]): [string, string][] {
  return regions.map((r) => [r.language, r.text]);
}

function notebook(cells: unknown[], metadata: unknown = {}): string {
  return JSON.stringify({ cells, metadata, nbformat: 4, nbformat_minor: 5 }, null, 1);
}

test('other languages pass through as one region, unchanged', () => {
  const text = 'const a = 1;\n';
  const [region, ...rest] = splitRegions(text, 'typescript');
  assert.equal(rest.length, 0);
  assert.equal(region.language, 'typescript');
  assert.equal(region.text, text);
  assert.equal(region.toDocument(5), 5);
});

test('markdown: the whole document as text, then each fence in its language', () => {
  const doc = [
    '# Setup', '', '```python', 'password = "a"', '```', '',
    '```js title="x.js"', 'const k = 1;', '```', '',
    '~~~bash', 'export A=1', '~~~', '',
    '```mermaid', 'graph TD', '```', '',
    '```', 'no info', '```', '',
  ].join('\n');
  const regions = splitRegions(doc, 'markdown');
  assert.deepEqual(summary(regions), [
    ['markdown', doc],
    ['python', 'password = "a"\n'],
    ['javascript', 'const k = 1;\n'],
    ['bash', 'export A=1\n'],
    ['text', 'graph TD\n'],
    ['text', 'no info\n'],
  ]);
  for (const r of regions) assertExactMapping(doc, r);
});

test('markdown: a fence closes only with its own marker, at least as long, alone on its line', () => {
  const doc = [
    '````md', '```python', 'inner', '```', '`````', 'after',
    '~~~yaml', '```', 'a: 1', '~~~~ ', 'prose with ```inline``` code',
  ].join('\n');
  assert.deepEqual(summary(splitRegions(doc, 'markdown')).slice(1), [
    ['text', '```python\ninner\n```\n'],
    ['yaml', '```\na: 1\n'],
  ]);
});

test('markdown: an unterminated fence runs to the end of the document', () => {
  const doc = 'Intro\n```ruby\ntoken = "x"\nputs token';
  const regions = splitRegions(doc, 'markdown');
  assert.deepEqual(summary(regions).slice(1), [['ruby', 'token = "x"\nputs token']]);
  assertExactMapping(doc, regions[1]);
  assert.equal(regions[1].toDocument(regions[1].text.length), doc.length);
});

test('markdown: fences in list items and block quotes lose their container indentation', () => {
  const doc = [
    '1. Install:', '   ```bash', '   pip install x', '     --user', '', '   ```',
    '- ```python', '  if a:', '      b = 1', '  ```',
    '> ```js', '> let a = 1;', '>', '> ```',
    '  ```python', '>>> doctest()', '  ```',
  ].join('\r\n');
  const regions = splitRegions(doc, 'markdown');
  assert.deepEqual(summary(regions).slice(1), [
    ['bash', 'pip install x\r\n  --user\r\n\r\n'],
    ['python', 'if a:\r\n    b = 1\r\n'],
    ['javascript', 'let a = 1;\r\n\r\n'],
    ['python', '>>> doctest()\r\n'],
  ]);
  for (const r of regions) assertExactMapping(doc, r);
  // A span ending after a line break ends there, not after the next line's stripped indentation.
  const bash = regions[1];
  const lineBreak = bash.text.indexOf('\n') + 1;
  assert.equal(bash.toDocumentEnd!(lineBreak), doc.indexOf('pip install x\r\n') + 'pip install x\r\n'.length);
  assert.equal(bash.toDocument(lineBreak), doc.indexOf('  --user'));
});

test('markdown without fences costs one region', () => {
  assert.equal(splitRegions('# Title\n\nJust prose with `code`.\n', 'markdown').length, 1);
});

test('notebook: code cell sources as arrays or strings, in the kernel language', () => {
  const doc = notebook([
    { cell_type: 'code', source: ['import os\n', 'token = "abc"\n', 'print(token)'], outputs: [], metadata: {} },
    { cell_type: 'code', source: 'x = 1', outputs: [], metadata: { tags: ['secret = "not scanned"'] } },
    { cell_type: 'raw', source: ['raw text'], metadata: {} },
    { cell_type: 'code', source: [], outputs: [] },
  ], { kernelspec: { language: 'python', name: 'python3' } });
  const regions = splitRegions(doc, 'notebook');
  assert.deepEqual(summary(regions), [
    ['python', 'import os\ntoken = "abc"\nprint(token)'],
    ['python', 'x = 1'],
    ['text', 'raw text'],
  ]);
  for (const r of regions) assertExactMapping(doc, r);
});

test('notebook: the kernel language comes from kernelspec, else language_info, else Python', () => {
  const cell = { cell_type: 'code', source: 'let a = 1', outputs: [] };
  const languageOf = (metadata: unknown) => splitRegions(notebook([cell], metadata), 'notebook')[0].language;
  assert.equal(languageOf({ kernelspec: { language: 'typescript' } }), 'typescript');
  assert.equal(languageOf({ language_info: { name: 'C#' } }), 'csharp');
  assert.equal(languageOf({ kernelspec: { language: 'R' } }), 'text');
  assert.equal(languageOf({}), 'python');
});

test('notebook: a cell magic names the language of the rest of the cell', () => {
  const doc = notebook([
    { cell_type: 'code', source: ['%%bash\n', 'export TOKEN=abc\n'], outputs: [] },
    { cell_type: 'code', source: ['%%writefile config.yaml\n', 'key: value\n'], outputs: [] },
    { cell_type: 'code', source: ['%%time\n', 'run()\n'], outputs: [] },
    { cell_type: 'code', source: ['%%sql\n', 'select 1\n'], outputs: [] },
  ]);
  const regions = splitRegions(doc, 'notebook');
  assert.deepEqual(summary(regions), [
    ['bash', 'export TOKEN=abc\n'],
    ['yaml', 'key: value\n'],
    ['python', 'run()\n'],
    ['text', 'select 1\n'],
  ]);
  for (const r of regions) assertExactMapping(doc, r);
});

test('notebook: escapes and unicode decode, and every character maps to its source', () => {
  const doc = [
    '{"cells": [{"cell_type": "code", "outputs": [], "source": [',
    '  "s = \\"tab\\there\\\\n\\/ \\u00e9\\u00E9 \\ud83d\\ude00 😀\\"\\n",',
    '  "bad = \\"\\x\\u12\\"\\r\\n",',
    '  "t = \\b\\f\\u0041"',
    ']}], "metadata": {}}',
  ].join('\n');
  const [region, ...rest] = splitRegions(doc, 'notebook');
  assert.equal(rest.length, 0);
  assert.equal(region.text, 's = "tab\there\\n/ éé 😀 😀"\nbad = "\\x\\u12"\r\nt = \b\fA');
  assertExactMapping(doc, region);
  // An escaped character maps to the start of its escape; the span that ends with it ends after it.
  const e = region.text.indexOf('é');
  assert.equal(doc.slice(region.toDocument(e), region.toDocumentEnd!(e + 1)), '\\u00e9');
  // A span ending with a source line's newline ends inside that string, not in the next one.
  const firstLine = region.text.indexOf('\n') + 1;
  assert.equal(doc.slice(region.toDocumentEnd!(firstLine) - 2, region.toDocumentEnd!(firstLine) + 1), '\\n"');
  assert.equal(doc[region.toDocument(firstLine)], 'b');
});

test('notebook: text outputs are scanned, images and metadata are not', () => {
  const doc = notebook([{
    cell_type: 'code', source: 'show()', metadata: {},
    outputs: [
      { output_type: 'stream', name: 'stdout', text: ['line 1\n', 'line 2\n'] },
      {
        output_type: 'execute_result', execution_count: 1, metadata: {},
        data: { 'text/plain': ['<Response 200>'], 'text/html': '<b>ok</b>', 'image/png': 'iVBORw0KGgoAAAANSUhEUg==', 'application/json': { key: 'v' } },
      },
      { output_type: 'error', ename: 'KeyError', evalue: 'missing key', traceback: ['\u001b[0;31mKeyError\u001b[0m', 'Traceback line'] },
    ],
  }], { widgets: { state: 'not scanned' } });
  const regions = splitRegions(doc, 'notebook');
  assert.deepEqual(summary(regions), [
    ['python', 'show()'],
    ['text', 'line 1\nline 2\n'],
    ['text', '<Response 200>'],
    ['text', '<b>ok</b>'],
    ['text', doc.slice(doc.indexOf('{', doc.indexOf('"application/json"')), doc.indexOf('}', doc.indexOf('"application/json"')) + 1)],
    ['text', 'missing key'],
    ['text', '\u001b[0;31mKeyError\u001b[0m'],
    ['text', 'Traceback line'],
  ]);
  for (const r of regions) assertExactMapping(doc, r);
});

test('notebook: a markdown cell is Markdown, and its fences are scanned in their language', () => {
  const doc = notebook([{ cell_type: 'markdown', metadata: {}, source: ['# Connect\n', '\n', '```python\n', 'password = "p@ss"\n', '```\n', 'done'] }]);
  const regions = splitRegions(doc, 'notebook');
  assert.deepEqual(summary(regions), [
    ['markdown', '# Connect\n\n```python\npassword = "p@ss"\n```\ndone'],
    ['python', 'password = "p@ss"\n'],
  ]);
  for (const r of regions) assertExactMapping(doc, r);
  // The fence's last newline is an escape at the end of its array element.
  const fence = regions[1];
  const fenceEnd = fence.toDocumentEnd!(fence.text.length);
  assert.equal(doc.slice(fenceEnd - 2, fenceEnd + 1), '\\n"');
});

test('notebook: nbformat 3 worksheets with `input` and per-cell language', () => {
  const doc = JSON.stringify({
    metadata: { language: 'python' }, nbformat: 3,
    worksheets: [{ cells: [{ cell_type: 'code', language: 'python', input: ['a = 1\n'], outputs: [{ output_type: 'pyout', text: ['1'] }] }] }],
  });
  assert.deepEqual(summary(splitRegions(doc, 'notebook')), [['python', 'a = 1\n'], ['text', '1']]);
});

test('notebook: comments and trailing commas are tolerated (JSONC)', () => {
  const doc = '{\n "cells": [\n  {"cell_type": "code", "source": ["a = 1\\n",\n// ^ marker\n  ], },\n /* c */ ],\n}\n';
  assert.deepEqual(summary(splitRegions(doc, 'notebook')), [['python', 'a = 1\n']]);
});

test('notebook: broken or foreign JSON is scanned whole as text, never throws', () => {
  const broken = [
    '{"cells": [{"source": "unterminated',
    '{"cells": [}',
    '{"cells": []} trailing',
    '{"cells" [] }',
    '{"cells": [1 2]}',
    '',
    '[1, 2, 3]',
    '{"cells": "not a list"}',
    '{"a": /',
    '"\\',
  ];
  for (const doc of broken) {
    const regions = splitRegions(doc, 'notebook');
    assert.deepEqual(summary(regions), [['text', doc]], JSON.stringify(doc));
    assert.equal(regions[0].toDocument(3), 3);
  }
});

test('notebook: a cut-off or corrupted notebook never throws', () => {
  const doc = readFileSync(join(import.meta.dirname, 'fixtures', 'regions', 'report.ipynb'), 'utf8');
  for (let end = 0; end < doc.length; end += 7) {
    for (const cut of [doc.slice(0, end), doc.slice(0, end) + '\\' + doc.slice(end + 1)]) {
      for (const r of splitRegions(cut, 'notebook')) assertExactMapping(cut, r);
    }
  }
});

test('notebook fixture: cells, fences and outputs map back to the file', () => {
  const doc = readFileSync(join(import.meta.dirname, 'fixtures', 'regions', 'report.ipynb'), 'utf8');
  const regions = splitRegions(doc, 'notebook');
  assert.deepEqual(regions.map((r) => r.language), ['markdown', 'python', 'python', 'text', 'python', 'text']);
  for (const r of regions) assertExactMapping(doc, r);
});

test('json scanner: nesting 20,000 levels deep does not overflow the stack', () => {
  const deep = '['.repeat(20_000) + ']'.repeat(20_000);
  const parsed = scanJson(deep, 8);
  assert.equal(parsed?.kind, 'array');
  assert.equal(parsed?.end, deep.length);
  assert.equal(scanJson('['.repeat(20_000)), undefined);
  const doc = `{"cells": [{"cell_type": "code", "source": "x = 1", "metadata": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}]}`;
  assert.deepEqual(summary(splitRegions(doc, 'notebook')), [['python', 'x = 1']]);
  assert.deepEqual(summary(splitRegions(deep, 'notebook')), [['text', deep]]);
});

test('json scanner: duplicate keys keep the last value, as JSON.parse does', () => {
  const parsed = scanJson('{"a": 1, "a": "two"}');
  assert.equal(parsed?.kind === 'object' && parsed.members.get('a')?.kind, 'string');
});

test('notebook: a huge cell is split quickly', () => {
  const line = 'value = compute(1, 2, 3)  # \\"quoted\\" \\u00e9\\n';
  const doc = `{"cells": [{"cell_type": "code", "source": ["${Array(100_000).fill(line).join('", "')}"]}]}`;
  const started = performance.now();
  const [region] = splitRegions(doc, 'notebook');
  const elapsed = performance.now() - started;
  assert.equal(region.text.length, 100_000 * 'value = compute(1, 2, 3)  # "quoted" é\n'.length);
  const lastLine = region.text.lastIndexOf('value');
  assert.equal(doc.slice(region.toDocument(lastLine), region.toDocumentEnd!(region.text.length)), line);
  assert.ok(elapsed < 1500, `took ${elapsed.toFixed(0)} ms`);
});

test('engine: findings in a notebook cell land on the right place in the .ipynb file', async () => {
  const seen: string[] = [];
  const detector: Detector = {
    id: 'test/marker',
    rules: [],
    detect(ctx) {
      seen.push(ctx.language);
      return [...ctx.text.matchAll(/tok_[a-z0-9]{8}/g)].map((m) => ({
        ruleId: 'secret/test-marker', span: { start: m.index, end: m.index + m[0].length },
        confidence: 'validated' as const, message: 'a test marker', evidence: [],
      }));
    },
  };
  const doc = notebook([
    { cell_type: 'markdown', source: ['Use \\"this\\":\n', '```bash\n', 'curl -H "X: tok_abcd1234"\n', '```'] },
    { cell_type: 'code', source: ['é = "tok_efgh5678"'], outputs: [{ output_type: 'stream', text: ['tok_ijkl9012\n'] }] },
  ]);
  const result = await new Engine([detector], null).scan({ path: 'analysis.ipynb', text: doc });
  assert.deepEqual(seen, ['markdown', 'bash', 'python', 'text']);
  const found = result.findings.map((f) => doc.slice(f.span.start, f.span.end));
  assert.deepEqual(found, ['tok_abcd1234', 'tok_efgh5678', 'tok_ijkl9012']);
});
