import { readFileSync } from 'node:fs';
import { SECRET_FORMATS } from '../../src/core/secrets/formats';
import { createProviderDetector } from '../../src/core/secrets/providerDetector';
import { LineIndex } from '../../src/core/text';
let text = '';
for (const f of process.argv.slice(2)) text += readFileSync(f, 'utf8') + '\n';
const ctx = { path: 'bench.js', language: 'javascript' as const, text, lines: new LineIndex(text), lower: text.toLowerCase(), tree: null, generated: false };
const rows: [string, number][] = [];
for (const f of SECRET_FORMATS) {
  const d = createProviderDetector([f]);
  const t0 = performance.now();
  d.detect(ctx);
  rows.push([f.id, performance.now() - t0]);
}
rows.sort((a, b) => b[1] - a[1]);
console.log(rows.slice(0, 25).map(([id, ms]) => `${id.padEnd(40)} ${ms.toFixed(1)}`).join('\n'));
console.log('total', rows.reduce((a, r) => a + r[1], 0).toFixed(0));
