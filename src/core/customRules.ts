// Rules a team defines in the workspace configuration file (`customRules`): a keyword prefilter, then
// the pattern; the named group `secret` (or the whole match) is the value reported.
import type { CustomRule } from './config';
import type { Detector, ScanContext } from './detector';
import { TOOL_URI } from './report/model';
import { isPlaceholder } from './secrets/placeholders';
import type { RawFinding, RuleInfo, Span } from './types';

const CUSTOM_RULES_DOCS = `${TOOL_URI}/blob/main/docs/configuration.md#custom-rules`;

interface CompiledRule {
  rule: CustomRule;
  regex: RegExp;
  hasSecretGroup: boolean;
}

/** A detector for the configuration's custom rules (patterns validated by parseConfig). */
export function customRulesDetector(rules: CustomRule[]): Detector {
  const compiled: CompiledRule[] = rules.map((rule) => {
    const hasSecretGroup = rule.pattern.includes('(?<secret>');
    return { rule, hasSecretGroup, regex: new RegExp(rule.pattern, hasSecretGroup ? 'dg' : 'g') };
  });
  return {
    id: 'custom-rules',
    rules: rules.map(ruleInfo),
    detect(ctx) {
      const out: RawFinding[] = [];
      for (const c of compiled) {
        // Generated files (lock files, minified code) only get validated formats.
        if (ctx.generated && c.rule.confidence !== 'validated') continue;
        const keyword = c.rule.keywords.find((k) => ctx.lower.includes(k));
        if (keyword) out.push(...matches(c, keyword, ctx));
      }
      return out;
    },
  };
}

function matches({ rule, regex, hasSecretGroup }: CompiledRule, keyword: string, ctx: ScanContext): RawFinding[] {
  const out: RawFinding[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(ctx.text); m; m = regex.exec(ctx.text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const span: Span = { start: m.index, end: m.index + m[0].length };
    const group = hasSecretGroup ? m.indices?.groups?.secret : undefined;
    const valueSpan: Span = group ? { start: group[0], end: group[1] } : span;
    if (valueSpan.end === valueSpan.start || isPlaceholder(ctx.text.slice(valueSpan.start, valueSpan.end))) continue;
    out.push({
      ruleId: rule.id,
      span,
      valueSpan,
      severity: rule.severity,
      confidence: rule.confidence ?? 'heuristic',
      message: `${rule.title}: matches the custom rule ${rule.id} from the workspace configuration.`,
      evidence: [`custom rule ${rule.id}`, `keyword "${keyword}" present`, group ? 'value: the pattern\'s "secret" group' : 'value: the whole match'],
    });
  }
  return out;
}

function ruleInfo(rule: CustomRule): RuleInfo {
  return {
    id: rule.id,
    title: rule.title,
    category: 'secret',
    severity: rule.severity,
    description: rule.description ?? `${rule.title} (custom rule from the workspace configuration).`,
    docsUrl: CUSTOM_RULES_DOCS,
    tags: ['custom'],
  };
}
