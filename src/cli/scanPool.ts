// The CLI's pool of scan workers, main-thread side. The file list is sent to every worker as the walk
// finds it; each worker claims the next file from a counter shared by all (an atomic increment), so a
// worker never waits for the main thread and none is left with a queue of large files while the
// other idles: files come in path order, and a folder's large bundles sit next to each other.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileEntry } from './files';
import type { EntryOutcome, ScanOptions } from './scanFiles';

/** Main thread to worker: more files of the list, appended in order. */
export interface EntriesMessage {
  entries: FileEntry[];
}

/** Worker to main thread: outcomes of files it claimed, by their index in the list. */
export interface OutcomesMessage {
  indexes: number[];
  outcomes: EntryOutcome[];
}

/** Shared counter cell: the index of the next file to claim. */
export const NEXT_FILE = 0;

/** Files listed before they are sent on: one message per file would cost more than a small file's scan. */
const SEND_EVERY = 64;

export class ScanPool {
  private readonly workers: Worker[] = [];
  private readonly outcomes: EntryOutcome[] = [];
  private sent = 0;
  private received = 0;
  private complete = false;
  private failure: Error | undefined;
  private closing = false;
  private settle: (() => void) | undefined;

  constructor(private readonly entries: FileEntry[], private readonly options: ScanOptions, size: number) {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < size; i++) {
      const worker = new Worker(join(__dirname, 'scan-worker.js'), { workerData: { config: options.config, counter } });
      this.workers.push(worker);
      worker.on('message', (message: OutcomesMessage) => this.receive(message));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`scan worker exited with code ${code}`));
      });
    }
  }

  /** Sends the files listed since the last call, once there are enough of them to be worth a message. */
  offer(): void {
    if (this.entries.length - this.sent >= SEND_EVERY) this.send();
  }

  /** The walk is over: sends the rest and waits for every outcome, in list order. */
  async finish(): Promise<EntryOutcome[]> {
    this.complete = true;
    const finished = new Promise<void>((resolveAll) => (this.settle = resolveAll));
    this.send();
    if (this.failure || this.received === this.entries.length) this.settle!();
    await finished;
    await this.close();
    if (this.failure) throw this.failure;
    return this.outcomes;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(): void {
    const message: EntriesMessage = { entries: this.entries.slice(this.sent) };
    this.sent = this.entries.length;
    for (const worker of this.workers) worker.postMessage(message);
  }

  private receive(message: OutcomesMessage): void {
    message.indexes.forEach((index, i) => (this.outcomes[index] = message.outcomes[i]));
    this.received += message.indexes.length;
    const last = message.indexes[message.indexes.length - 1];
    if (last !== undefined) this.options.onProgress?.(this.received, this.entries[last].rel);
    if (this.complete && this.received === this.entries.length) this.settle?.();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.settle?.();
  }
}
