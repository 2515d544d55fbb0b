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
import { claimNext, ScanPool } from './scanPool';

export type EntryOutcome = { result: FileScanResult } | { skipped: SkippedFile };

export interface ScanOptions {
  root: string;
  config: ResolvedConfig;
  gitignore: boolean;
  /** Worker threads besides this one, started with the scan; undefined: started once the tree or the scan proves large. */
  workers?: number;
  onProgress?(done: number, path: string): void;
}

export interface ScanOutcome {
  files: FileScanResult[];
  skipped: SkippedFile[];
  scannedFiles: number;
}

/**
 * A worker costs about half a second of CPU before its first file (bundle, detectors, grammars,
 * regexes warming up), so workers start only once this thread has scanned for this long and the
 * files left, at the pace so far, would take longer than `WORTH_MS`. Both are CPU time (this
 * thread's, as no worker runs yet): wall time on a busy machine would call a short scan long.
 */
const MEASURE_MS = 200;
const WORTH_MS = 1000;
/**
 * A worker starts at once, without measuring first, when the walk's first slice listed this many
 * files and was not enough to list them all, or when this many files wait to be claimed: a tree
 * that large holds seconds of work, and the worker warms up while this thread starts.
 */
const EAGER_FIRST_SLICE = 100;
const EAGER_WAITING = 1000;
/** Set (to 1) by tests: this thread lists files and collects outcomes but leaves every scan to the workers. */
const WORKERS_ONLY = process.env.KEYHOLE_WORKERS_ONLY === '1';
/** The walk lists files for this long, then lets the scan (and the workers' messages) in. */
const WALK_SLICE_MS = 10;

/**
 * Whether the files left would keep this thread busy longer than `WORTH_MS`, at its pace since its
 * first file (the first pays for loading grammars and warming up): a lower bound while the walk
 * goes on, which after `WORTH_MS` of scanning is long enough anyway.
 */
function worthWorkers(left: number, scanned: number, since: NodeJS.CpuUsage, walkDone: boolean): boolean {
  const used = process.cpuUsage(since);
  const elapsed = (used.user + used.system) / 1000;
  if (scanned < 2 || elapsed < MEASURE_MS) return false;
  return (left * elapsed) / (scanned - 1) > WORTH_MS || (!walkDone && elapsed > WORTH_MS);
}

/** The scan, or why the file was skipped; an exception becomes a skip, as it does in a worker. */
export async function scanEntry(engine: Engine, entry: FileEntry, maxFileSize: number): Promise<EntryOutcome> {
  const read = readText(entry, maxFileSize);
  if ('skipped' in read) return read;
  try {
    return { result: await engine.scan({ path: entry.rel, text: read.text }) };
  } catch (err) {
    return { skipped: { path: entry.rel, reason: `scan failed: ${(err as Error).message}` } };
  }
}

export function scanEngine(config: ResolvedConfig): Engine {
  return new Engine(builtinDetectors(config), new ParserHost(nodeWasmSource(), new Set(config.disabledLanguages)), config);
}

/**
 * Lists and scans every file under `paths`. This thread scans from the first file listed, yielding
 * to the walk between files; once the tree or the scan proves large, worker threads (one per other core) join
 * in, every thread claiming the next file from one shared counter. Results come back in path
 * order whoever scanned them.
 */
export async function scanFiles(paths: string[], options: ScanOptions): Promise<ScanOutcome> {
  const skipped: SkippedFile[] = [];
  const walkOptions = { root: options.root, gitignore: options.gitignore, isIgnored: (rel: string) => isIgnoredPath(rel, options.config) };
  const entries: FileEntry[] = [];
  const outcomes: EntryOutcome[] = [];
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const maxWorkers = options.workers ?? Math.min(availableParallelism(), 8) - 1;
  let done = 0;
  const record = (index: number, outcome: EntryOutcome) => {
    outcomes[index] = outcome;
    options.onProgress?.(++done, entries[index].rel);
  };
  let pool: ScanPool | undefined;
  const startPool = () => (pool = new ScanPool(entries, counter, options.config, maxWorkers, record));
  if (options.workers) startPool();

  let walkDone = false;
  let listed: (() => void) | undefined;
  const walking = (async () => {
    const seen = new Set<string>();
    let sliceStart = Date.now();
    try {
      for (const target of paths) {
        for (const entry of walk(resolve(target), walkOptions, skipped)) {
          if (seen.has(entry.abs)) continue;
          seen.add(entry.abs);
          entries.push(entry);
          pool?.offer();
          listed?.();
          if (Date.now() - sliceStart >= WALK_SLICE_MS) {
            await new Promise<void>((next) => setImmediate(next));
            sliceStart = Date.now();
          }
        }
      }
    } finally {
      walkDone = true;
      pool?.offer(true);
      listed?.();
    }
  })();

  try {
    let engine: Engine | undefined;
    let started: NodeJS.CpuUsage | undefined;
    let scannedHere = 0;
    if (!pool && maxWorkers > 0 && !walkDone && entries.length >= EAGER_FIRST_SLICE) startPool();
    while (!(WORKERS_ONLY && pool)) {
      if (!pool && maxWorkers > 0 && entries.length - Atomics.load(counter, 0) >= EAGER_WAITING) startPool();
      const index = claimNext(counter, entries.length);
      if (index === -1) {
        if (walkDone) break;
        await new Promise<void>((wake) => (listed = wake));
        listed = undefined;
        continue;
      }
      engine ??= scanEngine(options.config);
      record(index, await scanEntry(engine, entries[index], options.config.maxFileSize));
      scannedHere++;
      if (!pool && maxWorkers > 0 && worthWorkers(entries.length - Atomics.load(counter, 0), scannedHere, (started ??= process.cpuUsage()), walkDone)) startPool();
      // Lets the walk list more files and the workers' outcomes in.
      if (!walkDone || pool) await new Promise<void>((next) => setImmediate(next));
    }
    await walking;
    await pool?.finish(entries.length - scannedHere);
  } catch (err) {
    await pool?.close();
    throw err;
  }

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
