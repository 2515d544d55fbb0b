import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { providerDetector } from '../../src/core/secrets/providerDetector';
import { LineIndex } from '../../src/core/text';
function walk(d: string, out: string[] = []): string[] { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p, out); else out.push(p); } return out; }
const files = walk(process.argv[2]).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
const bytes = files.reduce((a, x) => a + x.text.length, 0);
const run = () => { let n = 0; for (const { f, text } of files) n += providerDetector.detect({ path: f, language: 'text', text, lines: new LineIndex(text), lower: text.toLowerCase(), tree: null, generated: false }).length; return n; };
for (let i = 0; i < 3; i++) run();
const t0 = performance.now(); let n = 0; for (let i = 0; i < 10; i++) n = run(); const ms = (performance.now() - t0) / 10;
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(2)} MB: ${ms.toFixed(1)} ms (${(ms * 1000 / files.length).toFixed(0)} µs/file), ${n} findings`);
