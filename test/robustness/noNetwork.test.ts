// Keyhole sends nothing anywhere: no shipped bundle and no source file may reach the network. Every
// occurrence of a network API must be one of the few explained below, each a path Keyhole never takes
// or, for the web extension, a read of the extension's own packaged grammar files.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const MODULES = '(?:node:)?(?:http|https|http2|net|tls|dgram|dns|undici)';
const NETWORK = new RegExp([
  `\\brequire\\(\\s*["'\`]${MODULES}["'\`]\\s*\\)`,
  `\\bfrom\\s*["'\`]${MODULES}["'\`]`,
  `\\bimport\\(\\s*["'\`]${MODULES}["'\`]\\s*\\)`,
  `\\bimport\\s*["'\`]${MODULES}["'\`]`,
  '(?<![\\w$.])fetch\\s*\\(',
  '\\b(?:globalThis|window|self)\\s*\\.\\s*fetch\\b',
  '\\bWebSocket\\b',
  '\\bXMLHttpRequest\\b',
  '\\bEventSource\\b',
  '\\bsendBeacon\\b',
].join('|'), 'g');

interface Allowed {
  /** Matched against the 400 characters before and 200 after the occurrence. */
  context: RegExp;
  why: string;
}

// web-tree-sitter's Emscripten runtime: all three read wasm by URL only when not given bytes. Keyhole
// always passes bytes (ParserHost: Parser.init({ wasmBinary }) and Language.load(Uint8Array)), which the
// source test below pins down.
const NAMED = (fn: string) => `(?:/\\* @__PURE__ \\*/ __name\\()?${fn}`;
const WEB_TREE_SITTER: Allowed[] = [
  { context: new RegExp(`readBinary = ${NAMED('\\(url\\) => \\{')}\\s*var xhr = new XMLHttpRequest\\(\\);\\s*xhr\\.open\\("GET", url, false\\)`), why: 'Emscripten readBinary (web worker): reads the runtime wasm by URL only when no wasmBinary is given' },
  { context: new RegExp(`readAsync = ${NAMED('async \\(url\\) => \\{')}\\s*if \\(isFileURI\\(url\\)\\) \\{\\s*return new Promise\\(\\(\\w+, \\w+\\) => \\{\\s*var xhr = new XMLHttpRequest\\(\\);`), why: 'Emscripten readAsync, file: URLs' },
  { context: /xhr\.send\(null\);\s*\}\);\s*\}\s*var response = await fetch\(url, \{\s*credentials: "same-origin"/, why: 'Emscripten readAsync: loads the runtime wasm by URL only when no wasmBinary is given' },
  { context: /if \(!binary2 && !isFileURI\(binaryFile\) && !ENVIRONMENT_IS_NODE\) \{\s*try \{\s*var response = fetch\(binaryFile/, why: 'Emscripten instantiateAsync: only without wasmBinary' },
  { context: /if \(input instanceof Uint8Array\) \{[\s\S]*\} else \{\s*const response = await fetch\(input\);/, why: 'Language.load: only for a URL, never for bytes' },
];
// The web extension reads grammar bytes through vscode.workspace.fs; a web host that cannot falls back to fetching the same file of the extension's own URI.
const OWN_GRAMMARS: Allowed = {
  context: /const uri = (?:vscode\w*\.)?Uri\.joinPath\(extensionUri, "dist", "grammars", fileName\);[\s\S]*if \(!\/\^https\?\$\/\.test\(uri\.scheme\) \|\| typeof fetch !== "function"\) throw err\w*;\s*const response = await fetch\(uri\.toString\(true\)\);/,
  why: "the web extension's fallback read of its own dist/grammars file",
};

function occurrences(text: string): { index: number; match: string; context: string }[] {
  return [...text.matchAll(NETWORK)].map((m) => ({
    index: m.index!,
    match: m[0],
    context: text.slice(Math.max(0, m.index! - 400), m.index! + 200),
  }));
}

function unexplained(file: string, allowed: Allowed[]): string[] {
  const text = readFileSync(file, 'utf8');
  return occurrences(text)
    .filter((o) => !allowed.some((a) => a.context.test(o.context)))
    .map((o) => `${relative(root, file)}:${text.slice(0, o.index).split('\n').length}: ${o.match}`);
}

function files(dir: string, suffix: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, suffix, out);
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

test('the NETWORK pattern catches what it must (self-check)', () => {
  for (const sample of ['require("https")', "import { request } from 'node:http';", 'await fetch(url)', 'new WebSocket(u)', 'navigator.sendBeacon(u, d)', 'globalThis.fetch', 'require("node:dns")', "import('undici')"]) {
    assert.equal(occurrences(sample).length, 1, sample);
  }
  for (const sample of ['ENV.fetch("KEY")', 'prefetch(x)', 'const httpish = 1;']) assert.equal(occurrences(sample).length, 0, sample);
});

test('shipped bundles reach no network, apart from explained paths', () => {
  const bundles = files(join(root, 'dist'), '.js');
  for (const required of ['cli.js', 'scan-worker.js', 'extension.js', join('web', 'extension.js')]) {
    assert.ok(existsSync(join(root, 'dist', required)), `dist/${required} missing: run node scripts/build.mjs`);
  }
  const web = join(root, 'dist', 'web', 'extension.js');
  const extensions = [web, join(root, 'dist', 'extension.js')];
  const problems = bundles.flatMap((b) => unexplained(b, extensions.includes(b) ? [...WEB_TREE_SITTER, OWN_GRAMMARS] : WEB_TREE_SITTER));
  assert.deepEqual(problems, []);
  // The web bundle's one fetch of its own is there: the allowance above is exact, not blanket.
  assert.ok(occurrences(readFileSync(web, 'utf8')).some((o) => OWN_GRAMMARS.context.test(o.context)));
});

test('source files reach no network, apart from the grammar fallback', () => {
  const wasmSource = join(root, 'src', 'extension', 'wasmSource.ts');
  const ownGrammars: Allowed = {
    context: /const uri = vscode\.Uri\.joinPath\(extensionUri, 'dist', 'grammars', fileName\);[\s\S]*const response = await fetch\(uri\.toString\(true\)\);/,
    why: OWN_GRAMMARS.why,
  };
  const problems = files(join(root, 'src'), '.ts').flatMap((f) => unexplained(f, f === wasmSource ? [ownGrammars] : []));
  assert.deepEqual(problems, []);
  assert.equal(occurrences(readFileSync(wasmSource, 'utf8')).filter((o) => o.match.startsWith('fetch')).length, 1);
});

test('Keyhole hands web-tree-sitter bytes, so its URL-loading paths are never taken', () => {
  const host = readFileSync(join(root, 'src', 'parsing', 'parserHost.ts'), 'utf8');
  assert.match(host, /Parser\.init\(\{ wasmBinary:/);
  assert.match(host, /Language\.load\(await this\.source\.read\(/);
  assert.doesNotMatch(host, /Language\.load\((?!await this\.source\.read)/);
  const sourceType = readFileSync(join(root, 'src', 'parsing', 'parserHost.ts'), 'utf8');
  assert.match(sourceType, /read\(fileName: string\): Promise<Uint8Array>/);
});
