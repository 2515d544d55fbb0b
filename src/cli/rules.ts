import { ruleCatalogueText } from '../core/report/ruleCatalogue';
import type { RuleInfo } from '../core/types';

export function renderRules(rules: RuleInfo[], format: 'text' | 'json'): string {
  return format === 'json' ? JSON.stringify(rules, null, 2) + '\n' : ruleCatalogueText(rules);
}
