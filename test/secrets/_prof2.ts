import { readFileSync } from 'node:fs';
import { SECRET_FORMATS } from '../../src/core/secrets/formats';
import { KeywordScanner } from '../../src/core/secrets/keywordScanner';
import { createProviderDetector } from '../../src/core/secrets/providerDetector';
import { LineIndex } from '../../src/core/text';
let text = '';
for (const f of process.argv.slice(2)) text += readFileSync(f, 'utf8') + '\n';
const ctx = { path: 'bench.js', language: 'javascript' as const, text, lines: new LineIndex(text), lower: text.toLowerCase(), tree: null, generated: false };
const sc = new KeywordScanner([...new Set(SECRET_FORMATS.flatMap((f) => f.keywords))]);
for (let i = 0; i < 3; i++) sc.scan(ctx.text);
let t0 = performance.now(); const hits = sc.scan(ctx.text); console.log('scan', (performance.now() - t0).toFixed(1));
console.log(sc.keywords.map((k, i) => [k, hits[i]?.length ?? 0] as const).filter(([, n]) => n > 0).map(([k, n]) => `${k}:${n}`).join(' '));
// per-format cost: detector over all formats minus one
const all = createProviderDetector();
for (let i = 0; i < 3; i++) all.detect(ctx);
t0 = performance.now(); for (let i = 0; i < 5; i++) all.detect(ctx); const base = (performance.now() - t0) / 5;
console.log('all', base.toFixed(1));
const rows: [string, number][] = [];
for (const f of SECRET_FORMATS) {
  const d = createProviderDetector(SECRET_FORMATS.filter((x) => x !== f));
  for (let i = 0; i < 2; i++) d.detect(ctx);
  t0 = performance.now(); for (let i = 0; i < 3; i++) d.detect(ctx); rows.push([f.id, base - (performance.now() - t0) / 3]);
}
rows.sort((a, b) => b[1] - a[1]);
console.log(rows.slice(0, 12).map(([id, ms]) => `${id.padEnd(40)} ${ms.toFixed(1)}`).join('\n'));
