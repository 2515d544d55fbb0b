import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  acmeKey, closeAllEditors, deleteFile, diagnosticOf, fakePassword, keyhole, keyholeDiagnostics, noDiagnosticOf, openFile, openUntitled,
  readFile, scannedDiagnostics, setSetting, sleep, typeAtEnd, waitFor, writeFile,
} from '../helpers';

describe('Settings and the workspace configuration', () => {
  let configBefore: string | undefined;
  before(async () => {
    await keyhole();
    configBefore = await readFile('.keyhole.json');
  });
  afterEach(async () => {
    await closeAllEditors();
    if (configBefore !== undefined && (await readFile('.keyhole.json')) !== configBefore) await writeFile('.keyhole.json', configBefore);
  });

  it('turns a rule off with keyhole.rules, and back on', async () => {
    const editor = await openUntitled('python', `DB_PASSWORD = "${fakePassword(30)}"\n`);
    await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    const restore = await setSetting('keyhole', 'rules', { 'secret/generic-password': 'off' });
    try {
      await noDiagnosticOf(editor.document.uri, 'secret/generic-password', 3000);
    } finally {
      await restore();
    }
    await diagnosticOf(editor.document.uri, 'secret/generic-password', 3000);
  });

  it('overrides a rule\'s severity with keyhole.rules', async () => {
    const editor = await openUntitled('python', `DB_PASSWORD = "${fakePassword(31)}"\n`);
    const before = await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    const restore = await setSetting('keyhole', 'rules', { 'secret/generic-password': 'info' });
    try {
      const after = await waitFor('a Hint diagnostic', () => keyholeDiagnostics(editor.document.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Hint), 3000);
      assert.notEqual(before.severity, after.severity);
    } finally {
      await restore();
    }
  });

  it('with keyhole.run onSave, typing does not scan and saving does', async () => {
    const restore = await setSetting('keyhole', 'run', 'onSave');
    try {
      const editor = await openFile('src/on-save.py', 'import os\n');
      await scannedDiagnostics(editor.document);
      await typeAtEnd(editor, `DB_PASSWORD = "${fakePassword(32)}"\n`);
      await sleep(800);
      assert.deepEqual(keyholeDiagnostics(editor.document.uri), [], 'no scan while typing');
      await editor.document.save();
      await diagnosticOf(editor.document.uri, 'secret/generic-password', 2000);
    } finally {
      await restore();
      await deleteFile('src/on-save.py');
    }
  });

  it('waits keyhole.debounceMs after typing before scanning', async () => {
    const restore = await setSetting('keyhole', 'debounceMs', 1500);
    try {
      const editor = await openUntitled('python', 'import os\n');
      await scannedDiagnostics(editor.document);
      const typed = Date.now();
      await typeAtEnd(editor, `DB_PASSWORD = "${fakePassword(33)}"`);
      await sleep(600);
      assert.deepEqual(keyholeDiagnostics(editor.document.uri), [], 'still waiting for the pause');
      await diagnosticOf(editor.document.uri, 'secret/generic-password', 3000);
      assert.ok(Date.now() - typed >= 1400, `scanned ${Date.now() - typed} ms after typing`);
    } finally {
      await restore();
    }
  });

  it('does not scan files matched by keyhole.ignore', async () => {
    const restore = await setSetting('keyhole', 'ignore', ['generated/**']);
    try {
      const ignored = await openFile('generated/config.py', `DB_PASSWORD = "${fakePassword(34)}"\n`);
      assert.deepEqual(await scannedDiagnostics(ignored.document), []);
      const kept = await openFile('kept/config.py', `DB_PASSWORD = "${fakePassword(35)}"\n`);
      await diagnosticOf(kept.document.uri, 'secret/generic-password', 2000);
    } finally {
      await restore();
      await deleteFile('generated');
      await deleteFile('kept');
    }
  });

  it('picks up a custom rule added to .keyhole.json without a reload', async () => {
    const editor = await openUntitled('plaintext', `widget key: wdg_${acmeKey(36).slice(10)}\n`);
    assert.deepEqual(await scannedDiagnostics(editor.document), []);
    const config = JSON.parse(configBefore!.replace(/^\s*\/\/.*$/gm, ''));
    config.customRules.push({ id: 'secret/custom-widget', title: 'Widget key', pattern: 'wdg_[a-z0-9]{24}', keywords: ['wdg_'], severity: 'medium' });
    await writeFile('.keyhole.json', JSON.stringify(config, null, 2));
    const d = await diagnosticOf(editor.document.uri, 'secret/custom-widget', 5000);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('keeps scanning with the defaults when .keyhole.json is invalid, and says so', async () => {
    const editor = await openUntitled('python', `ACME = "${acmeKey(37)}"\nDB_PASSWORD = "${fakePassword(38)}"\n`);
    await diagnosticOf(editor.document.uri, 'secret/custom-acme-key', 2000);
    await writeFile('.keyhole.json', '{ "rules": { "secret/generic-password": "loud" } }');
    const api = await keyhole();
    await waitFor('the configuration problem in the log', () => api.recentLog().find((l) => l.includes('.keyhole.json') && l.includes('rules')), 5000);
    await noDiagnosticOf(editor.document.uri, 'secret/custom-acme-key', 3000);
    await diagnosticOf(editor.document.uri, 'secret/generic-password', 3000);
  });

  it('validates .keyhole.json against the shipped JSON schema', async () => {
    const editor = await openFile('.keyhole.json', '{\n  "maxFileSize": "big",\n  "unknownSetting": true\n}\n');
    const problems = await waitFor('JSON schema diagnostics', () => {
      const ds = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source !== 'Keyhole');
      return ds.length >= 2 ? ds : undefined;
    }, 20_000);
    assert.ok(problems.some((d) => d.range.start.line === 1), problems.map((d) => d.message).join(' | '));
    assert.ok(problems.some((d) => d.range.start.line === 2), problems.map((d) => d.message).join(' | '));
  });
});
