// The CLI's scan workers, main-thread side. The file list is sent to every worker as the walk finds
// it; each thread (the main one too, see scanFiles.ts) claims the next file from a counter they all
// share (an atomic increment), so a worker never waits for the main thread and none is left with a
// queue of large files while another idles: files come in path order, and a folder's large bundles
// sit next to each other.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import type { FileEntry } from './files';
import type { EntryOutcome } from './scanFiles';

/** Main thread to worker: files of the list from index `start` on (earlier ones are claimed already). */
export interface EntriesMessage {
  start: number;
  entries: FileEntry[];
}

/** Worker to main thread: outcomes of files it claimed, by their index in the list. */
export interface OutcomesMessage {
  indexes: number[];
  outcomes: EntryOutcome[];
}

/** Shared counter cell: the index of the next file to claim. */
const NEXT_FILE = 0;

/** A worker's code: the scan-worker bundle beside this one, loaded with its code cache (bin/loadBundle.js). */
const WORKER_SOURCE = `require(${JSON.stringify(join(__dirname, '..', 'bin', 'loadBundle.js'))})(${JSON.stringify(join(__dirname, 'scan-worker.js'))});`;

/** Claims the next file of a list of `listed` files, or returns -1 when every one is claimed. */
export function claimNext(counter: Int32Array, listed: number): number {
  for (;;) {
    const next = Atomics.load(counter, NEXT_FILE);
    if (next >= listed) return -1;
    if (Atomics.compareExchange(counter, NEXT_FILE, next, next + 1) === next) return next;
  }
}

/** Files listed before they are sent on: one message per file would cost more than a small file's scan. */
const SEND_EVERY = 64;

export class ScanPool {
  private readonly workers: Worker[] = [];
  private sent = 0;
  private received = 0;
  private expected: number | undefined;
  private failure: Error | undefined;
  private closing = false;
  private settle: (() => void) | undefined;

  constructor(
    private readonly entries: FileEntry[],
    private readonly counter: Int32Array,
    config: ResolvedConfig,
    size: number,
    private readonly record: (index: number, outcome: EntryOutcome) => void,
  ) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { config, counter } });
      this.workers.push(worker);
      worker.on('message', (message: OutcomesMessage) => this.receive(message));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`scan worker exited with code ${code}`));
      });
    }
    this.send();
  }

  /** Sends the files listed since the last call, once there are enough of them to be worth a message (`all`: the walk is over). */
  offer(all = false): void {
    if (all || this.entries.length - this.sent >= SEND_EVERY) this.send();
  }

  /** The walk is over and every file claimed: sends the rest and waits for the workers' `expected` outcomes. */
  async finish(expected: number): Promise<void> {
    this.expected = expected;
    const finished = new Promise<void>((resolveAll) => (this.settle = resolveAll));
    this.send();
    if (this.failure || this.received === expected) this.settle!();
    await finished;
    await this.close();
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(): void {
    const start = Math.max(this.sent, Atomics.load(this.counter, NEXT_FILE));
    if (start >= this.entries.length) return;
    const message: EntriesMessage = { start, entries: this.entries.slice(start) };
    this.sent = this.entries.length;
    for (const worker of this.workers) worker.postMessage(message);
  }

  private receive(message: OutcomesMessage): void {
    message.indexes.forEach((index, i) => this.record(index, message.outcomes[i]));
    this.received += message.indexes.length;
    if (this.received === this.expected) this.settle?.();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.settle?.();
  }
}
