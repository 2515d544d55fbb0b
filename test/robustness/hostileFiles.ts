// A folder of hostile inputs beside normal files, for the CLI and engine robustness tests.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { githubToken } from '../tokens';

export const TOKEN = githubToken('Qw3rTy7UiOp9AsDfGh2JkLzXcVbNm1');
export const MINIFIED_BYTES = 50 * 1024 * 1024;
const DEPTH = 20_000;

const MINIFIED_CHUNK = 'function a(b,c){var d=b.map(function(e){return e*2+c});return d.filter(Boolean).join(",")}var x={k:"v",n:1,t:[1,2,3]};';

/** About 50 MB of one-line JavaScript with a token in the middle. */
export function minifiedJavaScript(): string {
  const half = MINIFIED_CHUNK.repeat(Math.ceil(MINIFIED_BYTES / 2 / MINIFIED_CHUNK.length));
  return `${half}var GITHUB_TOKEN="${TOKEN}";${half}`;
}

export function singleLineEnv(bytes = 5 * 1024 * 1024): string {
  return `PADDING=${'x'.repeat(bytes)} GITHUB_TOKEN=${TOKEN}`;
}

export const deepJson = () => `{"token": "${TOKEN}", "deep": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}, "objects": ${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}\n`;
export const deepYaml = () => `token: ${TOKEN}\ndeep: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\nobjects: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`;

/** A token on line 3 after CRLF lines; the column of the token on its line. */
export const CRLF_TOKEN_COLUMN = 'export GITHUB_TOKEN='.length;
export const crlfShell = () => `#!/bin/sh\r\necho start\r\nexport GITHUB_TOKEN=${TOKEN}\r\necho done\r\n`;
/** \n, \r\n and a lone \r: the token is on the fourth line (zero-based 3) as VS Code counts lines. */
export const mixedEndings = () => `# mixed\nname = "demo"\r\nother = 1\rtoken = "${TOKEN}"\nend = true\r\n`;
export const bomEnv = () => `\uFEFFAPP=demo\nGITHUB_TOKEN=${TOKEN}\n`;

/** Lines of base64 of random bytes, as in a PEM-less embedded blob: not secrets. */
export function base64Blob(): string {
  const body = randomBytes(3 * 1024 * 1024 / 4).toString('base64');
  const lines = body.match(/.{1,76}/g)!.join('\n');
  return `{"image": "data:image/png;base64,${body.slice(0, 200_000)}",\n "raw": "${body.slice(200_000, 400_000)}"}\n${lines.slice(0, 100_000)}\n`;
}

export function buildHostileFolder(): { dir: string; tokenFiles: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'keyhole-hostile-'));
  const files: Record<string, string | Buffer> = {
    'dist/bundle.min.js': minifiedJavaScript(),
    'config/huge.env': singleLineEnv(),
    'config/deep.json': deepJson(),
    'config/deep.yaml': deepYaml(),
    'data/invalid-utf8.txt': Buffer.concat([Buffer.from('prefix \xff\xfe\xc3\x28 ', 'latin1'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(` token ${TOKEN} \xa0\xa1\n`, 'latin1')]),
    'data/nul.bin.txt': Buffer.concat([Buffer.from(`GITHUB_TOKEN=${TOKEN}\n`), Buffer.alloc(64), Buffer.from('\0\0end\n')]),
    'scripts/crlf.sh': crlfShell(),
    'config/mixed.toml': mixedEndings(),
    'bom/.env': bomEnv(),
    'assets/blob.json': base64Blob(),
    'broken/config.json': `{"name": "demo", "token": "${TOKEN}", "list": [1, 2,, "unterminated\n`,
    'broken/values.yaml': `a: [1, 2\n  b: : :\n- - ]\ntoken: "${TOKEN}"\n  c: {d: "e\n`,
    'broken/main.tf': `resource "aws_x" "y" {\n  token = "${TOKEN}"\n  block {\n    = = }\n  "unterminated\n`,
    'normal/app.py': `import os\n\nGITHUB_TOKEN = "${TOKEN}"\n`,
  };
  // Enough ordinary files for the CLI to use its worker pool.
  for (let i = 0; i < 80; i++) files[`normal/module${i}.js`] = `export const value${i} = ${i};\nexport function f${i}(x) { return x + ${i}; }\n`;
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return { dir, tokenFiles: ['normal/app.py', 'scripts/crlf.sh', 'config/mixed.toml', 'bom/.env', 'config/deep.json', 'config/deep.yaml', 'broken/config.json', 'broken/values.yaml', 'broken/main.tf', 'data/invalid-utf8.txt'] };
}
