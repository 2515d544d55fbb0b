// The extension's manifest, packaging list, suppression grammar and web bundle, checked without an editor
// (test/integration/ runs the extension itself inside VS Code).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Minimatch } from 'minimatch';

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const grammar = JSON.parse(readFileSync(join(root, 'syntaxes/keyhole-suppressions.tmLanguage.json'), 'utf8'));

/** Whether vsce would package the file, with .vscodeignore's "exclude everything, then re-include" patterns. */
function packaged(path: string): boolean {
  const patterns = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  let included = true;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    if (new Minimatch(negated ? p.slice(1) : p, { dot: true }).match(path)) included = negated;
  }
  return included;
}

test('the package includes every file the manifest points at, and leaves sources and tests out', () => {
  const pointedAt = [
    manifest.main, manifest.browser,
    ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url),
    ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
    ...manifest.contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
    'dist/extension-worker.js', 'dist/grammars/tree-sitter-python.wasm', 'dist/grammars/web-tree-sitter.wasm', 'README.md', 'LICENSE', 'package.json',
  ].map((p: string) => p.replace(/^\.\//, ''));
  for (const p of pointedAt) {
    assert.ok(packaged(p), `${p} is packaged`);
    assert.ok(existsSync(join(root, p)) || p.startsWith('dist/'), `${p} exists`);
  }
  for (const p of ['src/extension/extension.ts', 'test/integration/workspace/.keyhole.json', 'node_modules/minimatch/package.json', 'dist/cli.js', 'dist/extension.js.map', '.env', 'keyhole.vsix']) {
    assert.ok(!packaged(p), `${p} stays out of the package`);
  }
});

test('every keyhole.* setting the extension reads is declared with a default', () => {
  const declared = manifest.contributes.configuration.properties as Record<string, { default?: unknown }>;
  const source = readFileSync(join(root, 'src/extension/settings.ts'), 'utf8');
  const read = [...source.matchAll(/c\.get(?:<[^>]+>)?\('([\w.]+)'/g)].map((m) => `keyhole.${m[1]}`);
  assert.ok(read.length >= 8, `found ${read.length} settings`);
  for (const key of read) {
    assert.ok(declared[key], `${key} is declared`);
    assert.ok('default' in declared[key], `${key} has a default`);
  }
});

test('activation is on startup-finished and on a workspace configuration file only', () => {
  assert.deepEqual(manifest.activationEvents, ['onStartupFinished', 'workspaceContains:.keyhole.json', 'workspaceContains:keyhole.config.json']);
});

const directive = new RegExp(grammar.repository.directive.match);

test('the suppression grammar marks the directive, the rule ids and the reason in every comment style', () => {
  const cases: [string, string, string | undefined, string | undefined][] = [
    ['// keyhole-ignore secret/github-pat-classic -- revoked test token', 'keyhole-ignore', 'secret/github-pat-classic', 'revoked test token'],
    ['# keyhole-ignore-next-line secret/a, secret/b -- fixtures', 'keyhole-ignore-next-line', 'secret/a, secret/b', 'fixtures'],
    ['/* keyhole-disable secret -- generated file */', 'keyhole-disable', 'secret', 'generated file '],
    ['<!-- keyhole-ignore-next-line secret/x -- docs sample -->', 'keyhole-ignore-next-line', 'secret/x', 'docs sample '],
    ['; keyhole-enable', 'keyhole-enable', undefined, undefined],
  ];
  for (const [comment, marker, ids, reason] of cases) {
    const m = directive.exec(comment);
    assert.ok(m, comment);
    assert.equal(m[1], marker);
    assert.equal(m[2]?.trim() || undefined, ids);
    assert.equal(m[4], reason);
  }
  assert.equal(directive.exec('// keyhole-ignored is not a directive'), null);
  assert.equal(directive.exec('// see my-keyhole-ignore helper'), null);
});

test('the suppression grammar is injected into comments of the supported languages', () => {
  assert.equal(grammar.injectionSelector, 'L:comment');
  const injectTo: string[] = manifest.contributes.grammars[0].injectTo;
  for (const scope of ['source.js', 'source.ts', 'source.python', 'source.go', 'source.yaml', 'source.shell', 'source.dotenv', 'text.html.markdown']) {
    assert.ok(injectTo.includes(scope), scope);
  }
});

test('the web bundle needs no Node module at run time', { skip: !existsSync(join(root, 'dist/web/extension.js')) && 'run the build first' }, () => {
  const bundle = readFileSync(join(root, 'dist/web/extension.js'), 'utf8');
  const required = new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
  // `fs` is required only on web-tree-sitter's Node branch, which a worker (no `process`) never takes.
  assert.deepEqual([...required].sort(), ['fs', 'vscode']);
  assert.ok(!/\bBuffer\.|\bprocess\.cwd\(/.test(bundle), 'no Buffer or process.cwd use');
});
