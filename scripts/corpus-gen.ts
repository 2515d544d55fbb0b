// Synthetic, correctly shaped credentials for the evaluation corpus (test/corpus), and a renderer
// that turns corpus templates into corpus files. Deterministic: the same template renders the same
// values. No value produced here is, or was ever, a real credential.
//
//   npx tsx scripts/corpus-gen.ts token <kind> [count] [seed]    print synthetic values
//   npx tsx scripts/corpus-gen.ts kinds                           list the kinds
//   npx tsx scripts/corpus-gen.ts render <templateDir> <outDir>   render templates into corpus files
//
// Template syntax:
//   «kind»        a fresh value of that kind (e.g. «ghp», «aws-id», «jwt»)
//   «kind#name»   the same value for every use of the name within one file
//   a line whose text is `^ secret!` (caret anywhere) is removed and becomes a sidecar label
//   `<file>.labels` line `LINE:COL secret` for the line above it; inline markers (`# ^ secret`)
//   stay in the file. Caret columns are shifted to follow the rendered values on the line above.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { crc32 } from 'node:zlib';
import { base62 } from '../test/tokens';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALNUM = BASE62;
const LOWER_ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
const BASE64 = `${BASE62}+/`;
const BASE64URL = `${BASE62}-_`;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type Rng = () => number;

/** mulberry32: small, fast and good enough for shaping fake tokens. */
export function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function pick(rng: Rng, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(rng() * alphabet.length)];
  return out;
}

function digits(rng: Rng, n: number): string {
  return String(1 + Math.floor(rng() * 9)) + pick(rng, '0123456789', n - 1);
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** GitHub-style token: prefix + 30 base62 + base62(CRC32(body)) padded to 6. */
function githubStyle(rng: Rng, prefix: string, valid = true): string {
  const body = pick(rng, BASE62, 30);
  const sum = base62(crc32(body), 6);
  if (valid) return prefix + body + sum;
  const broken = sum.slice(0, 5) + BASE62[(BASE62.indexOf(sum[5]) + 7) % 62];
  return prefix + body + broken;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function bech32Polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i];
  }
  return chk >>> 0;
}

/** Bech32 (BIP-173) encoding of bytes, as age uses for its keys. */
function bech32(hrp: string, bytes: number[]): string {
  const words: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      words.push((acc >>> bits) & 31);
    }
  }
  if (bits > 0) words.push((acc << (5 - bits)) & 31);
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = bech32Polymod([...expanded, ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...words, ...checksum].map((w) => BECH32[w]).join('')}`;
}

function ageKey(rng: Rng): string {
  const bytes = Array.from({ length: 32 }, () => Math.floor(rng() * 256));
  return bech32('age-secret-key-', bytes).toUpperCase();
}

function discordBot(rng: Rng): string {
  const id = `1${pick(rng, '0123456789', 18)}`;
  return `${Buffer.from(id).toString('base64').replace(/=+$/, '')}.${pick(rng, BASE64URL, 6)}.${pick(rng, BASE64URL, 38)}`;
}

function grafanaServiceAccount(rng: Rng): string {
  const head = `glsa_${pick(rng, ALNUM, 32)}`;
  return `${head}_${crc32(head).toString(16).padStart(8, '0')}`;
}

function sentryOrgToken(rng: Rng): string {
  const claims = { iat: 1718000000 + Math.floor(rng() * 1e6), url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' };
  return `sntrys_${Buffer.from(JSON.stringify(claims)).toString('base64').replace(/=+$/, '')}_${pick(rng, BASE64URL, 43)}`;
}

function atlassian(rng: Rng): string {
  const body = `ATATT3xFfGF0${pick(rng, BASE64URL, 170)}=`;
  return body + crc32(body).toString(16).toUpperCase().padStart(8, '0');
}

function jwt(rng: Rng, payload?: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const iat = 1_700_000_000 + Math.floor(rng() * 20_000_000);
  const body = b64url(JSON.stringify(payload ?? {
    sub: `svc-${pick(rng, LOWER_ALNUM, 8)}`,
    role: 'service',
    iat,
    exp: iat + 31_536_000,
  }));
  return `${header}.${body}.${pick(rng, BASE64URL, 43)}`;
}

function pemBody(rng: Rng, prefix: string, lines: number, width = 64): string[] {
  const out: string[] = [];
  let first = prefix + pick(rng, BASE64, width - prefix.length);
  out.push(first);
  for (let i = 1; i < lines - 1; i++) out.push(pick(rng, BASE64, width));
  first = pick(rng, BASE64, 20 + Math.floor(rng() * 40));
  out.push(`${first}${first.length % 4 === 2 ? '==' : first.length % 4 === 3 ? '=' : ''}`);
  return out;
}

const PEM_KINDS: Record<string, { label: string; prefix: string; lines: number }> = {
  'pem-rsa': { label: 'RSA PRIVATE KEY', prefix: 'MIIEowIBAAKCAQEA', lines: 26 },
  'pem-pkcs8': { label: 'PRIVATE KEY', prefix: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ', lines: 26 },
  'pem-ec': { label: 'EC PRIVATE KEY', prefix: 'MHcCAQEEI', lines: 4 },
  'pem-openssh': { label: 'OPENSSH PRIVATE KEY', prefix: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', lines: 7, },
  'pem-cert': { label: 'CERTIFICATE', prefix: 'MIIDdzCCAl+gAwIBAgIE', lines: 20 },
  'pem-public': { label: 'PUBLIC KEY', prefix: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA', lines: 8 },
};

function pem(rng: Rng, kind: string, joiner = '\n'): string {
  const k = PEM_KINDS[kind];
  const width = kind === 'pem-openssh' ? 70 : 64;
  return [`-----BEGIN ${k.label}-----`, ...pemBody(rng, k.prefix, k.lines, width), `-----END ${k.label}-----`].join(joiner);
}

function password(rng: Rng): string {
  const words = ['Falcon', 'River', 'Maple', 'Orbit', 'Cedar', 'Quartz', 'Harbor', 'Nimbus', 'Copper', 'Willow'];
  const w = words[Math.floor(rng() * words.length)];
  return `${w}${pick(rng, '!#%*+-.@', 1)}${digits(rng, 4)}${pick(rng, ALNUM, 6)}`;
}

function uuid(rng: Rng): string {
  const h = pick(rng, HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(rng() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Every kind of value the templates can ask for. Negatives (checksum-broken, hashes, ids) are here too. */
export const KINDS: Record<string, (rng: Rng) => string> = {
  // GitHub, npm (CRC32 checksummed)
  ghp: (r) => githubStyle(r, 'ghp_'),
  gho: (r) => githubStyle(r, 'gho_'),
  ghu: (r) => githubStyle(r, 'ghu_'),
  ghs: (r) => githubStyle(r, 'ghs_'),
  ghr: (r) => githubStyle(r, 'ghr_'),
  'ghp-badsum': (r) => githubStyle(r, 'ghp_', false),
  npm: (r) => githubStyle(r, 'npm_'),
  'npm-badsum': (r) => githubStyle(r, 'npm_', false),
  'github-pat': (r) => `github_pat_11${pick(r, UPPER_ALNUM, 20)}_${pick(r, ALNUM, 59)}`,
  // cloud
  'aws-id': (r) => `AKIA${pick(r, BASE32, 16)}`,
  'aws-sts-id': (r) => `ASIA${pick(r, BASE32, 16)}`,
  'aws-secret': (r) => pick(r, BASE64, 40),
  'aws-session': (r) => `IQoJb3JpZ2luX2VjE${pick(r, BASE64, 300)}`,
  'azure-storage-key': (r) => `${pick(r, BASE64, 86)}==`,
  'azure-sas-sig': (r) => `${pick(r, BASE62, 43)}%3D`,
  'azure-client-secret': (r) => `${pick(r, ALNUM, 3)}8Q~${pick(r, `${ALNUM}_.-`, 34)}`,
  'gcp-api': (r) => `AIza${pick(r, BASE64URL, 35)}`,
  'gcp-oauth-secret': (r) => `GOCSPX-${pick(r, BASE64URL, 28)}`,
  'gcp-key-id': (r) => pick(r, HEX, 40),
  'gcp-private-key-json': (r) => `${pem(r, 'pem-pkcs8', '\\n')}\\n`,
  'do-token': (r) => `dop_v1_${pick(r, HEX, 64)}`,
  databricks: (r) => `dapi${pick(r, HEX, 32)}`,
  'vault-token': (r) => `hvs.${pick(r, ALNUM, 24)}`,
  'vault-token-long': (r) => `hvs.CAESI${pick(r, BASE64URL, 86)}`,
  'tfc-token': (r) => `${pick(r, ALNUM, 14)}.atlasv1.${pick(r, BASE64URL, 67)}`,
  pulumi: (r) => `pul-${pick(r, HEX, 40)}`,
  'cloudflare-token': (r) => pick(r, BASE64URL, 40),
  heroku: (r) => `HRKU-AA${pick(r, BASE64URL, 58)}`,
  'ado-pat': (r) => pick(r, 'abcdefghijklmnopqrstuvwxyz234567', 52),
  'mapbox-secret': (r) => `sk.${b64url(JSON.stringify({ u: 'acme', a: pick(r, LOWER_ALNUM, 25) })).replace(/=+$/, '')}.${pick(r, BASE64URL, 22)}`,
  'fly-token': (r) => `fo1_${pick(r, BASE64URL, 43)}`,
  // AI
  openai: (r) => `sk-proj-${pick(r, BASE64URL, 74)}T3BlbkFJ${pick(r, BASE64URL, 74)}`,
  'openai-legacy': (r) => `sk-${pick(r, ALNUM, 20)}T3BlbkFJ${pick(r, ALNUM, 20)}`,
  'openai-svcacct': (r) => `sk-svcacct-${pick(r, BASE64URL, 74)}T3BlbkFJ${pick(r, BASE64URL, 74)}`,
  anthropic: (r) => `sk-ant-api03-${pick(r, BASE64URL, 93)}AA`,
  'anthropic-admin': (r) => `sk-ant-admin01-${pick(r, BASE64URL, 93)}AA`,
  hf: (r) => `hf_${pick(r, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`,
  groq: (r) => `gsk_${pick(r, ALNUM, 52)}`,
  replicate: (r) => `r8_${pick(r, ALNUM, 37)}`,
  // dev platforms
  glpat: (r) => `glpat-${pick(r, BASE64URL, 20)}`,
  'gitlab-runner': (r) => `glrt-${pick(r, BASE64URL, 20)}`,
  'gitlab-trigger': (r) => `glptt-${pick(r, HEX, 40)}`,
  atlassian,
  pypi: (r) => `pypi-AgEIcHlwaS5vcmcCJD${pick(r, BASE64URL, 150)}`,
  'slack-bot': (r) => `xoxb-${digits(r, 12)}-${digits(r, 13)}-${pick(r, ALNUM, 24)}`,
  'slack-user': (r) => `xoxp-${digits(r, 12)}-${digits(r, 12)}-${digits(r, 13)}-${pick(r, HEX, 32)}`,
  'slack-app': (r) => `xapp-1-A${pick(r, UPPER_ALNUM, 10)}-${digits(r, 13)}-${pick(r, HEX, 64)}`,
  'slack-webhook': (r) => `https://hooks.slack.com/services/T${pick(r, UPPER_ALNUM, 8)}/B${pick(r, UPPER_ALNUM, 10)}/${pick(r, ALNUM, 24)}`,
  'discord-bot': discordBot,
  'discord-webhook': (r) => `https://discord.com/api/webhooks/${digits(r, 19)}/${pick(r, BASE64URL, 68)}`,
  telegram: (r) => `${digits(r, 10)}:AA${pick(r, BASE64URL, 33)}`,
  linear: (r) => `lin_api_${pick(r, ALNUM, 40)}`,
  notion: (r) => `ntn_${digits(r, 11)}${pick(r, ALNUM, 35)}`,
  airtable: (r) => `pat${pick(r, ALNUM, 14)}.${pick(r, HEX, 64)}`,
  postman: (r) => `PMAK-${pick(r, HEX, 24)}-${pick(r, HEX, 34)}`,
  figma: (r) => `figd_${pick(r, BASE64URL, 40)}`,
  'newrelic-user': (r) => `NRAK-${pick(r, UPPER_ALNUM, 27)}`,
  'datadog-api': (r) => pick(r, HEX, 32),
  'datadog-app': (r) => pick(r, HEX, 40),
  'grafana-sa': grafanaServiceAccount,
  'sentry-auth': sentryOrgToken,
  // payments, messaging, commerce
  'stripe-live': (r) => `sk_live_51${pick(r, ALNUM, 97)}`,
  'stripe-restricted': (r) => `rk_live_51${pick(r, ALNUM, 97)}`,
  'stripe-test': (r) => `sk_test_51${pick(r, ALNUM, 97)}`,
  'stripe-publishable': (r) => `pk_live_51${pick(r, ALNUM, 97)}`,
  'stripe-webhook': (r) => `whsec_${pick(r, ALNUM, 32)}`,
  sendgrid: (r) => `SG.${pick(r, BASE64URL, 22)}.${pick(r, BASE64URL, 43)}`,
  'twilio-key': (r) => `SK${pick(r, HEX, 32)}`,
  'twilio-sid': (r) => `AC${pick(r, HEX, 32)}`,
  'twilio-token': (r) => pick(r, HEX, 32),
  mailgun: (r) => `key-${pick(r, HEX, 32)}`,
  mailchimp: (r) => `${pick(r, HEX, 32)}-us${1 + Math.floor(r() * 20)}`,
  shopify: (r) => `shpat_${pick(r, HEX, 32)}`,
  'shopify-secret': (r) => `shpss_${pick(r, HEX, 32)}`,
  square: (r) => `EAAA${pick(r, BASE64URL, 60)}`,
  paypal: (r) => `access_token$production$${pick(r, LOWER_ALNUM, 16)}$${pick(r, HEX, 32)}`,
  // generic shapes
  jwt,
  'jwt-supabase-service': (r) => jwt(r, { iss: 'supabase', ref: pick(r, 'abcdefghijklmnopqrstuvwxyz', 20), role: 'service_role', iat: 1716400000, exp: 2031976000 }),
  'hex-16': (r) => pick(r, HEX, 16),
  'hex-32': (r) => pick(r, HEX, 32),
  'hex-40': (r) => pick(r, HEX, 40),
  'hex-64': (r) => pick(r, HEX, 64),
  'b64-32': (r) => Buffer.from(pick(r, BASE62, 32), 'latin1').toString('base64').slice(0, 44),
  'rand-32': (r) => pick(r, ALNUM, 32),
  'rand-48': (r) => pick(r, ALNUM, 48),
  'rand-24': (r) => pick(r, ALNUM, 24),
  'rand-16': (r) => pick(r, ALNUM, 16),
  password,
  'laravel-key': (r) => `base64:${Buffer.from(pick(r, BASE62, 32)).toString('base64')}`,
  'django-key': (r) => pick(r, 'abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)', 50),
  'rails-master': (r) => pick(r, HEX, 32),
  'age-key': ageKey,
  'b64-password': (r) => Buffer.from(password(r)).toString('base64'),
  'docker-auth': (r) => Buffer.from(`deploy-bot:${password(r)}`).toString('base64'),
  'docker-auth-token': (r) => Buffer.from(`ci-pusher:${githubStyle(r, 'ghp_')}`).toString('base64'),
  // negatives and neutral high-entropy material
  uuid,
  sha1: (r) => pick(r, HEX, 40),
  sha256: (r) => pick(r, HEX, 64),
  sha512b64: (r) => `${pick(r, BASE64, 86)}==`,
  'sha256b64': (r) => `${pick(r, BASE64, 43)}=`,
  'sha384b64': (r) => pick(r, BASE64, 64),
  md5: (r) => pick(r, HEX, 32),
  'go-sum': (r) => `h1:${pick(r, BASE64, 43)}=`,
  'nonce-b64': (r) => pick(r, BASE64, 24),
  'png-b64': (r) => `iVBORw0KGgoAAAANSUhEUgAAA${pick(r, BASE64, 600)}AAAAAElFTkSuQmCC`,
  'ssh-ed25519-pub': (r) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${pick(r, BASE64, 43)}`,
  'ssh-rsa-pub': (r) => `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ${pick(r, BASE64, 368)}`,
  'sealed': (r) => `AgB${pick(r, BASE64, 600)}`,
  'rails-enc': (r) => `${pick(r, BASE64, 300)}--${pick(r, BASE64, 16)}--${pick(r, BASE64, 22)}==`,
  'k8s-b64-user': () => Buffer.from('app_user').toString('base64'),
};
for (const k of Object.keys(PEM_KINDS)) KINDS[k] = (r) => pem(r, k);

const PLACEHOLDER = /«([a-z0-9-]+)(?:#([\w-]+))?»/g;
const SIDECAR_MARKER = /^\s*[\^@]\d* secret!\s*$/;
const INLINE_MARKER = /^\s*(?:\/\/|#|;|--|<!--|\/\*|\*|%|')?\s*[\^@]\d*\s+secret\b/;

interface Rendered {
  text: string;
  labels: string[];
}

/** Renders one template: fills placeholders, moves carets to follow values, collects sidecar labels. */
export function renderTemplate(path: string, template: string): Rendered {
  const rng = rngFrom(seedOf(path));
  const named = new Map<string, string>();
  const out: string[] = [];
  const labels: string[] = [];
  // where the last content line starts in the output (0-based), and its template -> rendered column map
  let renderedLines = 0;
  let lastLineStart = 0;
  let mapColumn = (c: number) => c;
  let placed: number[] = [];
  for (let raw of template.split('\n')) {
    const isSidecar = SIDECAR_MARKER.test(raw);
    if (isSidecar || INLINE_MARKER.test(raw)) {
      const auto = /@(\d*)/.exec(raw);
      let caret = raw.indexOf('^');
      let col: number;
      if (auto && (caret === -1 || auto.index < caret)) {
        const nth = Number(auto[1] || '1');
        if (placed.length < nth) throw new Error(`${path}: marker ${raw.trim()} has no placeholder ${nth} above it`);
        col = placed[nth - 1];
        caret = auto.index;
        raw = raw.slice(0, caret) + '^' + raw.slice(caret + auto[0].length);
      } else {
        col = mapColumn(caret);
      }
      if (isSidecar) {
        labels.push(`${lastLineStart + 1}:${col + 1} secret`);
        continue;
      }
      const lead = raw.slice(0, caret).trimEnd();
      if (col < lead.length) throw new Error(`${path}: marker at line ${out.length + 1} cannot reach column ${col}`);
      out.push(lead.padEnd(col, ' ') + raw.slice(caret));
      renderedLines++;
      continue;
    }
    const pieces: { t0: number; t1: number; r0: number; r1: number }[] = [];
    let shift = 0;
    const line = raw.replace(PLACEHOLDER, (m, kind: string, name: string | undefined, offset: number) => {
      const make = KINDS[kind];
      if (!make) throw new Error(`${path}: unknown kind ${kind}`);
      let value = name ? named.get(`${kind}#${name}`) : undefined;
      if (value === undefined) {
        value = make(rng);
        if (name) named.set(`${kind}#${name}`, value);
      }
      // multi-line values (PEM blocks) keep the indentation of the line they start on
      value = value.split('\n').join(`\n${/^\s*/.exec(raw)![0]}`);
      pieces.push({ t0: offset, t1: offset + m.length, r0: offset + shift, r1: offset + shift + value.length });
      shift += value.length - m.length;
      return value;
    });
    mapColumn = (c) => {
      let delta = 0;
      for (const p of pieces) {
        if (c >= p.t1) delta = p.r1 - p.t1;
        else if (c >= p.t0) return p.r0 + Math.min(2, p.r1 - p.r0 - 1);
      }
      return c + delta;
    };
    placed = pieces.map((p) => p.r0 + Math.min(2, p.r1 - p.r0 - 1));
    lastLineStart = renderedLines;
    renderedLines += line.split('\n').length;
    out.push(line);
  }
  return { text: out.join('\n'), labels };
}

function walk(dir: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, acc);
    else acc.push(p);
  }
  return acc;
}

function main(argv: string[]): void {
  const [cmd, ...rest] = argv;
  if (cmd === 'kinds') {
    console.log(Object.keys(KINDS).join('\n'));
  } else if (cmd === 'token') {
    const [kind, count = '1', seed = String(Date.now())] = rest;
    const make = KINDS[kind];
    if (!make) throw new Error(`unknown kind ${kind}; run \`kinds\``);
    const rng = rngFrom(seedOf(seed));
    for (let i = 0; i < Number(count); i++) console.log(make(rng));
  } else if (cmd === 'render') {
    const [from, to] = rest;
    let files = 0;
    let labelCount = 0;
    for (const file of walk(from)) {
      const rel = relative(from, file).split('\\').join('/');
      const { text, labels } = renderTemplate(rel, readFileSync(file, 'utf8'));
      const target = join(to, rel);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      if (labels.length) writeFileSync(`${target}.labels`, `${labels.join('\n')}\n`);
      files++;
      labelCount += labels.length;
    }
    console.log(`rendered ${files} files (${labelCount} sidecar labels) into ${to}`);
  } else {
    console.log('usage: corpus-gen.ts token <kind> [count] [seed] | kinds | render <templateDir> <outDir>');
  }
}

if (process.argv[1] && /corpus-gen\.ts$/.test(process.argv[1])) main(process.argv.slice(2));
