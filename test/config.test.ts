import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ALLOWLIST_PROPERTIES, CONFIG_PROPERTIES, ConfigError, CUSTOM_RULE_PROPERTIES, DEFAULT_CONFIG, isIgnoredPath, LANGUAGE_KEYS, LIFECYCLE_PROPERTIES,
  parseConfig, patternProblem, RULE_SETTING_PROPERTIES, ruleSetting, stripJsonComments, type ResolvedConfig,
} from '../src/core/config';
import { customRulesDetector } from '../src/core/customRules';
import { Engine } from '../src/core/engine';
import { SEVERITIES } from '../src/core/types';

const SOURCE = '.keyhole.json';
const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'keyhole.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const KHTEST_RULE = { id: 'secret/custom-khtest', title: 'Keyhole test token', pattern: 'KHTEST_[A-Z0-9]{20}', keywords: ['KHTEST_'], severity: 'high' };

function configOf(value: unknown): ResolvedConfig {
  return parseConfig(JSON.stringify(value), SOURCE);
}

function errorOf(text: string): string {
  try {
    parseConfig(text, SOURCE);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `not a ConfigError: ${err}`);
    return err.message;
  }
  assert.fail(`accepted: ${text}`);
}

test('an empty configuration gives the defaults, as a fresh object', () => {
  const config = configOf({});
  assert.deepEqual(config, DEFAULT_CONFIG);
  config.ignore.push('x');
  config.maxFileSize = 1;
  assert.deepEqual(DEFAULT_CONFIG.ignore, []);
  assert.equal(DEFAULT_CONFIG.maxFileSize, 2 * 1024 * 1024);
});

test('a full configuration with comments', () => {
  const text = `{
    "$schema": "./node_modules/keyhole/schemas/keyhole.schema.json",
    // Generated and vendored code.
    "ignore": ["vendor/**", "*.min.js"],
    /* Rule settings: "off", a severity, or both. */
    "rules": {
      "secret": "medium",
      "secret/generic-password": "off",
      "secret/github-pat": { "severity": "critical" },
      "iam/": { "enabled": false }
    },
    "allowlist": [
      { "fingerprint": "secret/github-pat:0123abcd0123abcd", "reason": "revoked token in a test", "path": "test/fixtures/gh.txt" },
      { "fingerprint": "secret/acme/widget-key:fedcba9876543210" }
    ],
    "customRules": [
      ${JSON.stringify(KHTEST_RULE)},
      { "id": "secret/acme/widget-key", "title": "Acme widget key", "pattern": "WIDGET-(?<secret>[a-f0-9]{32})",
        "keywords": ["widget-"], "severity": "medium", "description": "Keys for the Acme widget API.", "confidence": "context" }
    ],
    "maxFileSize": 1048576,
    "languages": { "kotlin": false, "python": true, "markdown": false },
    "envFile": "config/.env.local", // where fixes put secrets
    "lifecycle": { "maxTokenTtlHours": 12, "maxKeyAgeDays": 30 }
  }`;
  assert.deepEqual(parseConfig(text, SOURCE), {
    ignore: ['vendor/**', '*.min.js'],
    rules: {
      secret: { enabled: true, severity: 'medium' },
      'secret/generic-password': { enabled: false },
      'secret/github-pat': { severity: 'critical' },
      'iam/': { enabled: false },
    },
    allowlist: [
      { fingerprint: 'secret/github-pat:0123abcd0123abcd', reason: 'revoked token in a test', path: 'test/fixtures/gh.txt' },
      { fingerprint: 'secret/acme/widget-key:fedcba9876543210' },
    ],
    customRules: [
      { ...KHTEST_RULE, keywords: ['khtest_'] },
      { id: 'secret/acme/widget-key', title: 'Acme widget key', pattern: 'WIDGET-(?<secret>[a-f0-9]{32})', keywords: ['widget-'], severity: 'medium', description: 'Keys for the Acme widget API.', confidence: 'context' },
    ],
    maxFileSize: 1048576,
    disabledLanguages: ['kotlin', 'markdown'],
    envFile: 'config/.env.local',
    lifecycle: { maxTokenTtlHours: 12, maxSessionHours: 1, maxSignedTokenHours: 24, maxKeyAgeDays: 30 },
  });
});

test('comments are stripped outside strings only, keeping line breaks', () => {
  const text = '{\n  "url": "https://example.test//path", // a comment\n  "glob": "src/**/*.ts", /* block\n comment */ "q": "say \\"//\\""\n}';
  const stripped = stripJsonComments(text);
  assert.deepEqual(JSON.parse(stripped), { url: 'https://example.test//path', glob: 'src/**/*.ts', q: 'say "//"' });
  assert.equal(stripped.split('\n').length, text.split('\n').length);
  assert.equal(stripped.length, text.length);
});

test('every error is one line naming the file and the JSON path', () => {
  const rule = (extra: object) => JSON.stringify({ customRules: [{ ...KHTEST_RULE, ...extra }] });
  const cases: [string, string][] = [
    ['[]', '.keyhole.json: expected a JSON object'],
    ['{"igonre": []}', '.keyhole.json: igonre: unknown property (expected one of $schema, ignore, rules, allowlist, customRules, maxFileSize, languages, envFile, lifecycle)'],
    ['{"ignore": "dist"}', '.keyhole.json: ignore: expected an array'],
    ['{"ignore": ["dist", ""]}', '.keyhole.json: ignore[1]: expected a non-empty string'],
    ['{"rules": []}', '.keyhole.json: rules: expected an object'],
    ['{"rules": {"secret/github-pat": "loud"}}', '.keyhole.json: rules["secret/github-pat"]: expected "off", a severity or an object (severity is one of critical, high, medium, low, info)'],
    ['{"rules": {"secret/github-pat": false}}', '.keyhole.json: rules["secret/github-pat"]: expected "off", a severity or an object'],
    ['{"rules": {"secrets/github-pat": "off"}}', '.keyhole.json: rules["secrets/github-pat"]: expected a rule id or a category prefix (secret, iam, agent, lifecycle), e.g. "secret/github-pat" or "secret"'],
    ['{"rules": {"secret": {"enable": false}}}', '.keyhole.json: rules.secret.enable: unknown property (expected one of enabled, severity)'],
    ['{"rules": {"secret": {"enabled": "no"}}}', '.keyhole.json: rules.secret.enabled: expected true or false'],
    ['{"rules": {"iam": {"severity": "urgent"}}}', '.keyhole.json: rules.iam.severity: expected a severity (critical, high, medium, low, info)'],
    ['{"allowlist": [{"reason": "x"}]}', '.keyhole.json: allowlist[0]: missing required property "fingerprint"'],
    ['{"allowlist": [{"fingerprint": "0123abcd0123abcd"}]}', '.keyhole.json: allowlist[0].fingerprint: expected a finding fingerprint such as "secret/github-pat:0123abcd0123abcd"'],
    ['{"allowlist": [{"fingerprint": "secret/x:0123abcd0123abcd", "line": 3}]}', '.keyhole.json: allowlist[0].line: unknown property (expected one of fingerprint, reason, path)'],
    ['{"allowlist": ["secret/x:0123abcd0123abcd"]}', '.keyhole.json: allowlist[0]: expected an object'],
    [rule({ id: 'secret/github-pat' }), '.keyhole.json: customRules[0].id: expected "secret/custom-<name>" or a namespaced "secret/<namespace>/<name>" (lower case)'],
    [rule({ title: undefined }), '.keyhole.json: customRules[0]: missing required property "title"'],
    [rule({ pattern: 'KHTEST_[A-Z' }), '.keyhole.json: customRules[0].pattern: invalid regular expression (/KHTEST_[A-Z/: Unterminated character class)'],
    [rule({ pattern: '(?i)khtest_[a-z0-9]{20}' }), '.keyhole.json: customRules[0].pattern: invalid regular expression (/(?i)khtest_[a-z0-9]{20}/: Invalid group)'],
    [rule({ pattern: '(KHTEST_[A-Z0-9]+)+' }), '.keyhole.json: customRules[0].pattern: nested unbounded quantifiers such as (a+)+ can backtrack catastrophically; bound one of them, e.g. {1,64}'],
    [rule({ pattern: '[A-Z0-9]*' }), '.keyhole.json: customRules[0].pattern: the pattern matches the empty string'],
    [rule({ keywords: [] }), '.keyhole.json: customRules[0].keywords: expected at least one keyword (files without any of them are not matched)'],
    [rule({ keywords: 'khtest_' }), '.keyhole.json: customRules[0].keywords: expected an array'],
    [rule({ severity: 'severe' }), '.keyhole.json: customRules[0].severity: expected a severity (critical, high, medium, low, info)'],
    [rule({ confidence: 'certain' }), '.keyhole.json: customRules[0].confidence: expected one of validated, context, heuristic'],
    [rule({ flags: 'i' }), '.keyhole.json: customRules[0].flags: unknown property (expected one of id, title, pattern, keywords, severity, description, confidence)'],
    [JSON.stringify({ customRules: [KHTEST_RULE, KHTEST_RULE] }), '.keyhole.json: customRules[1].id: duplicate rule id "secret/custom-khtest"'],
    ['{"maxFileSize": "2MB"}', '.keyhole.json: maxFileSize: expected a positive whole number of bytes'],
    ['{"maxFileSize": 0}', '.keyhole.json: maxFileSize: expected a positive whole number of bytes'],
    ['{"maxFileSize": 1.5}', '.keyhole.json: maxFileSize: expected a positive whole number of bytes'],
    ['{"languages": {"cobol": false}}', `.keyhole.json: languages.cobol: unknown property (expected one of ${LANGUAGE_KEYS.join(', ')})`],
    ['{"languages": {"kotlin": "off"}}', '.keyhole.json: languages.kotlin: expected true or false'],
    ['{"envFile": "/etc/app.env"}', '.keyhole.json: envFile: expected a path relative to the workspace root, inside it'],
    ['{"envFile": "../shared/.env"}', '.keyhole.json: envFile: expected a path relative to the workspace root, inside it'],
    ['{"envFile": 3}', '.keyhole.json: envFile: expected a non-empty string'],
    ['{"$schema": 1}', '.keyhole.json: $schema: expected a non-empty string'],
    ['{"rules": {"secret": "off",}}', '.keyhole.json: not valid JSON at line 1, column 28 (Expected double-quoted property name)'],
    ['{\n  "ignore": ["a"]\n  "rules": {}\n}', '.keyhole.json: not valid JSON at line 3, column 3 (Expected \',\' or \'}\' after property value)'],
    ['{"ignore": [}', ".keyhole.json: not valid JSON (Unexpected token '}')"],
    ['', '.keyhole.json: not valid JSON (Unexpected end of JSON input)'],
  ];
  for (const [text, message] of cases) {
    const actual = errorOf(text);
    assert.equal(actual, message, text);
    assert.ok(!actual.includes('\n'), `one line: ${actual}`);
  }
});

test('custom rule patterns: what is rejected and what is allowed', () => {
  // The check is syntactic and conservative: `(?:\\s+[a-z]{1,8})*` cannot backtrack badly (disjoint classes) but is
  // rejected too; bounding the inner repetition (`\\s{1,4}`) is the way out the message suggests.
  const rejected = ['(a+)+', '(?:\\w*\\s)*', '((ab+)c)+', '(a{2,})*', '(?:x+?)+', '(?:[a-z]+-?){3,}', 'k(?:\\s+[a-z]{1,8})*'];
  for (const p of rejected) assert.match(patternProblem(p) ?? '', /nested unbounded/, p);
  const allowed = [
    'KHTEST_[A-Z0-9]{20}', '(?:-[a-z]+){0,4}x', '(?:[a-f0-9]{4}-){3}[a-f0-9]{4}', 'acme_(?<secret>[A-Za-z0-9]{32,64})',
    '[(+*]+x', '\\(a+\\)+', '(?:ab|cd)+', 'tok(?=[a-z]+)', '(?<secret>[a-z]{8})(?:\\s{1,4}[a-z]{1,8})*',
  ];
  for (const p of allowed) assert.equal(patternProblem(p), undefined, p);
});

test('rule settings: category prefixes, then the rule id, each overriding the fields it sets', () => {
  const config = configOf({ rules: { secret: 'low', 'secret/': { enabled: false }, 'secret/github-pat': { enabled: true }, 'secret/acme/': 'critical', iam: 'off' } });
  assert.deepEqual(ruleSetting(config, 'secret/github-pat'), { enabled: true, severity: 'low' });
  assert.deepEqual(ruleSetting(config, 'secret/generic-password'), { enabled: false, severity: 'low' });
  assert.deepEqual(ruleSetting(config, 'secret/acme/widget-key'), { enabled: true, severity: 'critical' });
  assert.deepEqual(ruleSetting(config, 'iam/wildcard-action'), { enabled: false });
  assert.equal(ruleSetting(config, 'agent/bypass-permissions'), undefined);
  assert.equal(ruleSetting(configOf({ rules: { 'secret/github': 'off' } }), 'secret/github-pat'), undefined);
});

test('the engine honours rule settings by category prefix and the allowlist', async () => {
  const text = 'a = "KHTEST_7Q2M9XK4ZT8RW3LN5VBP"\nb = "WIDGET-5f0c2a9e7b3d4168a2c9e0f7b6d31a48"\n';
  const rules = [KHTEST_RULE, { id: 'secret/acme/widget-key', title: 'Acme widget key', pattern: 'WIDGET-(?<secret>[a-f0-9]{32})', keywords: ['widget-'], severity: 'medium' }];
  const scan = (extra: object) => {
    const config = configOf({ customRules: rules, ...extra });
    return new Engine([customRulesDetector(config.customRules)], null, config).scan({ path: 'app.py', text });
  };
  const plain = await scan({});
  assert.deepEqual(plain.findings.map((f) => [f.ruleId, f.severity]), [['secret/custom-khtest', 'high'], ['secret/acme/widget-key', 'medium']]);

  const bySeverity = await scan({ rules: { secret: 'low', 'secret/acme': 'critical' } });
  assert.deepEqual(bySeverity.findings.map((f) => f.severity), ['low', 'critical']);

  const off = await scan({ rules: { 'secret/acme/': 'off' } });
  assert.deepEqual(off.findings.map((f) => f.ruleId), ['secret/custom-khtest']);

  const fingerprint = plain.findings[0].fingerprint;
  const allowed = await scan({ allowlist: [{ fingerprint, reason: 'test token' }] });
  assert.deepEqual(allowed.findings.map((f) => f.ruleId), ['secret/acme/widget-key']);
  assert.deepEqual(allowed.suppressed.map((f) => f.fingerprint), [fingerprint]);
});

test('ignore globs: folders cover their contents; patterns with an inner slash are anchored at the root, others match at any depth (as in .gitignore)', () => {
  const config = configOf({ ignore: ['node_modules', 'test/fixtures/**', '*.min.js', 'docs/', './build/*.map', '.github/workflows/legacy-*.yml'] });
  const ignored = [
    'node_modules/a/index.js', 'packages/x/node_modules/b.js', 'test/fixtures/a/b.ts', 'web/app.min.js', 'app.min.js',
    'docs/guide.md', 'src/docs/a.md', 'build/app.js.map', '.github/workflows/legacy-deploy.yml', 'test\\fixtures\\win.ts',
  ];
  const kept = ['src/index.ts', 'test/unit/a.ts', 'src/fixtures/test/x.ts', 'app.min.jsx', 'docsite/index.md', 'build/sub/app.js.map', 'node_modules_backup.txt'];
  for (const p of ignored) assert.ok(isIgnoredPath(p, config), `ignored: ${p}`);
  for (const p of kept) assert.ok(!isIgnoredPath(p, config), `kept: ${p}`);
  assert.ok(!isIgnoredPath('anything.ts', DEFAULT_CONFIG));
});

// The schema ships with the extension (jsonValidation); it must describe exactly what parseConfig accepts.
test('the schema is draft-07 and has the same properties as parseConfig, each described', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  const keys = (o: { properties: object }) => Object.keys(o.properties).sort();
  const p = schema.properties;
  assert.deepEqual(keys(schema), [...CONFIG_PROPERTIES].sort());
  assert.deepEqual(keys(p.rules.additionalProperties.oneOf[2]), [...RULE_SETTING_PROPERTIES].sort());
  assert.deepEqual(keys(p.allowlist.items), [...ALLOWLIST_PROPERTIES].sort());
  assert.deepEqual(keys(p.customRules.items), [...CUSTOM_RULE_PROPERTIES].sort());
  assert.deepEqual(keys(p.languages), [...LANGUAGE_KEYS].sort());
  assert.deepEqual(keys(p.lifecycle), [...LIFECYCLE_PROPERTIES].sort());
  assert.deepEqual(p.customRules.items.properties.severity.enum, SEVERITIES);
  assert.deepEqual(p.rules.additionalProperties.oneOf[1].enum, SEVERITIES);

  const undocumented: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.properties) {
      for (const [key, child] of Object.entries(n.properties as object)) {
        if (!(child as { description?: string }).description) undocumented.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
    }
    for (const key of ['items', 'additionalProperties']) walk(n[key], `${path}[${key}]`);
    for (const [i, alt] of ((n.oneOf as unknown[]) ?? []).entries()) walk(alt, `${path}(${i})`);
  };
  walk(schema, '');
  assert.deepEqual(undocumented, []);
});

test('the schema and parseConfig accept and reject the same files', () => {
  const valid: unknown[] = [
    {},
    { $schema: './schemas/keyhole.schema.json', ignore: ['dist/**'], maxFileSize: 100, envFile: '.env.local' },
    { rules: { secret: 'off', 'secret/': 'info', 'secret/github-pat': { severity: 'high' }, 'iam/aws/': { enabled: true }, agent: {} } },
    { allowlist: [{ fingerprint: 'secret/acme/widget-key:0123456789abcdef', reason: 'ok', path: 'a/b.ts' }] },
    { customRules: [KHTEST_RULE, { ...KHTEST_RULE, id: 'secret/acme/khtest', confidence: 'validated', description: 'd' }] },
    { languages: Object.fromEntries(LANGUAGE_KEYS.map((l) => [l, false])) },
    { lifecycle: {} }, { lifecycle: { maxTokenTtlHours: 0.5, maxSessionHours: 12, maxSignedTokenHours: 720, maxKeyAgeDays: 365 } },
  ];
  const invalid: unknown[] = [
    [], { extra: 1 }, { ignore: 'x' }, { ignore: [' '] }, { rules: { Secret: 'off' } }, { rules: { 'secret/x': 'on' } },
    { rules: { 'secret/x': { enabled: 1 } } }, { rules: { secret: { severity: 'high', note: 'x' } } },
    { allowlist: [{}] }, { allowlist: [{ fingerprint: 'secret/x:0123' }] }, { allowlist: [{ fingerprint: 'secret/x:0123456789abcdef', reason: '' }] },
    { customRules: [{ ...KHTEST_RULE, id: 'secret/khtest' }] }, { customRules: [{ ...KHTEST_RULE, id: 'iam/custom-x' }] },
    { customRules: [{ ...KHTEST_RULE, keywords: [] }] }, { customRules: [{ ...KHTEST_RULE, keywords: [''] }] },
    { customRules: [{ ...KHTEST_RULE, severity: undefined }] }, { customRules: [{ ...KHTEST_RULE, confidence: 'high' }] },
    { maxFileSize: 0 }, { maxFileSize: 2.5 }, { languages: { cobol: true } }, { languages: { kotlin: 'no' } },
    { envFile: '' }, { envFile: '/abs/.env' }, { envFile: 'C:/x/.env' }, { envFile: '..\\.env' }, { envFile: 'a/../../.env' }, { $schema: '' },
    { lifecycle: 24 }, { lifecycle: { maxTokenTtlHours: 0 } }, { lifecycle: { maxSessionHours: '1h' } }, { lifecycle: { ttl: 1 } },
  ];
  const accepts = (value: unknown) => {
    try {
      configOf(value);
      return true;
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      return false;
    }
  };
  for (const value of valid) {
    assert.ok(validate(value), `schema rejects ${JSON.stringify(value)}: ${JSON.stringify(validate.errors)}`);
    assert.ok(accepts(value), `parseConfig rejects ${JSON.stringify(value)}`);
  }
  for (const value of invalid) {
    assert.ok(!validate(value), `schema accepts ${JSON.stringify(value)}`);
    assert.ok(!accepts(value), `parseConfig accepts ${JSON.stringify(value)}`);
  }
});
