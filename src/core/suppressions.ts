import type { LanguageKey } from './lang/languages';
import type { LineIndex } from './text';
import type { Suppression } from './types';

/** Finds every suppression comment in a document. */
export function findSuppressions(_text: string, _language: LanguageKey, _path: string, _lines: LineIndex): Suppression[] {
  return [];
}

/** The suppression that covers a finding of `ruleId` starting on `line`, if any. */
export function suppressionFor(ruleId: string, line: number, suppressions: Suppression[]): Suppression | undefined {
  return suppressions.find((s) => line >= s.firstLine && line <= s.lastLine && (s.ruleIds.length === 0 || s.ruleIds.some((id) => ruleId === id || ruleId.startsWith(id.endsWith('/') ? id : id + '/'))));
}
