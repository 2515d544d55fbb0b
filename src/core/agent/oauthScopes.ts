// OAuth scopes requested in code, configuration and URLs that reach far more than one integration needs.
// Text-based: scope lists look alike in every language (`scope=repo%20user`, `scopes: ['repo']`,
// `scopes=["…/auth/cloud-platform"]`, `gh auth refresh -s delete_repo`).
import type { Detector, ScanContext } from '../detector';
import { KeywordSet, occursAt } from '../keywordIndex';
import type { RawFinding, Severity, Span } from '../types';
import type { OauthScopeRemedy } from '../fixes/narrow/agentOauth';
import { AGENT_RULES } from './rules';

interface BroadScope {
  provider: 'GitHub' | 'Slack';
  severity: Severity;
  reach: string;
}

const SCOPES: Record<string, BroadScope> = {
  repo: { provider: 'GitHub', severity: 'medium', reach: 'read and write code, issues, pull requests and settings of every repository the user can reach, private ones included' },
  'admin:org': { provider: 'GitHub', severity: 'high', reach: 'fully manage the organisation: members, teams, settings and its repositories' },
  delete_repo: { provider: 'GitHub', severity: 'high', reach: 'delete any repository the user administers' },
  'admin:enterprise': { provider: 'GitHub', severity: 'high', reach: 'fully manage the enterprise and its organisations' },
  site_admin: { provider: 'GitHub', severity: 'high', reach: 'administer the whole GitHub Enterprise Server instance' },
  admin: { provider: 'Slack', severity: 'high', reach: 'administer the whole Slack workspace (the legacy `admin` scope)' },
};
const CLOUD_PLATFORM = 'googleapis.com/auth/cloud-platform';
/** Looked up in the keyword pass every detector shares (see keywordIndex.ts). */
const WORDS = new KeywordSet(['scope', CLOUD_PLATFORM, 'github', 'gh auth', 'slack', 'oauth_config']);
/** Terraform's instance scopes belong to the GCP rules; Markdown and plain text are prose. */
const SKIPPED_LANGUAGES = new Set(['hcl', 'markdown', 'text']);
const GH_SCOPE_FLAG = /\bgh\s+auth\s+(?:login|refresh)\b[^\n]{0,200}?\s(?:-s|--scopes)(?=[\s=])/gi;
const MAX_HITS = 200;

export const oauthScopeDetector: Detector = {
  id: 'agent-oauth-scopes',
  rules: [AGENT_RULES.oauthBroadScope],
  detect(ctx: ScanContext): RawFinding[] {
    if (SKIPPED_LANGUAGES.has(ctx.language) || !WORDS.has(ctx, 'scope')) return [];
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    const report = (span: Span, severity: Severity, message: string, scope: string, provider: OauthScopeRemedy['provider']) => {
      if (seen.has(span.start)) return;
      seen.add(span.start);
      out.push({
        ruleId: AGENT_RULES.oauthBroadScope.id, span, severity, confidence: 'context', message, evidence: [`scope: ${scope}`],
        remedy: { kind: 'oauth-scope', data: { provider } satisfies OauthScopeRemedy },
      });
    };

    const { text } = ctx;
    for (const i of WORDS.offsets(ctx, CLOUD_PLATFORM)) {
      if (out.length >= MAX_HITS) break;
      if (/[\w.-]/.test(text[i + CLOUD_PLATFORM.length] ?? '')) continue; // cloud-platform.read-only
      const start = occursAt(text, 'https://', i - 12) ? i - 12 : occursAt(text, 'www.', i - 4) ? i - 4 : i;
      report({ start, end: i + CLOUD_PLATFORM.length }, 'medium',
        'Requests the Google `cloud-platform` scope: the token reaches every Google Cloud API the identity has roles for, not only the one this code calls. Request the API\'s own scope (`devstorage.read_only`, `bigquery.readonly`, ...).', 'cloud-platform', 'Google');
    }

    const ghAuth = WORDS.has(ctx, 'gh auth');
    const github = ghAuth || WORDS.has(ctx, 'github');
    // A Slack app manifest (`oauth_config.scopes`) need not say "slack".
    const slack = WORDS.has(ctx, 'slack') || WORDS.has(ctx, 'oauth_config');
    if (!github && !slack) return out;
    const values: Token[] = [];
    for (const key of scopeKeys(text, WORDS.offsets(ctx, 'scope'))) values.push(...scopeTokens(text, key.end, key.url ? 'url' : 'key'));
    if (github && ghAuth) {
      GH_SCOPE_FLAG.lastIndex = 0;
      for (let m = GH_SCOPE_FLAG.exec(text); m; m = GH_SCOPE_FLAG.exec(text)) values.push(...scopeTokens(text, m.index + m[0].length, 'flag'));
    }
    for (const token of values) {
      const scope = SCOPES[token.value.toLowerCase()];
      if (!scope || (scope.provider === 'GitHub' ? !github : !slack)) continue;
      report(token.span, scope.severity,
        `Requests the ${scope.provider} OAuth scope \`${token.value}\`: a token with it can ${scope.reach}. Request the narrowest scope the integration needs${scope.provider === 'GitHub' ? ' (`public_repo`, `read:org`), or use a GitHub App with fine-grained permissions' : ''}.`, token.value, scope.provider);
    }
    return out;
  },
};

const KEY_PREFIXES = ['user_', 'user', 'bot_', 'bot'];

/**
 * Where each scope key ends (`scope`, `scopes`, `user_scope`, `userScopes`, `bot_scopes`, and names
 * ending in one such as `SYNC_SCOPES` or `oauthScopes`), and whether it is a URL parameter.
 * `offsets`: where `scope` occurs, ignoring case.
 */
function scopeKeys(text: string, offsets: number[]): { end: number; url: boolean }[] {
  const out: { end: number; url: boolean }[] = [];
  for (const i of offsets) {
    if (out.length >= MAX_HITS) break;
    const prefix = KEY_PREFIXES.find((p) => occursAt(text, p, i - p.length));
    const wordStart = i - (prefix?.length ?? 0);
    const before = text[wordStart - 1];
    let end = i + 5;
    if (text[end] === 's' || text[end] === 'S') end++;
    // The last words of a longer name count: after `_` (`SYNC_SCOPES`, `PROVISIONING_USER_SCOPES`) or as a
    // capitalised word (`oauthScopes`, `slackUserScopes`), not inside one (`telescope`, `superuser_scope`).
    const lastWordOfName = before === '_' || (/[A-Z]/.test(text[wordStart] ?? '') && /[a-z0-9]/.test(text[wordStart - 1] ?? ''));
    if ((before !== undefined && /[\w$-]/.test(before) && !lastWordOfName) || /\w/.test(text[end] ?? '')) continue;
    out.push({ end, url: before === '?' || before === '&' });
  }
  return out;
}

interface Token {
  value: string;
  span: Span;
}

/**
 * The scope names in the value after a scope key or flag at `at`: a URL parameter (`=repo%20user`), a
 * string (`: "repo user"`), a list (`= ["repo", "user"]`, YAML `- repo` lines) or a flag's word (`-s repo,user`).
 */
function scopeTokens(text: string, at: number, form: 'url' | 'key' | 'flag'): Token[] {
  const out: Token[] = [];
  const split = (start: number, end: number) => {
    const word = /[^\s,+]+/g;
    const body = text.slice(start, end).replace(/%20|%2C/gi, (s) => ' '.repeat(s.length));
    for (let m = word.exec(body); m; m = word.exec(body)) {
      out.push({ value: decodeURIComponentSafe(m[0]), span: { start: start + m.index, end: start + m.index + m[0].length } });
    }
  };
  let i = at;
  if (form === 'url') {
    if (text[i] === '=') split(i + 1, boundedEnd(text, i + 1, /[&#"'`\s<>)\]]/, 500));
    return out;
  }
  // Past a closing quote of the key and one separator: `:`, `=`, `=>`, `(`; a flag takes a space or `=`.
  if (text[i] === '"' || text[i] === "'") i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text.startsWith('=>', i)) i += 2;
  else if (text[i] === ':' || text[i] === '=' || text[i] === '(') i++;
  else if (form === 'key') return out;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const open = text[i];
  if (open === '[' || open === '(' || open === '{') {
    const end = boundedEnd(text, i + 1, open === '[' ? /\]/ : open === '(' ? /\)/ : /\}/, 800);
    const literal = /(["'`])([^"'`\n]{1,300})\1/g;
    const body = text.slice(i + 1, end);
    for (let m = literal.exec(body); m; m = literal.exec(body)) split(i + 2 + m.index, i + 2 + m.index + m[2].length);
  } else if (open === '"' || open === "'" || open === '`') {
    split(i + 1, boundedEnd(text, i + 1, new RegExp(`[${open}\\n]`), 500));
  } else if (open === '\n' || open === '\r') {
    // A YAML block list: `scopes:` then `- repo` lines.
    let lineStart = text.indexOf('\n', i) + 1;
    for (let n = 0; n < 30 && lineStart > 0; n++) {
      const lineEnd = text.indexOf('\n', lineStart);
      const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
      const m = /^([ \t]*-[ \t]+["']?)([\w:./-]{1,100})["']?[ \t]*\r?$/.exec(line);
      // A Slack app manifest splits `oauth_config.scopes` into `bot:` and `user:` lists.
      if (!m && /^[ \t]+(?:bot|user):[ \t]*\r?$/.test(line)) {
        lineStart = lineEnd + 1;
        continue;
      }
      if (!m) break;
      out.push({ value: m[2], span: { start: lineStart + m[1].length, end: lineStart + m[1].length + m[2].length } });
      lineStart = lineEnd + 1;
    }
  } else if (open !== undefined) {
    split(i, boundedEnd(text, i, /[\s"'`;)\]}]/, 300));
  }
  return out;
}

function boundedEnd(text: string, from: number, stop: RegExp, limit: number): number {
  const end = Math.min(text.length, from + limit);
  for (let j = from; j < end; j++) if (stop.test(text[j])) return j;
  return end;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
