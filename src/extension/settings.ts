// The `keyhole.*` VS Code settings, and how they combine with the workspace configuration file:
// settings override the file's rule settings and add to its ignore globs and language switches.
import * as vscode from 'vscode';
import { ConfigError, parseConfig, type ResolvedConfig } from '../core/config';

export type RunMode = 'onType' | 'onSave';

/** How the editor host behaves; not part of the engine's configuration. */
export interface HostSettings {
  run: RunMode;
  debounceMs: number;
  /** A scan slower than this is reported in the output channel. */
  timeBudgetMs: number;
  /** Documents larger than this (characters) are scanned on open, on save and when typing pauses, not on each change. */
  deferLargerThan: number;
}

export function hostSettings(scope?: vscode.ConfigurationScope): HostSettings {
  const c = vscode.workspace.getConfiguration('keyhole', scope);
  return {
    run: c.get<RunMode>('run') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: clamp(c.get<number>('debounceMs', 200), 0, 10_000),
    timeBudgetMs: clamp(c.get<number>('timeBudgetMs', 500), 10, 60_000),
    deferLargerThan: clamp(c.get<number>('deferLargerThan', 512 * 1024), 1024, Number.MAX_SAFE_INTEGER),
  };
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min;
}

/**
 * Applies the settings to the configuration read from the workspace file. Invalid settings are
 * reported through `problem` and left out; they never stop scanning.
 */
export function withSettings(file: ResolvedConfig, scope: vscode.ConfigurationScope | undefined, problem: (message: string) => void): ResolvedConfig {
  const c = vscode.workspace.getConfiguration('keyhole', scope);
  const fromSettings = (key: string, value: unknown): Partial<ResolvedConfig> => {
    if (value === undefined || value === null) return {};
    try {
      return parseConfig(JSON.stringify({ [key]: value }), `settings: keyhole.${key}`);
    } catch (err) {
      if (err instanceof ConfigError) problem(err.message);
      else throw err;
      return {};
    }
  };
  const rules = fromSettings('rules', nonEmpty(c.get('rules'))).rules ?? {};
  const ignore = fromSettings('ignore', nonEmpty(c.get('ignore'))).ignore ?? [];
  const languages = fromSettings('languages', nonEmpty(c.get('languages'))).disabledLanguages ?? [];
  const maxFileSize = c.get<number | null>('maxFileSize');
  const envFile = fromSettings('envFile', c.get<string>('envFile') || undefined).envFile;
  return {
    ...file,
    rules: { ...file.rules, ...rules },
    ignore: [...file.ignore, ...ignore],
    disabledLanguages: [...new Set([...file.disabledLanguages, ...languages])],
    maxFileSize: typeof maxFileSize === 'number' && maxFileSize > 0 ? maxFileSize : file.maxFileSize,
    envFile: envFile ?? file.envFile,
  };
}

function nonEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value : undefined;
  if (value && typeof value === 'object') return Object.keys(value).length ? value : undefined;
  return value;
}
