import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { ScanContext } from '../../src/core/detector';
import { SECRET_FORMATS } from '../../src/core/secrets/formats';
import { createProviderDetector, failsProviderCheck, formatRules } from '../../src/core/secrets/providerDetector';
import { LineIndex } from '../../src/core/text';
import { orphanSampleIds, samplesOf } from './formatSamples';

const detector = createProviderDetector();

function context(text: string, generated = false, path = 'sample.txt'): ScanContext {
  return { path, language: 'text', text, lines: new LineIndex(text), lower: text.toLowerCase(), tree: null, generated };
}

function ruleIdsFound(text: string, generated = false, path?: string): string[] {
  return detector.detect(context(text, generated, path)).map((f) => f.ruleId);
}

test('the catalogue has at least 80 formats with unique ids', () => {
  assert.ok(SECRET_FORMATS.length >= 80, `only ${SECRET_FORMATS.length} formats`);
  const ids = SECRET_FORMATS.map((f) => f.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
});

test('every format is complete data', () => {
  for (const f of SECRET_FORMATS) {
    const where = `format ${f.id}`;
    assert.match(f.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, where);
    assert.ok(f.title && f.provider, where);
    assert.match(f.docsUrl, /^https:\/\/\S+$/, `${where}: docs URL`);
    assert.match(f.rotationUrl, /^https:\/\/\S+$/, `${where}: rotation URL`);
    assert.ok(f.tags.includes('OWASP-NHI2'), `${where}: tags`);
    assert.ok((f.keywords.length > 0 || f.paths) && f.keywords.every((k) => k === k.toLowerCase() && k.length >= 2), `${where}: keywords`);
    if (f.paths) assert.ok(f.paths.test(samplesOf(f.id).path ?? ''), `${where}: samples need a path the format applies to`);
    assert.ok(/\(\?<secret>/.test(f.pattern.source), `${where}: named group secret`);
    assert.ok(!f.pattern.global && !f.pattern.sticky, `${where}: flags are added by the detector`);
    assert.doesNotThrow(() => new RegExp(f.pattern.source, f.pattern.flags + 'gd'), where);
    assert.ok(samplesOf(f.id).positives.length > 0 && samplesOf(f.id).negatives.length > 0, `${where}: samples both ways`);
    if (f.context?.required) assert.ok(f.context.what, where);
  }
});

test('every sample entry belongs to a format', () => {
  assert.deepEqual(orphanSampleIds(), []);
});

test('no unbounded quantifiers in any pattern', () => {
  for (const f of SECRET_FORMATS) {
    const source = f.pattern.source.replace(/\\./g, '').replace(/\[[^\]]*\]/g, 'C');
    assert.doesNotMatch(source, /[*+]|\{\d+,\}/, `format ${f.id} has an unbounded quantifier: ${f.pattern.source}`);
  }
});

for (const f of SECRET_FORMATS) {
  test(`secret/${f.id}: samples`, () => {
    const rule = `secret/${f.id}`;
    const found = (sample: string) => ruleIdsFound(sample, false, samplesOf(f.id).path);
    samplesOf(f.id).positives.forEach((sample, i) => {
      assert.ok(found(sample).includes(rule), `positive #${i + 1} not found by ${rule}; found: ${found(sample).join(', ') || 'nothing'}`);
    });
    samplesOf(f.id).negatives.forEach((sample, i) => {
      assert.ok(!found(sample).includes(rule), `negative #${i + 1} found by ${rule}`);
    });
  });
}

test('every positive keyword-matches: the prefilter never hides a sample', () => {
  for (const f of SECRET_FORMATS.filter((x) => !x.paths)) {
    for (const sample of samplesOf(f.id).positives) {
      const lower = sample.toLowerCase();
      assert.ok(f.keywords.some((k) => lower.includes(k)), `secret/${f.id}: no keyword in a positive sample`);
    }
  }
});

test('findings carry a redacted message and never the value', () => {
  for (const f of SECRET_FORMATS) {
    for (const sample of samplesOf(f.id).positives) {
      for (const finding of detector.detect(context(sample, false, samplesOf(f.id).path))) {
        const value = sample.slice(finding.valueSpan!.start, finding.valueSpan!.end);
        assert.ok(!finding.message.includes(value), `${finding.ruleId}: message shows the value`);
        assert.ok(!finding.evidence.some((e) => e.includes(value)), `${finding.ruleId}: evidence shows the value`);
        assert.ok(value.length > 0);
      }
    }
  }
});

test('generated files only get validated findings', () => {
  for (const f of SECRET_FORMATS) {
    for (const sample of samplesOf(f.id).positives) {
      for (const finding of detector.detect(context(sample, true, samplesOf(f.id).path))) assert.equal(finding.confidence, 'validated', finding.ruleId);
    }
  }
});

test('rule metadata comes from the catalogue', () => {
  const rules = formatRules();
  assert.equal(rules.length, SECRET_FORMATS.length);
  assert.deepEqual(detector.rules, rules);
  for (const r of rules) {
    assert.match(r.id, /^secret\//);
    assert.ok(r.description.length > 20 && r.docsUrl && r.rotationUrl, r.id);
  }
});

const GITHUB_EXAMPLE = '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';

test('the keyword prefilter runs a format only when one of its keywords occurs', () => {
  const format = SECRET_FORMATS.find((f) => f.id === 'github-pat-classic')!;
  const withoutKeyword = createProviderDetector([{ ...format, keywords: ['never-present'] }]);
  assert.deepEqual(withoutKeyword.detect(context(`token = ${GITHUB_EXAMPLE}`)), []);
  assert.equal(createProviderDetector([format]).detect(context(`token = ${GITHUB_EXAMPLE}`)).length, 1);
});

test('findings point at the value, with the message explaining the proof', () => {
  const text = `const token = "${GITHUB_EXAMPLE}";\n`;
  const [finding] = detector.detect(context(text));
  assert.equal(text.slice(finding.valueSpan!.start, finding.valueSpan!.end), GITHUB_EXAMPLE);
  assert.deepEqual(finding.span, finding.valueSpan);
  assert.equal(finding.confidence, 'validated');
  assert.equal(finding.message, 'GitHub personal access token (classic) ghp_…Cuv1K: prefix and CRC32 checksum verified.');
});

test('one finding per value: the more specific format wins', () => {
  const serviceAccount = samplesOf('gcp-service-account-key').positives[0];
  assert.deepEqual(ruleIdsFound(serviceAccount), ['secret/gcp-service-account-key']);
  const cloneUrl = `git clone https://x-access-token:${GITHUB_EXAMPLE}@github.com/acme/app.git`;
  assert.deepEqual(ruleIdsFound(cloneUrl), ['secret/github-pat-classic']);
});

test('tokens are not matched inside longer words or base64 runs', () => {
  assert.deepEqual(ruleIdsFound(`x${GITHUB_EXAMPLE}`), []);
  assert.deepEqual(ruleIdsFound(`${GITHUB_EXAMPLE}x`), []);
  const integrity = '"integrity": "sha512-Zm9vYmFyAKIAJ7KXB2MW4QZPLRT5NcAIzaSyD8a7b6c5d4e3f2g1h0i9j8k7l6m5n4o3p2XYZabc==",';
  assert.deepEqual(ruleIdsFound(integrity), []);
  assert.deepEqual(ruleIdsFound(integrity, true), []);
});

test('context words count only within the format\'s line window', () => {
  const key = 'Zp3rT8vQ1mX6nB0cK4wY7uH2sL9aD5fG1jE8iO3q';
  assert.deepEqual(ruleIdsFound(`aws_secret_access_key = ${key}`), ['secret/aws-secret-access-key']);
  assert.deepEqual(ruleIdsFound(`# aws_secret_access_key below\n\n${key}`), ['secret/aws-secret-access-key']);
  assert.deepEqual(ruleIdsFound(`# aws_secret_access_key far above\n\n\n\nvalue = ${key}`), []);
});

test('generated files skip formats that cannot be validated', () => {
  const text = `DD_API_KEY=8f3c2a9b7e6d5c4b3a29180f7e6d5c4b\nGITHUB_TOKEN=${GITHUB_EXAMPLE}`;
  assert.deepEqual(ruleIdsFound(text), ['secret/github-pat-classic', 'secret/datadog-api-key']);
  assert.deepEqual(ruleIdsFound(text, true), ['secret/github-pat-classic']);
});

test('JWT severity depends on a secret context; expired and unsigned tokens are low', () => {
  const jwt = (payload: object, alg = 'HS256') =>
    `${Buffer.from(JSON.stringify({ alg, typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
  const live = jwt({ sub: 'ci', exp: 4102444800 });
  const severity = (text: string) => detector.detect(context(text)).find((f) => f.ruleId === 'secret/jwt')?.severity;
  assert.equal(severity(`Authorization: Bearer ${live}`), 'high');
  assert.equal(severity(`example_response = "${live}"`), 'medium');
  assert.equal(severity(`token = "${jwt({ sub: 'ci', exp: 1500000000 })}"`), 'low');
  assert.equal(severity(`token = "${jwt({ sub: 'ci' }, 'none')}"`), 'low');
  const handMade = `${live.split('.').slice(0, 2).join('.')}.${Buffer.from('signature-example').toString('base64url')}`;
  assert.equal(severity(`example: ${handMade}`), undefined, 'a readable signature marks a hand-made example');
});

test('failsProviderCheck tells other detectors that a token-shaped value failed its own checksum', () => {
  assert.equal(failsProviderCheck(GITHUB_EXAMPLE), false);
  assert.equal(failsProviderCheck(`${GITHUB_EXAMPLE.slice(0, -1)}L`), true);
  assert.equal(failsProviderCheck('hunter2-correct-horse'), false);
  assert.equal(failsProviderCheck(`x${GITHUB_EXAMPLE}`), false, 'only whole values');
});
