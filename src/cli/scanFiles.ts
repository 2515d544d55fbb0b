import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { isIgnoredPath, type ResolvedConfig } from '../core/config';
import { Engine } from '../core/engine';
import { builtinDetectors } from '../core/registry';
import type { FileScanResult, SkippedFile } from '../core/types';
import { nodeWasmSource } from '../node/wasmSource';
import { ParserHost } from '../parsing/parserHost';
import { walk, type FileEntry } from './files';
import { readText } from './readText';
import { ScanPool } from './scanPool';

export type EntryOutcome = { result: FileScanResult } | { skipped: SkippedFile };

export interface ScanOptions {
  root: string;
  config: ResolvedConfig;
  gitignore: boolean;
  onProgress?(done: number, path: string): void;
}

export interface ScanOutcome {
  files: FileScanResult[];
  skipped: SkippedFile[];
  scannedFiles: number;
}

/** Below this many files, starting workers (each loads its own grammars) costs more than it saves. */
const POOL_FROM_FILES = 64;

export async function scanEntry(engine: Engine, entry: FileEntry, maxFileSize: number): Promise<EntryOutcome> {
  const read = readText(entry, maxFileSize);
  if ('skipped' in read) return read;
  return { result: await engine.scan({ path: entry.rel, text: read.text }) };
}

/**
 * Lists and scans every file under `paths`: in this thread for small scans, else in a pool of
 * worker threads (one per core) that starts while the folders are still being listed. Results
 * come back in path order whatever the pool did.
 */
export async function scanFiles(paths: string[], options: ScanOptions): Promise<ScanOutcome> {
  const skipped: SkippedFile[] = [];
  const walkOptions = { root: options.root, gitignore: options.gitignore, isIgnored: (rel: string) => isIgnoredPath(rel, options.config) };
  const entries: FileEntry[] = [];
  const seen = new Set<string>();
  const workers = Math.min(availableParallelism(), 8);
  let pool: ScanPool | undefined;
  try {
    for (const target of paths) {
      for await (const entry of walk(resolve(target), walkOptions, skipped)) {
        if (seen.has(entry.abs)) continue;
        seen.add(entry.abs);
        entries.push(entry);
        if (!pool && entries.length >= POOL_FROM_FILES && workers > 1) pool = new ScanPool(entries, options, workers);
        pool?.offer();
      }
    }
  } catch (err) {
    await pool?.close();
    throw err;
  }
  const outcomes = pool ? await pool.finish() : await scanHere(entries, options);
  const files: FileScanResult[] = [];
  for (const outcome of outcomes) {
    if ('skipped' in outcome) skipped.push(outcome.skipped);
    else {
      files.push(outcome.result);
      if (outcome.result.skipped) skipped.push({ path: outcome.result.path, reason: outcome.result.skipped });
    }
  }
  return { files, skipped, scannedFiles: files.length };
}

async function scanHere(entries: FileEntry[], options: ScanOptions): Promise<EntryOutcome[]> {
  const { config } = options;
  const engine = new Engine(builtinDetectors(config), new ParserHost(nodeWasmSource(), new Set(config.disabledLanguages)), config);
  const outcomes: EntryOutcome[] = [];
  for (const entry of entries) {
    outcomes.push(await scanEntry(engine, entry, config.maxFileSize));
    options.onProgress?.(outcomes.length, entry.rel);
  }
  return outcomes;
}
