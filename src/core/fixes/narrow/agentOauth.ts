// Broad OAuth scopes replaced by their documented narrower counterparts, in place and in the same
// spelling (quoted, in a space- or comma-separated list, URL-encoded in a query string):
// Google `cloud-platform` → `cloud-platform.read-only`; GitHub `admin:org` → `read:org`,
// `admin:enterprise` → `read:enterprise`, `repo` → `public_repo`; `delete_repo` and `site_admin`
// removed (no read counterpart). Slack's legacy `admin` has none either: no fix.
import type { Finding, Fix, TextEdit } from '../../types';
import { closingBracket, itemsBetween, openBracketsAt, removalSpan } from '../brackets';
import { insert, replace, type FixDocument } from '../draft';
import { SYNTAX, type CodeSyntax } from '../literals';
import { jsonStringAt, removeItemEdits } from './agentJson';

export interface OauthScopeRemedy {
  provider: 'Google' | 'GitHub' | 'Slack';
}

const GOOGLE_SCOPES = 'https://developers.google.com/identity/protocols/oauth2/scopes';
const GITHUB_SCOPES = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps';
const CLOUD_PLATFORM = /(?:^|\/)auth\/cloud-platform$/;

const GITHUB: Record<string, { to?: string; why: string }> = {
  'admin:org': { to: 'read:org', why: '`read:org` reads organisation membership, teams and projects without changing them.' },
  'admin:enterprise': { to: 'read:enterprise', why: '`read:enterprise` reads the enterprise profile without managing it.' },
  repo: { to: 'public_repo', why: 'OAuth apps have no read-only scope for private repositories: `public_repo` limits the token to public ones. If the integration needs private repositories, a GitHub App with read-only repository permissions is the narrow alternative.' },
  delete_repo: { why: 'No integration needs to delete repositories routinely; do that by hand.' },
  site_admin: { why: 'Instance administration is for administrators, not an integration.' },
};

export function oauthScopeFixes(finding: Finding, doc: FixDocument, language: string): Fix[] {
  const raw = doc.text.slice(finding.span.start, finding.span.end);
  if (CLOUD_PLATFORM.test(raw.toLowerCase()) && !/^[\w.-]/.test(doc.text.slice(finding.span.end, finding.span.end + 1))) {
    return [{
      title: 'Request `cloud-platform.read-only` instead of `cloud-platform` (review)',
      description: `\`cloud-platform.read-only\` lets the token view data across Google Cloud services but not change it (${GOOGLE_SCOPES}). If the code writes, request the API's own scope instead (\`devstorage.read_write\`, \`bigquery\`, ...), which is narrower than \`cloud-platform\` either way.`,
      preferred: false,
      edits: [{ path: doc.path, edits: [insert(finding.span.end, '.read-only')] }],
    }];
  }
  let scope = raw;
  try {
    scope = decodeURIComponent(raw);
  } catch {
    return [];
  }
  const rule = GITHUB[scope.toLowerCase()];
  if (!rule || (finding.remedy?.data as OauthScopeRemedy | undefined)?.provider !== 'GitHub') return [];
  if (rule.to) {
    const spelled = raw === scope ? rule.to : encodeURIComponent(rule.to);
    return [{
      title: `Request the GitHub scope \`${rule.to}\` instead of \`${scope}\` (review)`,
      description: `${rule.why} Check that the integration still works with it (${GITHUB_SCOPES}); users authorise the new scope on their next sign-in.`,
      preferred: false,
      edits: [{ path: doc.path, edits: [replace(finding.span, spelled)] }],
    }];
  }
  const edits = scopeRemoval(doc, finding, language);
  return edits.length ? [{
    title: `Stop requesting the GitHub scope \`${scope}\``,
    description: `${rule.why} The other scopes are kept (${GITHUB_SCOPES}).`,
    preferred: false,
    edits: [{ path: doc.path, edits }],
  }] : [];
}

/** Edits that drop one scope: a quoted list item, or a word of a space/comma/`+`/`%20` separated value. Never the only scope. */
function scopeRemoval(doc: FixDocument, finding: Finding, language: string): TextEdit[] {
  const { text } = doc;
  const { start, end } = finding.span;
  const quote = text[start - 1];
  if ((quote === '"' || quote === "'" || quote === '`') && text[end] === quote) {
    if (language === 'json') {
      const at = jsonStringAt(text, { start: start - 1, end: end + 1 });
      const array = at?.node.parent;
      return array?.type === 'array' && array.children!.length > 1 ? removeItemEdits(text, array, array.children!.indexOf(at!.node)) : [];
    }
    const syntax: CodeSyntax | undefined = language === 'python' ? SYNTAX.python : /^(?:javascript|typescript|tsx)$/.test(language) ? SYNTAX.javascript : undefined;
    if (!syntax) return [];
    const open = openBracketsAt(text, start - 1, syntax).pop();
    if (!open || open.char === '{') return [];
    const close = closingBracket(text, open.at, syntax);
    if (close === -1) return [];
    const items = itemsBetween(text, open.at, close, syntax);
    const index = items.findIndex((i) => i.start === start - 1 && i.end === end + 1);
    return index === -1 || items.length < 2 ? [] : [replace(removalSpan(text, items, index), '')];
  }
  // A word among others: the separator after it goes (before it, for the last word).
  const SEPARATOR = /^(?:%20|%2C|[ ,+])+/i;
  const after = SEPARATOR.exec(text.slice(end, end + 12))?.[0];
  const WORD_END = /(?:%20|%2C|[ ,+])+$/i;
  const before = WORD_END.exec(text.slice(Math.max(0, start - 12), start))?.[0];
  const nextIsWord = after !== undefined && /^[\w:.\/-]/.test(text[end + after.length] ?? '');
  const prevIsWord = before !== undefined && /[\w:.\/-]/.test(text[start - before.length - 1] ?? '');
  if (nextIsWord) return [replace({ start, end: end + after!.length }, '')];
  if (prevIsWord) return [replace({ start: start - before!.length, end }, '')];
  return [];
}
