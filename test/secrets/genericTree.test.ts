// The generic detectors on their own (no provider formats), for what the fixtures leave to other rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScanContext } from '../../src/core/detector';
import { Engine } from '../../src/core/engine';
import { LineIndex } from '../../src/core/text';
import { genericTreeDetector } from '../../src/core/secrets/generic/treeDetector';
import { genericLineDetector } from '../../src/core/secrets/lineDetector';
import { nodeWasmSource } from '../../src/node/wasmSource';
import { ParserHost } from '../../src/parsing/parserHost';

const engine = new Engine([genericTreeDetector, genericLineDetector], new ParserHost(nodeWasmSource()));
const withoutTrees = new Engine([genericTreeDetector, genericLineDetector], null);

async function findings(path: string, text: string, e = engine) {
  const r = await e.scan({ path, text });
  return r.findings.map((f) => ({ ...f, value: text.slice(f.span.start, f.span.end) }));
}

test('a connection string names its password, and only the password is the value', async () => {
  const f = await findings('db.py', 'DATABASE_URL = "postgres://orders:Pg-Inl1ne-Pw@db.internal:5432/orders"\n');
  assert.equal(f.length, 1);
  assert.equal(f[0].ruleId, 'secret/generic-password');
  assert.equal(f[0].value, 'Pg-Inl1ne-Pw');
  assert.equal(f[0].confidence, 'context');
});

test('connection strings passed to database sinks: Go DSN, JDBC URL, ADO.NET', async () => {
  const go = await findings('main.go', 'package main\nfunc main() { sql.Open("postgres", "host=db user=app password=Go-Dsn-Pw9 dbname=app") }\n');
  assert.deepEqual(go.map((f) => f.value), ['Go-Dsn-Pw9']);
  const java = await findings('Db.java', 'class Db { Connection c() { return DriverManager.getConnection("jdbc:mysql://db/app?user=app&password=Jdbc-Pw-77"); } }\n');
  assert.deepEqual(java.map((f) => f.value), ['Jdbc-Pw-77']);
  const cs = await findings('Db.cs', 'class Db { void F() { var c = new SqlConnection("Server=db;Database=app;User Id=app;Password=Ad0-Net-Pw;"); } }\n');
  assert.deepEqual(cs.map((f) => f.value), ['Ad0-Net-Pw']);
  const none = await findings('db.py', 'DATABASE_URL = "postgres://db.internal:5432/orders"\n');
  assert.deepEqual(none, []);
});

test('boto3 credentials passed as keyword arguments', async () => {
  const text = 's3 = boto3.client("s3", aws_access_key_id=key_id, aws_secret_access_key="vTCQCyEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w")\n';
  const f = await findings('aws.py', text);
  assert.equal(f.length, 1);
  assert.equal(f[0].ruleId, 'secret/generic-secret');
  assert.equal(f[0].value, 'vTCQCyEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w');
});

test('messages and evidence explain the finding without the value, and the bound name is kept', async () => {
  const r = await engine.scan({ path: 'settings.py', text: 'DB_PASSWORD = "Summer2024!"\n' });
  const [f] = r.findings;
  assert.match(f.message, /Password assigned to `DB_PASSWORD` is a string literal \(entropy \d\.\d bits\/char\)/);
  assert.ok(!f.message.includes('Summer2024!'));
  assert.ok(f.evidence.every((e) => !e.includes('Summer2024!')));
  assert.equal(f.severity, 'high');
  assert.deepEqual(f.tags, ['OWASP-NHI2', 'CWE-798']);
});

test('boundName carries the name a fix can turn into an environment variable', () => {
  const text = 'const apiToken = process.env.API_TOKEN || "DL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7";\n';
  return withTree('javascript', text, (ctx) => {
    const [raw] = genericTreeDetector.detect(ctx);
    assert.equal(raw.boundName, 'API_TOKEN');
    assert.equal(text.slice(raw.valueSpan!.start, raw.valueSpan!.end), 'DL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7');
  });
});

test('a vague name gives a heuristic, medium finding only for a random-looking value', async () => {
  const f = await findings('cfg.js', 'const geo_key = "wkNhFdnXsiVpzz63FfkCzJr4i0B3JrTA";\nconst lookup_value_key = "app-settings";\n');
  assert.equal(f.length, 1);
  assert.equal(f[0].confidence, 'heuristic');
  assert.equal(f[0].severity, 'medium');
});

test('comments and docstrings are prose, not code', async () => {
  assert.deepEqual(await findings('a.js', '// password = "Summer2024!"\n/* const token = "DL7DxtpYlSXpfKtHF4vUCsMehGAkWvj7"; */\n'), []);
  assert.deepEqual(await findings('a.py', 'def f():\n    """Example: password = "Summer2024!" """\n    return 1\n'), []);
});

test('the prefilter keeps files without a secret-named binding away from the parser', () => {
  const ctx = context('javascript', 'const total = items.reduce((a, b) => a + b, 0);\nconsole.log("done");\n');
  assert.equal(genericTreeDetector.wantsTree!(ctx), false);
  // In code a literal needs a quote: a struct field set from a variable is never parsed for.
  assert.equal(genericTreeDetector.wantsTree!(context('go', 'package main\nvar c = Config{Password: config.MySecretPasswordVariable}\n')), false);
  assert.equal(genericTreeDetector.wantsTree!(context('go', 'package main\nvar c = Config{Password: "Str0ng-Db-Pw!"}\n')), true);
});

test('generated files (lock files) get no generic findings', async () => {
  assert.deepEqual(await findings('pnpm-lock.yaml', 'password: Summer2024!\n'), []);
});

test('without a syntax tree, grammar languages fall back to lines with quoted values', async () => {
  const f = await findings('settings.py', 'DB_PASSWORD = "Summer2024!"\npassword = get_password()\ntoken = os.environ["TOKEN"]\n', withoutTrees);
  assert.deepEqual(f.map((x) => x.value), ['Summer2024!']);
});

test('a literal longer than generic rules judge is skipped', async () => {
  const long = 'aB3'.repeat(400);
  assert.deepEqual(await findings('a.js', `const secret = "${long}";\n`), []);
});

test('the number of findings per file is capped', async () => {
  const lines = Array.from({ length: 260 }, (_, i) => `const password${i} = "Pw-${i}-${'xK9'.repeat(4)}";`);
  const f = await findings('many.js', lines.join('\n'));
  assert.ok(f.length > 100 && f.length <= 200, `${f.length} findings`);
});

test('Markdown: fenced code is scanned in its language, prose is not read as settings', async () => {
  const md = '# Setup\n\nThe password: Summer2024! is only an example.\n\n```bash\nexport DB_PASSWORD="Sh3ll-Db-Pw!"\n```\n';
  const f = await findings('README.md', md);
  assert.deepEqual(f.map((x) => x.value), ['Sh3ll-Db-Pw!']);
});

function context(language: ScanContext['language'], text: string): ScanContext {
  return { path: `f.${language}`, language, text, lines: new LineIndex(text), lower: text.toLowerCase(), tree: null, generated: false };
}

async function withTree(language: 'javascript', text: string, check: (ctx: ScanContext) => void): Promise<void> {
  const host = new ParserHost(nodeWasmSource());
  const { tree } = await host.parse(language, text);
  const ctx = { ...context(language, text), tree };
  try {
    check(ctx);
  } finally {
    tree?.delete();
  }
}
