// A worker thread of the CLI's scan pool (see scanPool.ts): its own engine and parser. It claims
// files from the shared list one at a time and sends their outcomes back in small groups.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import type { FileEntry } from './files';
import { scanEngine, scanEntry } from './scanFiles';
import { claimNext, type EntriesMessage, type OutcomesMessage } from './scanPool';

const config = workerData.config as ResolvedConfig;
const counter = workerData.counter as Int32Array;
const engine = scanEngine(config);

/** Outcomes are sent after this many files or this long, whichever comes first: fewer messages, a live progress line. */
const SEND_FILES = 32;
const SEND_MS = 100;

/** The list so far; files below `released` have been claimed (here or elsewhere) and are dropped. */
const entries: (FileEntry | undefined)[] = [];
let released = 0;
let running = false;

parentPort!.on('message', (message: EntriesMessage) => {
  message.entries.forEach((entry, i) => (entries[message.start + i] = entry));
  if (!running) void run();
});

/** The index of the next unclaimed file among those this worker has received, or -1. */
function claim(): number {
  const next = claimNext(counter, entries.length);
  while (released < next) entries[released++] = undefined;
  return next;
}

/** Scans files until none is left to claim; more may arrive later, and start it again. */
async function run(): Promise<void> {
  running = true;
  let pending: OutcomesMessage = { indexes: [], outcomes: [] };
  let sentAt = Date.now();
  const flush = () => {
    if (pending.indexes.length) parentPort!.postMessage(pending);
    pending = { indexes: [], outcomes: [] };
    sentAt = Date.now();
  };
  for (let index = claim(); index !== -1; index = claim()) {
    const entry = entries[index]!;
    entries[index] = undefined;
    pending.indexes.push(index);
    pending.outcomes.push(await scanEntry(engine, entry, config.maxFileSize));
    if (pending.indexes.length >= SEND_FILES || Date.now() - sentAt >= SEND_MS) flush();
  }
  flush();
  running = false;
}
