// A lifetime written back in the unit style it was found in: `"768h"` becomes `"24h"`, `'365d'`
// becomes `'1d'`, `'2 days'` becomes `'1 day'`, `timedelta(days=365)` becomes `timedelta(days=1)`,
// `60 * 60 * 24 * 30` becomes `60 * 60 * 24`. The larger unit is kept when the limit is a whole number of
// it, else the next smaller one. The readers are in src/core/lifecycle/durations.ts.

import type { DurationStyle } from '../../lifecycle/remedy';

const GO_STEPS: [string, number][] = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];

/** Seconds as a Vault / Go duration in the largest unit `written` used, when whole; `written` all digits stays digits. */
export function goDurationText(seconds: number, written: string): string {
  const text = written.trim();
  if (/^\d+$/.test(text)) return String(Math.round(seconds));
  const first = /[a-zµ]+/i.exec(text)?.[0].toLowerCase() ?? 's';
  const start = Math.max(0, GO_STEPS.findIndex(([unit]) => unit === first));
  for (const [unit, size] of GO_STEPS.slice(start)) if (seconds % size === 0) return `${seconds / size}${unit}`;
  return `${Math.round(seconds)}s`;
}

interface SpanUnit {
  size: number;
  short: string;
  long: string;
}

const SPAN_UNITS: SpanUnit[] = [
  { size: 31557600, short: 'y', long: 'year' }, { size: 604800, short: 'w', long: 'week' }, { size: 86400, short: 'd', long: 'day' },
  { size: 3600, short: 'h', long: 'hour' }, { size: 60, short: 'm', long: 'minute' }, { size: 1, short: 's', long: 'second' },
];
/** Units a week or a year does not divide: a day limit is written in days, not weeks. */
const SPAN_FALLBACK_FROM = new Map([[31557600, 86400], [604800, 86400]]);

function spanUnitOf(unit: string): SpanUnit | undefined {
  const u = unit.toLowerCase();
  if (/^(?:milliseconds?|msecs?|ms)$/.test(u)) return undefined;
  return SPAN_UNITS.find((s) => u === s.short || u.startsWith(s.long) || (s.short === 'h' && /^hrs?$/.test(u)) ||
    (s.short === 'm' && /^mins?$/.test(u)) || (s.short === 's' && /^secs?$/.test(u)) || (s.short === 'y' && /^yrs?$/.test(u)));
}

/** Seconds as an `ms` time span in the unit and spelling of `written` (`'1d'`, `'24 hours'`, `'86400000'`). */
export function timeSpanText(seconds: number, written: string): string {
  const m = /^(\s*)(\d*\.?\d+)(\s*)([a-zµ]*)(\s*)$/i.exec(written);
  if (!m) return `${seconds}s`;
  const [, lead, , gap, unitText, tail] = m;
  if (!unitText) return `${lead}${Math.round(seconds * 1000)}${tail}`;
  if (/^(?:milliseconds?|msecs?|ms)$/i.test(unitText)) return `${lead}${Math.round(seconds * 1000)}${gap}${unitText}${tail}`;
  const unit = spanUnitOf(unitText) ?? SPAN_UNITS[SPAN_UNITS.length - 1];
  const long = unitText.length > 1 && !/^(?:hrs?|mins?|secs?|yrs?)$/i.test(unitText);
  const from = SPAN_UNITS.findIndex((s) => s.size === (seconds % unit.size === 0 ? unit.size : SPAN_FALLBACK_FROM.get(unit.size) ?? unit.size));
  const chosen = SPAN_UNITS.slice(from).find((s) => seconds % s.size === 0) ?? SPAN_UNITS[SPAN_UNITS.length - 1];
  const amount = seconds / chosen.size;
  // The unit as written (`hrs`, `Days`) when it stays; a long name agrees with its number.
  const name = long ? `${chosen.long}${amount === 1 ? '' : 's'}` : chosen === unit ? unitText : chosen.short;
  return `${lead}${amount}${gap}${name}${tail}`;
}

/** Seconds as a JS number; as `60 * 60 * <hours>` when the original was a product. */
export function jsSecondsText(seconds: number, written: string): string {
  if (!written.includes('*')) return String(seconds);
  if (seconds % 3600 === 0) return `60 * 60 * ${seconds / 3600}`;
  if (seconds % 60 === 0) return `60 * ${seconds / 60}`;
  return String(seconds);
}

const TIMEDELTA_UNITS: [string, number][] = [['weeks', 604800], ['days', 86400], ['hours', 3600], ['minutes', 60], ['seconds', 1]];

/** `(days=365)` → `(days=1)`; `(365)` → `(1)`; `(weeks=52)` → `(days=1)`: the first keyword's unit when whole, else smaller. */
export function timedeltaArgsText(seconds: number, written: string): string {
  const inner = written.trim().replace(/^\(/, '').replace(/\)$/, '').trim();
  const keyword = /^(\w+)\s*=/.exec(inner)?.[1];
  const spaced = /=\s/.test(inner) ? ' = ' : '=';
  if (!keyword) {
    if (seconds % 86400 === 0) return `(${seconds / 86400})`;
  }
  const start = Math.max(0, TIMEDELTA_UNITS.findIndex(([name]) => name === keyword));
  const [name, size] = TIMEDELTA_UNITS.slice(keyword ? start : 2).find(([, s]) => seconds % s === 0) ?? ['seconds', 1];
  return `(${name}${spaced}${seconds / size})`;
}

const CDK_STEPS: [string, number][] = [['days', 86400], ['hours', 3600], ['minutes', 60], ['seconds', 1]];

/** `hours(12)` → `hours(1)`; `days(1)` with a limit of one hour → `hours(1)`. */
export function cdkDurationText(seconds: number, written: string): string {
  const method = /^(\w+)\s*\(/.exec(written.trim())?.[1];
  const start = Math.max(0, CDK_STEPS.findIndex(([name]) => name === method));
  const [name, size] = CDK_STEPS.slice(start).find(([, s]) => seconds % s === 0) ?? ['seconds', 1];
  return `${name}(${seconds / size})`;
}

/** The replacement text for a lifetime found in `style`, or undefined for an unknown style. */
export function durationText(style: DurationStyle, seconds: number, written: string): string | undefined {
  switch (style) {
    case 'seconds': return String(Math.round(seconds));
    case 'go': return goDurationText(seconds, written);
    case 'timespan': return timeSpanText(seconds, written);
    case 'js-seconds': return jsSecondsText(seconds, written);
    case 'timedelta': return timedeltaArgsText(seconds, written);
    case 'cdk-duration': return cdkDurationText(seconds, written);
    default: return undefined;
  }
}
