// Durations as IaC and token libraries write them, in seconds.

const GO_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400 };
const GO_SEGMENT = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/y;

/** A Vault / Go duration (`768h`, `1h30m`, `30d`) or a number of seconds (`3600`, "3600"); undefined when unreadable. */
export function goDurationSeconds(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  GO_SEGMENT.lastIndex = 0;
  while (GO_SEGMENT.lastIndex < text.length) {
    const m = GO_SEGMENT.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * GO_UNITS[m[2]];
  }
  return text.length ? total : undefined;
}

const MS_UNITS: [RegExp, number][] = [
  [/^(?:milliseconds?|msecs?|ms)$/, 1e-3], [/^(?:seconds?|secs?|s)$/, 1], [/^(?:minutes?|mins?|m)$/, 60],
  [/^(?:hours?|hrs?|h)$/, 3600], [/^(?:days?|d)$/, 86400], [/^(?:weeks?|w)$/, 604800], [/^(?:years?|yrs?|y)$/, 31557600],
];

/**
 * A time span as jsonwebtoken and jose read it (the `ms` package): `'365d'`, `'2 days'`, `'1y'`. A string
 * without a unit is milliseconds there; undefined when unreadable.
 */
export function timeSpanSeconds(value: string): number | undefined {
  const m = /^\s*(\d*\.?\d+)\s*([a-zµ]*)\s*$/i.exec(value);
  if (!m) return undefined;
  if (!m[2]) return Number(m[1]) / 1000;
  const unit = MS_UNITS.find(([re]) => re.test(m[2].toLowerCase()));
  return unit ? Number(m[1]) * unit[1] : undefined;
}

/** `365 days`, `36 hours`, `15 minutes`: for messages. */
export function formatSeconds(seconds: number): string {
  const plural = (n: number, unit: string) => `${Number.isInteger(n) ? n : n.toFixed(1)} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds >= 2 * 86400) return plural(Math.round((seconds / 86400) * 10) / 10, 'day');
  if (seconds >= 2 * 3600) return plural(Math.round((seconds / 3600) * 10) / 10, 'hour');
  return plural(Math.round(seconds / 60), 'minute');
}
