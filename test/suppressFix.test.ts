import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseConfig } from '../src/core/config';
import { allowlistEdits, applyTextEdits, ignoreFileEdit, ignoreLineEdit, REASON_PLACEHOLDER, type SuppressTarget } from '../src/core/fixes/suppress';
import { detectLanguage } from '../src/core/lang/languages';
import { findSuppressions, suppressionFor } from '../src/core/suppressions';
import { LineIndex } from '../src/core/text';

const RULE = 'secret/generic-password';

function target(path: string, text: string, languageId?: string): SuppressTarget {
  return { path, text, language: detectLanguage(path, languageId), languageId };
}

/** Applies the edit and checks that the suppression parser reads it back as covering `line` (after the edit). */
function coveredAfter(t: SuppressTarget, edited: string, line: number, ruleId = RULE) {
  const found = findSuppressions(edited, t.language, t.path, new LineIndex(edited));
  return suppressionFor(ruleId, line, found);
}

const lineCases: [path: string, text: string, line: number, expected: string][] = [
  ['app.ts', 'const a = 1;\nconst password = "hunter2hunter2";\n', 1, 'const password = "hunter2hunter2";  // keyhole-ignore secret/generic-password -- TODO: say why this is safe'],
  ['app.py', 'def f():\n    password = "hunter2hunter2"  # noqa\n', 1, '    password = "hunter2hunter2"  # noqa  # keyhole-ignore secret/generic-password -- TODO: say why this is safe'],
  ['conf.yaml', 'db:\n  password: hunter2hunter2\n', 1, '  password: hunter2hunter2  # keyhole-ignore secret/generic-password -- TODO: say why this is safe'],
  ['main.go', 'package main\n\tvar password = "hunter2hunter2"\n', 1, '\tvar password = "hunter2hunter2"  // keyhole-ignore secret/generic-password -- TODO: say why this is safe'],
];

for (const [path, text, line, expected] of lineCases) {
  test(`ignore-line comment after the code in ${path}`, () => {
    const t = target(path, text);
    const edit = ignoreLineEdit(t, line, RULE);
    assert.ok(edit);
    const edited = applyTextEdits(text, [edit]);
    assert.equal(edited.split('\n')[line], expected);
    assert.ok(coveredAfter(t, edited, line), 'the suppression parser covers the line');
    assert.equal(coveredAfter(t, edited, line, 'secret/github-pat'), undefined, 'other rules stay reported');
  });
}

const aboveCases: [path: string, text: string, line: number, expected: string][] = [
  ['.env', 'A=1\nDB_PASSWORD=hunter2hunter2\n', 1, '# keyhole-ignore-next-line secret/generic-password -- TODO: say why this is safe'],
  ['app.properties', 'db.password=hunter2hunter2\n', 0, '# keyhole-ignore-next-line secret/generic-password -- TODO: say why this is safe'],
  ['Dockerfile', 'FROM node\nENV PASSWORD=hunter2hunter2\n', 1, '# keyhole-ignore-next-line secret/generic-password -- TODO: say why this is safe'],
  ['setup.cfg', '[db]\n  password = hunter2hunter2\n', 1, '  ; keyhole-ignore-next-line secret/generic-password -- TODO: say why this is safe'],
  ['README.md', '# Title\n\npassword: hunter2hunter2\n', 2, '<!-- keyhole-ignore-next-line secret/generic-password -- TODO: say why this is safe -->'],
  ['run.sh', 'curl -u admin:hunter2hunter2 \\\n  https://example.com\n', 0, '# keyhole-ignore-next-line secret/generic-password -- TODO: say why this is safe'],
];

for (const [path, text, line, expected] of aboveCases) {
  test(`ignore-next-line comment above the line in ${path}`, () => {
    const t = target(path, text);
    const edit = ignoreLineEdit(t, line, RULE);
    assert.ok(edit);
    const edited = applyTextEdits(text, [edit]);
    assert.equal(edited.split('\n')[line], expected);
    assert.equal(edited.split('\n')[line + 1], text.split('\n')[line], 'the original line follows unchanged');
    assert.ok(coveredAfter(t, edited, line + 1));
  });
}

test('plain JSON has no comment syntax; JSONC does', () => {
  const text = '{\n  "password": "hunter2hunter2"\n}\n';
  assert.equal(ignoreLineEdit(target('config.json', text), 1, RULE), undefined);
  assert.equal(ignoreFileEdit(target('config.json', text), RULE), undefined);
  const jsonc = target('config.json', text, 'jsonc');
  const edited = applyTextEdits(text, [ignoreLineEdit(jsonc, 1, RULE)!]);
  assert.ok(coveredAfter(jsonc, edited, 1));
  assert.ok(ignoreLineEdit(target('.vscode/settings.json', text), 1, RULE));
});

test('a custom reason replaces the placeholder, on one line', () => {
  const t = target('a.py', 'password = "hunter2hunter2"\n');
  const edited = applyTextEdits(t.text, [ignoreLineEdit(t, 0, RULE, 'test fixture\nonly')!]);
  assert.match(edited, /-- test fixture only\n$/);
  assert.equal(coveredAfter(t, edited, 0)?.reason, 'test fixture only');
});

test('CRLF files keep CRLF line ends', () => {
  const t = target('.env', 'A=1\r\nB=hunter2hunter2\r\n');
  const edited = applyTextEdits(t.text, [ignoreLineEdit(t, 1, RULE)!]);
  assert.equal(edited, `A=1\r\n# keyhole-ignore-next-line ${RULE} -- ${REASON_PLACEHOLDER}\r\nB=hunter2hunter2\r\n`);
});

const fileCases: [path: string, text: string, insertedAt: number][] = [
  ['app.ts', 'import x from "y";\nconst password = "a";\n', 0],
  ['tool.py', '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\npassword = "a"\n', 2],
  ['index.php', '<?php\n$password = "a";\n', 1],
  ['Dockerfile', '# syntax=docker/dockerfile:1\nFROM node\n', 1],
  ['notes.md', '---\ntitle: x\n---\n# Notes\n', 3],
  ['empty.sh', '', 0],
];

for (const [path, text, insertedAt] of fileCases) {
  test(`ignore-file comment in ${path} goes after the lines that must stay first`, () => {
    const t = target(path, text);
    const edited = applyTextEdits(text, [ignoreFileEdit(t, RULE)!]);
    const lines = edited.split('\n');
    assert.match(lines[insertedAt], /keyhole-disable secret\/generic-password -- /);
    const lastLine = lines.length - 1;
    assert.ok(coveredAfter(t, edited, lastLine), 'the block reaches the end of the file');
  });
}

test('allowlist: creates the file content, appends to an existing list, keeps comments, is idempotent', () => {
  const entry = { fingerprint: 'secret/github-pat:0123456789abcdef', path: 'src/a.ts', reason: 'revoked test token' };
  const created = applyTextEdits('', allowlistEdits(undefined, entry));
  assert.deepEqual(parseConfig(created, '.keyhole.json').allowlist, [entry]);

  const existing = '{\n  // team settings\n  "ignore": ["dist/**"],\n  "allowlist": [\n    { "fingerprint": "secret/aws-access-key:aaaaaaaaaaaaaaaa" }\n  ]\n}\n';
  const appended = applyTextEdits(existing, allowlistEdits(existing, entry));
  assert.match(appended, /\/\/ team settings/);
  const parsed = parseConfig(appended, '.keyhole.json');
  assert.deepEqual(parsed.allowlist.map((a) => a.fingerprint), ['secret/aws-access-key:aaaaaaaaaaaaaaaa', entry.fingerprint]);
  assert.deepEqual(parsed.ignore, ['dist/**']);
  assert.deepEqual(allowlistEdits(appended, entry), []);

  const noList = '{ "ignore": [] }';
  const added = applyTextEdits(noList, allowlistEdits(noList, entry));
  assert.deepEqual(parseConfig(added, '.keyhole.json').allowlist, [entry]);
});
