import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Tree } from 'web-tree-sitter';
import type { Detector, ScanContext } from '../src/core/detector';
import { changedSpan, LiveDocuments } from '../src/core/liveDocuments';
import { anchorsOf, findAnchors, MAX_ANCHORS } from '../src/core/secrets/generic/anchors';
import { findSuppressions, findSuppressionsLive } from '../src/core/suppressions';
import { LineIndex } from '../src/core/text';
import { mentions } from '../src/core/mentions';
import { nodeWasmSource } from '../src/node/wasmSource';
import { IncrementalTrees } from '../src/parsing/incrementalTrees';
import { ParserHost } from '../src/parsing/parserHost';
import { DEFAULT_CONFIG } from '../src/core/config';
import { Engine, type TreeProvider } from '../src/core/engine';
import { builtinDetectors } from '../src/core/registry';
import type { FileScanResult, Span } from '../src/core/types';
import type { TreeLanguage } from '../src/core/lang/languages';
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

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'generic', name), 'utf8');

/** Realistic files with secrets, comments, suppressions and ciphertext, repeated to a few hundred lines. */
function liveCases(): { path: string; text: string }[] {
  const suppressed = '# keyhole-ignore secret\nlegacy_password = "Pw9-legacy-Zk3r"\n';
  const repeat = (text: string, times: number, join = '\n') => Array.from({ length: times }, () => text).join(join);
  return [
    { path: 'app/flask_app.py', text: repeat(fixture('flask_app.py') + suppressed + fixture('comments/migrate_users.py'), 3) },
    { path: 'src/server.ts', text: repeat(fixture('express_server.js') + fixture('comments/session.ts') + fixture('settings.ts'), 3) },
    { path: 'deploy/stack.yaml', text: repeat(fixture('application.yml') + fixture('deployment.yaml') + fixture('ciphertext/sealed-secret.yaml') + fixture('docker-compose.yml'), 3, '\n---\n') },
    { path: 'config/settings.json', text: `[\n${repeat(fixture('appsettings.json') + ',\n' + fixture('ciphertext/renovate.json'), 4, ',\n')}\n]\n` },
  ];
}

/** Everything a host shows, in a form that compares: findings, suppressed findings, suppression comments, generic drop notes. */
function shown(r: FileScanResult) {
  const finding = (f: FileScanResult['findings'][number]) =>
    `${f.ruleId}@${f.span.start}-${f.span.end}/${f.valueSpan?.start}-${f.valueSpan?.end} ${f.severity} ${f.confidence} ${f.fingerprint} ${f.message} ${JSON.stringify(f.remedy ?? null)}`;
  return {
    findings: r.findings.map(finding),
    suppressed: r.suppressed.map(finding),
    suppressions: r.suppressions.map((s) => JSON.stringify(s)),
    skipped: r.skipped,
    dropped: (r.dropped ?? []).filter((d) => d.ruleId.startsWith('secret/generic')).map((d) => `${d.ruleId}:${d.line}:${d.reason}`).sort(),
  };
}

/** One random edit: mostly single characters that change syntax (quotes, colons, newlines, brackets, comment marks). */
function randomEdit(text: string, random: () => number): { at: number; remove: number; insert: string } {
  const at = Math.floor(random() * text.length);
  const roll = random();
  if (roll < 0.05) return { at, remove: Math.min(text.length - at, Math.floor(random() * 300)), insert: '' };
  if (roll < 0.1) return { at, remove: 0, insert: '\napi_token = "tk_9f8e7d6c5b4a3z2y1x0w"\n' };
  if (roll < 0.13) return { at, remove: 0, insert: '# keyhole-ignore\n' };
  const chars = ['x', 'x', 'x', '"', "'", ':', '\n', ' ', '#', '/', '*', '{', '}', '(', ')', '=', ',', '-', 'Σ', '𝐀'];
  return { at, remove: random() < 0.45 ? 1 : 0, insert: random() < 0.8 ? chars[Math.floor(random() * chars.length)] : '' };
}

/** `text` with `edit` made, told to the document's incremental tree as VS Code would tell it. */
function editDocument(trees: IncrementalTrees, key: string, text: string, edit: { at: number; remove: number; insert: string }): string {
  const before = text.slice(0, edit.at);
  const removed = text.slice(edit.at, edit.at + edit.remove);
  const row = before.split('\n').length - 1;
  const column = edit.at - (before.lastIndexOf('\n') + 1);
  const removedLines = removed.split('\n');
  trees.applyChanges(key, [{
    startIndex: edit.at, oldEndIndex: edit.at + edit.remove, newText: edit.insert,
    startPosition: { row, column },
    oldEndPosition: removedLines.length === 1 ? { row, column: column + removed.length } : { row: row + removedLines.length - 1, column: removedLines[removedLines.length - 1].length },
  }]);
  return before + edit.insert + text.slice(edit.at + edit.remove);
}

/** The edit that undoes `last`, so that a document an edit broke heals again. */
function undo(last: { at: number; insert: string; removed: string }): { at: number; remove: number; insert: string } {
  return { at: last.at, remove: last.insert.length, insert: last.removed };
}

test('open documents edited at random report exactly what a fresh scan of the same text reports', async () => {
  const host = new ParserHost(nodeWasmSource());
  const detectors = builtinDetectors(DEFAULT_CONFIG);
  const trees = new IncrementalTrees(host);
  const live = new Engine(detectors, trees, DEFAULT_CONFIG);
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let compared = 0;
  let withFindings = 0;
  for (const { path, text: initial } of liveCases()) {
    let text = initial;
    const key = `file:///${path}`;
    await live.scan({ path, text, documentKey: key });
    let last: { at: number; insert: string; removed: string } | undefined;
    for (let step = 0; step < 60; step++) {
      const heal = last !== undefined && random() < 0.2;
      const edit = heal ? undo(last!) : randomEdit(text, random);
      const removed = text.slice(edit.at, edit.at + edit.remove);
      last = heal ? undefined : { at: edit.at, insert: edit.insert, removed };
      text = editDocument(trees, key, text, edit);
      // Now and then several edits land before one scan (fast typing).
      if (step % 9 === 4) continue;
      const a = await live.scan({ path, text, documentKey: key });
      const b = await new Engine(detectors, new IncrementalTrees(host), DEFAULT_CONFIG).scan({ path, text, documentKey: key });
      assert.deepEqual(shown(a), shown(b), `${path} after edit ${step} (${JSON.stringify(edit.insert)} at ${edit.at}, ${edit.remove} removed)`);
      compared++;
      if (a.findings.length) withFindings++;
    }
    live.forgetDocument(key);
    trees.forget(key);
  }
  // The comparison means something only if the files keep findings while they are edited.
  assert.ok(withFindings > compared * 0.8, `${withFindings} of ${compared} scans had findings`);
});

/** Code a few hundred lines long between the secrets, so that a large file's parse windows stay apart. */
function filler(language: 'python' | 'ts' | 'json', count: number, from: number): string {
  const line = (i: number) => (language === 'python' ? `value_${i} = compute(${i}, "step ${i}")  # step ${i}`
    : language === 'ts' ? `const value${i} = compute(${i}, 'step ${i}'); // step ${i}`
      : `  "step_${i}": { "value": ${i}, "label": "step ${i}", "tags": ["a", "b"] },`);
  return Array.from({ length: count }, (_, i) => line(from + i)).join('\n') + '\n';
}

/** A settings file of nested objects: secrets, ciphertext and comments among plain members. */
function largeJson(): string {
  const part = (i: number) => `${filler('json', 100, i * 100)}  "app_${i}": ${fixture('appsettings.json')},\n  "renovate_${i}": ${fixture('ciphertext/renovate.json')}`;
  return `{\n${[0, 1, 2, 3].map(part).join(',\n')}\n}\n`;
}

/** Edits that open or close what spans lines in each language: strings, brackets, comments, blocks. */
const SPANNING: Record<'python' | 'ts' | 'json', string[]> = {
  python: ['"""', "'''", '(', ')', '[', ']', '{', '}', '\\', 'def f():\n', '    '],
  ts: ['`', '/*', '*/', '(', ')', '{', '}', '[', ']', '${'],
  json: ['"', '{', '}', '[', ']', ',', ':', '/*', '*/', '//', '\\'],
};

/**
 * Files above the windowed-parse size are parsed in windows around what detectors look at, open or
 * not: an open one's windowed tree is reparsed incrementally, with the windows of the new text.
 */
test('large open documents parsed in windows (code, JSON) report exactly what a fresh scan reports, whatever the edit opens or closes', async () => {
  const host = new ParserHost(nodeWasmSource());
  const detectors = builtinDetectors(DEFAULT_CONFIG);
  const trees = new IncrementalTrees(host);
  let windowedParses = 0;
  const counting: TreeProvider = {
    parse: (language, text, documentKey, windows) => {
      if (windows?.length) windowedParses++;
      return trees.parse(language, text, documentKey, windows);
    },
  };
  const live = new Engine(detectors, counting, DEFAULT_CONFIG);
  const once = new Engine(detectors, host, DEFAULT_CONFIG);
  let seed = 23;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const cases = [
    { path: 'app/big_app.py', kind: 'python' as const, text: [0, 1, 2, 3, 4].map((i) => filler('python', 60, i * 100) + fixture('flask_app.py') + fixture('comments/migrate_users.py')).join('\n') },
    { path: 'src/big_server.ts', kind: 'ts' as const, text: [0, 1, 2, 3].map((i) => filler('ts', 60, i * 100) + fixture('express_server.js') + fixture('settings.ts')).join('\n') },
    { path: 'config/big_settings.json', kind: 'json' as const, text: largeJson() },
  ];
  let compared = 0;
  let withFindings = 0;
  for (const { path, kind, text: initial } of cases) {
    assert.ok(initial.length > 20 * 1024, `${path} is above the windowed-parse size`);
    let text = initial;
    const key = `file:///${path}`;
    await live.scan({ path, text, documentKey: key });
    let last: { at: number; insert: string; removed: string } | undefined;
    for (let step = 0; step < 70; step++) {
      const spanning = SPANNING[kind];
      const heal = last !== undefined && random() < 0.2;
      const edit = heal ? undo(last!)
        : random() < 0.35 ? { at: Math.floor(random() * text.length), remove: 0, insert: spanning[Math.floor(random() * spanning.length)] }
          : randomEdit(text, random);
      const removed = text.slice(edit.at, edit.at + edit.remove);
      last = heal ? undefined : { at: edit.at, insert: edit.insert, removed };
      text = editDocument(trees, key, text, edit);
      if (step % 9 === 4) continue;
      const a = await live.scan({ path, text, documentKey: key });
      const b = await new Engine(detectors, new IncrementalTrees(host), DEFAULT_CONFIG).scan({ path, text, documentKey: key });
      const c = await once.scan({ path, text });
      const where = `${path} after edit ${step} (${JSON.stringify(edit.insert)} at ${edit.at}, ${edit.remove} removed)`;
      assert.deepEqual(shown(a), shown(b), where);
      assert.deepEqual(shown(a), shown(c), `${where}, one-off scan`);
      compared++;
      if (a.findings.length) withFindings++;
    }
    live.forgetDocument(key);
    trees.forget(key);
  }
  assert.ok(windowedParses > compared * 0.8, `${windowedParses} of ${compared} live scans parsed windows`);
  assert.ok(withFindings > compared * 0.8, `${withFindings} of ${compared} scans had findings`);
});

/** `text` edited, and the edit as a tree-sitter input edit. */
function treeEdited(text: string, edit: { at: number; remove: number; insert: string }) {
  const before = text.slice(0, edit.at);
  const removed = text.slice(edit.at, edit.at + edit.remove).split('\n');
  const row = before.split('\n').length - 1;
  const column = edit.at - (before.lastIndexOf('\n') + 1);
  return {
    text: before + edit.insert + text.slice(edit.at + edit.remove),
    change: {
      startIndex: edit.at, oldEndIndex: edit.at + edit.remove, newText: edit.insert, startPosition: { row, column },
      oldEndPosition: removed.length === 1 ? { row, column: column + removed[0].length } : { row: row + removed.length - 1, column: removed[removed.length - 1].length },
    },
  };
}

/**
 * Typing amid words and blanks of a large JSON document carries its parse windows over from the
 * last revision (liveJsonWindows); what it reports must still be what a fresh scan reports.
 */
test('a large open JSON document typed into word by word reports exactly what a fresh scan reports', async () => {
  const host = new ParserHost(nodeWasmSource());
  const detectors = builtinDetectors(DEFAULT_CONFIG);
  const trees = new IncrementalTrees(host);
  const live = new Engine(detectors, trees, DEFAULT_CONFIG);
  const once = new Engine(detectors, host, DEFAULT_CONFIG);
  let seed = 31;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const path = 'config/big_settings.json';
  const key = `file:///${path}`;
  let text = largeJson();
  await live.scan({ path, text, documentKey: key });
  let last: { at: number; insert: string; removed: string } | undefined;
  let withFindings = 0;
  for (let step = 0; step < 60; step++) {
    const roll = random();
    const heal = last !== undefined && roll < 0.15;
    let edit: { at: number; remove: number; insert: string };
    if (heal) edit = undo(last!);
    else if (roll < 0.3) edit = randomEdit(text, random);
    else {
      // Near a secret half of the time: a value typed into, a key renamed, the blanks around them.
      const near = random() < 0.5 ? text.search(/password|secret|token/i) : -1;
      let at = near >= 0 ? near + Math.floor(random() * 120) : Math.floor(random() * text.length);
      while (at < text.length - 1 && !/[\w ]/.test(text[at])) at++;
      const insert = ['x', 'Q', '7', ' ', '\t', '', ''][Math.floor(random() * 7)];
      edit = { at, remove: insert === '' || random() < 0.3 ? 1 : 0, insert };
    }
    last = heal ? undefined : { at: edit.at, insert: edit.insert, removed: text.slice(edit.at, edit.at + edit.remove) };
    const next = treeEdited(text, edit);
    text = next.text;
    trees.applyChanges(key, [next.change]);
    const a = await live.scan({ path, text, documentKey: key });
    const b = await once.scan({ path, text });
    assert.deepEqual(shown(a), shown(b), `after edit ${step} (${JSON.stringify(edit.insert)} at ${edit.at}, ${edit.remove} removed)`);
    if (a.findings.length) withFindings++;
  }
  assert.ok(withFindings > 50, `${withFindings} of 60 scans had findings`);
});

/**
 * Random single-character edits of `text` (or those `edit` makes) fed to `revise`, with the
 * revision's context checked against a fresh computation.
 */
async function reviseRandomly(
  text: string, language: 'python' | 'yaml', steps: number, check: (ctx: ScanContext, fresh: string) => void,
  edit?: (text: string, random: () => number) => string,
) {
  const live = new LiveDocuments();
  let seed = 5;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const chars = ['"', "'", '\n', ' ', '=', ':', '#', 'x', 'Σ', 'İ', '😀', '(', ','];
  for (let step = 0; step < steps; step++) {
    const revision = live.revise('doc', text, language, false);
    const ctx: ScanContext = { path: 'a.py', language, text, lines: revision.lines, generated: false, tree: null, live: revision.memory, get lower() { return revision.lower(); } };
    check(ctx, text);
    if (edit) {
      text = edit(text, random);
      continue;
    }
    // Half the edits land next to a quote, where they decide whether a name on the line before binds a literal.
    let at = Math.floor(random() * text.length);
    if (random() < 0.5) at = Math.max(text.indexOf('"', at), 0) + (random() < 0.5 ? 1 : 0);
    const insert = random() < 0.7 ? chars[Math.floor(random() * chars.length)] : '';
    text = text.slice(0, at) + insert + text.slice(at + (random() < 0.5 ? 1 : Math.floor(random() * 3)));
  }
}

test('anchors, line index and lower-cased text patched around edits equal those of the whole text', async () => {
  // Names whose literal sits on the next line, quoted names, comments, env lookups: anchors decided by text a line away.
  const block = [
    'db_password =', '    "Pw-9xq-Zk3r-77"', 'token = os.environ.get("API_TOKEN",', '  "tk-live-0a9s8d7f6g")',
    '# secret: hunter2-but-longer', '"apiKey": "AbCdEf0123456789xyz",', 'auth(', "  'user', 'pa55word-Q')", 'plain = 1',
  ].join('\n');
  const text = Array.from({ length: 40 }, () => block).join('\n') + '\n';
  let checked = 0;
  await reviseRandomly(text, 'python', 300, (ctx, fresh) => {
    assert.deepEqual(anchorsOf(ctx), findAnchors({ text: fresh }, true));
    assert.equal(ctx.lower, fresh.toLowerCase());
    const index = new LineIndex(fresh);
    assert.equal(ctx.lines.lineCount, index.lineCount);
    for (let line = 0; line < index.lineCount; line += 7) assert.equal(ctx.lines.lineStart(line), index.lineStart(line));
    checked++;
  });
  assert.equal(checked, 300);
});

test('anchors of an edited document at the anchor cap are those of the whole text, also when an edit removes or adds some', async () => {
  // One anchor a line, a few more than the cap: lines removed and added before the cap move it.
  const line = (i: number) => `token_${i} = "tk-live-${i}-0a9s8d7f6g"`;
  const text = Array.from({ length: MAX_ANCHORS + 6 }, (_, i) => line(i)).join('\n') + '\nplain = 1\n';
  let below = 0;
  await reviseRandomly(text, 'python', 80, (ctx, fresh) => {
    const fromScratch = findAnchors({ text: fresh }, true);
    assert.deepEqual(anchorsOf(ctx), fromScratch);
    if (fromScratch.length < MAX_ANCHORS) below++;
  }, (current, random) => {
    const lines = current.split('\n');
    const at = Math.floor(random() * 40) * (random() < 0.2 ? 50 : 1);
    const what = random();
    // Remove a line (an anchor), add one, or break a name, mostly before the cap.
    if (what < 0.45) lines.splice(at, 1);
    else if (what < 0.75) lines.splice(at, 0, line(1000 + at));
    else lines[at] = `x${lines[at] ?? ''}`.replace('token', 'tok en');
    return lines.join('\n');
  });
  assert.ok(below > 5, `${below} revisions had fewer anchors than the cap`);
});

test('suppression comments of an edited document are those of the whole text', async () => {
  const text = Array.from({ length: 30 }, (_, i) => `key_${i}: value-${i}\n# keyhole-ignor secret\nother: "gitleaks:allo"\n`).join('');
  await reviseRandomly(text, 'yaml', 200, (ctx, fresh) => {
    assert.deepEqual(findSuppressionsLive(fresh, 'yaml', 'a.yaml', ctx.lines, ctx.live!), findSuppressions(fresh, 'yaml', 'a.yaml', new LineIndex(fresh)));
  });
});

test('mentions answers from the edit what a search of the whole lower-cased text answers', async () => {
  // Few occurrences, so that edits make words appear and disappear.
  const text = Array.from({ length: 40 }, (_, i) => (i % 20 === 7 ? 'Principal( "PolicyStatement" aws-cdk\n' : `line ${i} = "x"\n`)).join('');
  const words = ['principal(', 'policystatement', 'aws-cdk', '"x"', 'x', 'line 3'];
  let flips = 0;
  let last = '';
  await reviseRandomly(text, 'python', 400, (ctx, fresh) => {
    const lower = fresh.toLowerCase();
    const answers = words.map((w) => mentions(ctx, w));
    assert.deepEqual(answers, words.map((w) => lower.includes(w)));
    if (answers.join() !== last) flips++;
    last = answers.join();
  });
  assert.ok(flips > 5, `answers changed ${flips} times`);
});

test('mentions is right for an edit at every offset of a word, its ends and its neighbours', () => {
  const text = 'a = aws-cdk;\nb = "aws-cdk-lib" # aws-cd\n';
  const words = ['aws-cdk', 'a', 'cdk;', '\n#'];
  for (let at = 0; at <= text.length; at++) {
    for (const edited of [text.slice(0, at) + 'z' + text.slice(at), text.slice(0, at) + text.slice(at + 1), text.slice(0, at) + 'k' + text.slice(at)]) {
      const live = new LiveDocuments();
      for (const version of [text, edited]) {
        const revision = live.revise('doc', version, 'python', false);
        const ctx: ScanContext = { path: 'a.py', language: 'python', text: version, lines: revision.lines, generated: false, tree: null, live: revision.memory, get lower() { return revision.lower(); } };
        assert.deepEqual(words.map((w) => mentions(ctx, w)), words.map((w) => version.includes(w)), JSON.stringify(version));
      }
    }
  }
});

/** A one-line edit of an open document, in the form a host reports it to `IncrementalTrees`. */
function lineEdit(text: string, at: number, remove: number, insert: string) {
  const before = text.slice(0, at);
  const row = before.split('\n').length - 1;
  const column = at - (before.lastIndexOf('\n') + 1);
  return {
    text: before + insert + text.slice(at + remove),
    change: { startIndex: at, oldEndIndex: at + remove, newText: insert, startPosition: { row, column }, oldEndPosition: { row, column: column + remove } },
  };
}

test('the ranges whose syntax changed are computed only when a detector reads them, and are those of the two trees', async () => {
  const host = new ParserHost(nodeWasmSource());
  const trees = new IncrementalTrees(host);
  const read: (Span[] | undefined)[] = [];
  let reading = false;
  const probe: Detector = {
    id: 'test/probe',
    rules: [],
    wantsTree: () => true,
    detect(ctx) {
      if (reading) read.push(ctx.treeChanges);
      return [];
    },
  };
  const engine = new Engine([probe], trees, DEFAULT_CONFIG);
  let compared = 0;
  const original = Tree.prototype.getChangedRanges;
  Tree.prototype.getChangedRanges = function (this: Tree, other: Tree) {
    compared++;
    return original.call(this, other);
  };
  try {
    let text = Array.from({ length: 50 }, (_, i) => `const value${i} = compute(${i});`).join('\n') + '\n';
    const key = 'file:///changes.ts';
    await engine.scan({ path: 'changes.ts', text, documentKey: key });
    // An opening quote turns the rest of its line into a string: a syntax change beyond the edit.
    const at = text.indexOf('compute(7)');
    const edit = lineEdit(text, at, 0, '"');
    trees.applyChanges(key, [edit.change]);
    text = edit.text;
    await engine.scan({ path: 'changes.ts', text, documentKey: key });
    assert.equal(compared, 0, 'nobody asked for the changed ranges');

    reading = true;
    const next = lineEdit(text, at, 1, '');
    trees.applyChanges(key, [next.change]);
    text = next.text;
    await engine.scan({ path: 'changes.ts', text, documentKey: key });
    assert.equal(compared, 1);
    const changes = read[0];
    assert.ok(changes && changes.length > 0, 'removing the quote changed the syntax');
    const line = { start: text.lastIndexOf('\n', at) + 1, end: text.indexOf('\n', at) };
    assert.ok(changes.some((c) => c.start < line.end && line.start < c.end), JSON.stringify(changes));
    assert.ok(changes.every((c) => c.end >= line.start - 1 && c.start <= line.end + 1), `changes stay near the edited line: ${JSON.stringify(changes)}`);
  } finally {
    Tree.prototype.getChangedRanges = original;
  }
});

test('changed ranges cannot be asked for once the replaced tree is released', async () => {
  const host = new ParserHost(nodeWasmSource());
  const trees = new IncrementalTrees(host);
  const key = 'file:///a.json';
  let text = '{ "a": 1, "b": [2, 3] }\n';
  await trees.parse('json', text, key);
  // An unclosed string swallows the rest of the line: a syntax change beyond the edited character.
  const edit = lineEdit(text, text.indexOf('2'), 0, '"');
  trees.applyChanges(key, [edit.change]);
  text = edit.text;
  const parsed = await trees.parse('json', text, key);
  assert.ok(parsed.tree && 'changes' in parsed && parsed.changes && parsed.release);
  const fresh = await host.parse('json', text);
  assert.equal(parsed.tree.rootNode.toString(), fresh.tree!.rootNode.toString());
  fresh.tree!.delete();
  assert.ok(parsed.changes().length > 0);
  parsed.release();
  assert.throws(() => parsed.changes!(), /released/);
  trees.forget(key);
});

/** Every node's type, range and position, and every leaf's text: what detectors can read from a tree. */
function treeDump(tree: Tree): string[] {
  const out: string[] = [];
  const cursor = tree.walk();
  for (;;) {
    const n = cursor.currentNode;
    out.push(`${n.type} ${n.startIndex}-${n.endIndex} ${n.startPosition.row}:${n.startPosition.column}-${n.endPosition.row}:${n.endPosition.column}${n.hasError ? ' E' : ''}${n.isMissing ? ' M' : ''}${n.childCount ? '' : ` ${JSON.stringify(n.text)}`}`);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return out;
  }
}

test('edits that only change words inside strings and comments skip the reparse and leave the tree a fresh parse gives', async () => {
  const host = new ParserHost(nodeWasmSource());
  const trees = new IncrementalTrees(host);
  const languages = { py: 'python', ts: 'typescript', yaml: 'yaml', json: 'json' } as const;
  let seed = 17;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let skipped = 0;
  let reparsed = 0;
  for (const { path, text: initial } of liveCases()) {
    const language = languages[path.split('.').pop() as keyof typeof languages];
    const key = `file:///${path}`;
    let text = initial;
    let tree = (await trees.parse(language, text, key)).tree!;
    for (let step = 0; step < 150; step++) {
      // Mostly letters typed or deleted inside words; sometimes a character that ends or escapes a string or comment.
      let at = Math.floor(random() * text.length);
      while (at < text.length && !/\w/.test(text[at])) at++;
      const roll = random();
      const insert = roll < 0.45 ? 'kq7'[Math.floor(random() * 3)] : roll < 0.65 ? '' : roll < 0.8 ? 'Z' : ['"', '\\', '{', '$', ' ', '#', '*', '/', '\n', ':', '1', 'u'][Math.floor(random() * 12)];
      const remove = insert === '' || random() < 0.3 ? 1 : 0;
      const removed = text[at] === '\n' ? '' : text.slice(at, at + remove);
      const edit = lineEdit(text, at, removed.length, insert);
      trees.applyChanges(key, [edit.change]);
      text = edit.text;
      const before = tree;
      const parsed = await trees.parse(language, text, key);
      tree = parsed.tree!;
      if (tree === before) skipped++;
      else reparsed++;
      const fresh = (await host.parse(language, text)).tree!;
      assert.deepEqual(treeDump(tree), treeDump(fresh), `${path} after ${JSON.stringify(insert)} at ${at}`);
      fresh.delete();
      if ('release' in parsed) parsed.release?.();
      // A tree with a syntax error is always reparsed: most errors are undone, as a typist would.
      if (tree.rootNode.hasError && random() < 0.8) {
        const undo = lineEdit(text, at, insert.length, removed);
        trees.applyChanges(key, [undo.change]);
        text = undo.text;
        tree = (await trees.parse(language, text, key)).tree!;
      }
    }
    trees.forget(key);
  }
  assert.ok(skipped > 60 && reparsed > 60, `${skipped} reparses skipped, ${reparsed} done`);
});

test('a word edit that joins or splits a comment end, an interpolation, an escape or a YAML comment is reparsed', async () => {
  const host = new ParserHost(nodeWasmSource());
  const cases: [TreeLanguage, string][] = [
    ['typescript', 'const a = /* note a*x/ b */ 1;\nconst b = 2;\n'],
    ['typescript', 'const t = `total $x{count} items`;\n'],
    ['python', 'label = "caf\\u0x0e9 menu"\n'],
    ['python', 'value = f"{{ax}}{total}"\n'],
    ['json', '{ "name": "caf\\u0x0e9 menu", "n": 1 }\n'],
    ['yaml', 'image: repo/app x#latest\nport: 80\n'],
    ['yaml', 'image: repo/app:x latest\nport: 80\n'],
    // A plain scalar's letters decide its type: boolean, number, null.
    ['yaml', 'enabled: trxue\nport: 80\n'],
    ['yaml', 'port: 80x80\nname: web\n'],
    ['yaml', 'value: nxull\nname: web\n'],
    ['yaml', 'when: 2024x-01-01\nname: web\n'],
  ];
  for (const [language, initial] of cases) {
    const trees = new IncrementalTrees(host);
    await trees.parse(language, initial, 'doc');
    const at = initial.indexOf('x');
    const edit = lineEdit(initial, at, 1, '');
    trees.applyChanges('doc', [edit.change]);
    const parsed = await trees.parse(language, edit.text, 'doc');
    const fresh = (await host.parse(language, edit.text)).tree!;
    assert.deepEqual(treeDump(parsed.tree!), treeDump(fresh), `${language}: ${JSON.stringify(edit.text)}`);
    fresh.delete();
    trees.forget('doc');
  }
});

test('a token typed into an open document that held no keyword of it is reported, as a fresh scan reports it', async () => {
  const host = new ParserHost(nodeWasmSource());
  const live = new Engine(builtinDetectors(DEFAULT_CONFIG), new IncrementalTrees(host), DEFAULT_CONFIG);
  const fresh = new Engine(builtinDetectors(DEFAULT_CONFIG), host, DEFAULT_CONFIG);
  const path = 'src/live-typing.ts';
  let text = 'export const answer = 42;\n';
  await live.scan({ path, text, documentKey: 'typing' });
  // The whole line in one edit (a paste, or VS Code's `type` command), then a character at a time.
  text += `const token = "${tokens[0]}";`;
  const pasted = await live.scan({ path, text, documentKey: 'typing' });
  assert.deepEqual(pasted.findings.map((f) => f.ruleId), ['secret/github-pat-classic']);
  for (const ch of `\nconst other = "${tokens[1]}";\n`) {
    text += ch;
    const result = await live.scan({ path, text, documentKey: 'typing' });
    assert.deepEqual(result.findings, (await fresh.scan({ path, text })).findings);
  }
  assert.equal((await live.scan({ path, text, documentKey: 'typing' })).findings.length, 2);
});
