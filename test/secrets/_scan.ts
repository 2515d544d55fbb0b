import { readFileSync } from 'node:fs';
import { scanText } from '../harness';
(async () => {
  for (const f of process.argv.slice(2)) {
    const r = await scanText(f, readFileSync(f, 'utf8'));
    for (const x of r.findings) console.log(f, x.ruleId, x.range.start.line + 1, x.confidence, x.message.slice(0, 100));
    for (const x of r.suppressed) console.log('SUPPRESSED', x.ruleId);
    if (r.skipped) console.log('skipped', r.skipped);
  }
})();
