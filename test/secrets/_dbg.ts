import { SECRET_FORMATS } from '../../src/core/secrets/formats';
import { createProviderDetector } from '../../src/core/secrets/providerDetector';
import { LineIndex } from '../../src/core/text';
const id = process.argv[2];
const f = SECRET_FORMATS.find((x) => x.id === id)!;
const d = createProviderDetector([f]);
for (const s of [...f.samples.positives, ...f.samples.negatives]) {
  const m = [...s.matchAll(new RegExp(f.pattern.source, f.pattern.flags + 'g'))].map((x) => x.groups?.secret);
  const found = d.detect({ path: 'x', language: 'text', text: s, lines: new LineIndex(s), lower: s.toLowerCase(), tree: null, generated: false });
  console.log(JSON.stringify(s.slice(0, 80)), 'regex:', m.length, 'found:', found.map((x) => x.confidence + ' ' + x.message));
}
