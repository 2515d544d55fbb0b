import type { RuleInfo } from '../types';

const CATEGORY_TITLES: Record<string, string> = {
  secret: 'Exposure: hardcoded credentials',
  iam: 'Reach: over-broad grants',
  agent: 'Reach: AI-agent tool scopes',
  lifecycle: 'Credential lifetime',
};

function sorted(rules: RuleInfo[]): RuleInfo[] {
  return [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
}

/** The rule catalogue as Markdown tables, one per category (the README embeds it). */
export function ruleCatalogueMarkdown(rules: RuleInfo[]): string {
  const out: string[] = [];
  for (const category of Object.keys(CATEGORY_TITLES)) {
    const inCategory = sorted(rules).filter((r) => r.category === category);
    if (!inCategory.length) continue;
    out.push(`### ${CATEGORY_TITLES[category]} (${inCategory.length} rules)`, '');
    out.push('| Rule id | What it finds | Severity | Links |', '|---|---|---|---|');
    for (const r of inCategory) {
      const links = [`[docs](${r.docsUrl})`, r.rotationUrl ? `[rotate](${r.rotationUrl})` : ''].filter(Boolean).join(' · ');
      out.push(`| \`${r.id}\` | ${r.title.replace(/\|/g, '\\|')} | ${r.severity} | ${links} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** One line a rule, for a terminal. */
export function ruleCatalogueText(rules: RuleInfo[]): string {
  return sorted(rules).map((r) => `${r.id.padEnd(40)} ${r.severity.padEnd(8)} ${r.title}`).join('\n') + '\n';
}
