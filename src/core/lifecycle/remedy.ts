// What the lifecycle detectors hand to the narrowing fixes (src/core/fixes/narrow/lifecycle.ts): the
// span of a lifetime and how it is written, or the resource a rotation or expiry is added to.
import type { Remedy, Span } from '../types';

export const LIFECYCLE_REMEDY = {
  duration: 'lifecycle-duration',
  terraformRotation: 'lifecycle-terraform-rotation',
  templateRotation: 'lifecycle-template-rotation',
  terraformExpiry: 'lifecycle-terraform-expiry',
} as const;

/** How a lifetime is written where it was found. */
export type DurationStyle =
  /** A number of seconds (`3600`, `"43200"`, `MaxSessionDuration: 43200`). */
  | 'seconds'
  /** A Vault / Go duration (`768h`, `30d`, `1h30m`), or a bare number of seconds. */
  | 'go'
  /** An `ms`-package time span (`'365d'`, `'2 days'`; a bare number there is milliseconds). */
  | 'timespan'
  /** A JS number of seconds, possibly as a product (`60 * 60 * 24 * 365`). */
  | 'js-seconds'
  /** The parenthesised arguments of a Python `timedelta(...)` call. */
  | 'timedelta'
  /** A CDK `Duration` method and its argument (`hours(12)` of `Duration.hours(12)`). */
  | 'cdk-duration';

/** `spans.value`: the lifetime as written (inside quotes). */
export interface DurationRemedyData {
  style: DurationStyle;
  /** The limit the lifetime was judged against: what the fix writes. */
  limitSeconds: number;
  /** The text at `spans.value` when found; the fix checks it is still there. */
  written: string;
  /** What the lifetime is, for the fix title (`session duration`, `Vault TTL`). */
  what: string;
}

/** `spans.block`: the whole `resource` block; `spans.last`: its last top-level attribute, when it has one. */
export interface TerraformResourceData {
  type: string;
  name: string;
  /** Days a key or password may live (the `maxKeyAgeDays` limit). */
  limitDays?: number;
  /** The folder's `variables.tf` exists? Decided by the fix from the workspace; not set here. */
}

/** `spans.resource`: the resource's value (a YAML mapping or JSON object); `spans.key`: its logical id. */
export interface TemplateResourceData {
  id: string;
  syntax: 'yaml' | 'json';
}

export function durationRemedy(text: string, span: Span, style: DurationStyle, limitSeconds: number, what: string): Remedy {
  const data: DurationRemedyData = { style, limitSeconds, written: text.slice(span.start, span.end), what };
  return { kind: LIFECYCLE_REMEDY.duration, spans: { value: { start: span.start, end: span.end } }, data: { ...data } };
}
