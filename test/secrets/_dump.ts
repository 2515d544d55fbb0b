import { SECRET_FORMATS } from '../../src/core/secrets/formats';
import { createProviderDetector } from '../../src/core/secrets/providerDetector';
import { LineIndex } from '../../src/core/text';
const d = createProviderDetector();
for (const f of SECRET_FORMATS) for (const s of f.samples.positives) {
  const found = d.detect({ path: 'x', language: 'text', text: s, lines: new LineIndex(s), lower: s.toLowerCase(), tree: null, generated: false });
  for (const x of found) console.log(x.ruleId.padEnd(40), x.confidence.padEnd(9), (x.severity ?? '').padEnd(8), x.message);
}
console.log(SECRET_FORMATS.length);
