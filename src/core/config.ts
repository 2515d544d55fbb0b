import type { Severity } from './types';

/** A user-defined rule from the workspace configuration file. */
export interface CustomRule {
  id: string;
  title: string;
  pattern: string;
  keywords: string[];
  severity: Severity;
}

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

/** The workspace configuration after defaults and validation. */
export interface ResolvedConfig {
  ignore: string[];
  rules: Record<string, RuleSetting>;
  /** Fingerprints of accepted findings (a baseline a team commits), with an optional reason. */
  allowlist: { fingerprint: string; reason?: string }[];
  customRules: CustomRule[];
  /** Files above this many bytes are skipped with a reason. */
  maxFileSize: number;
  disabledLanguages: string[];
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  ignore: [],
  rules: {},
  allowlist: [],
  customRules: [],
  maxFileSize: 2 * 1024 * 1024,
  disabledLanguages: [],
};

export class ConfigError extends Error {}

/** Parses the workspace configuration file; throws ConfigError with a one-line message when it is invalid. */
export function parseConfig(text: string, source: string): ResolvedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${source}: not valid JSON (${(err as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${source}: expected a JSON object`);
  return { ...DEFAULT_CONFIG, ...(raw as Partial<ResolvedConfig>) };
}

export const CONFIG_FILE_NAMES = ['.keyhole.json', 'keyhole.config.json'];
