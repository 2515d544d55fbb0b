// Runs scans in a worker thread (Node extension host only; the web build scans large documents on
// the extension host's thread after a typing pause). A scan that outlives its deadline ends the worker.
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import type { ScanDocument } from '../core/engine';
import type { FileScanResult } from '../core/types';
import type { ScanRequest } from './scanWorker';

export interface OffThreadScanner {
  scan(config: ResolvedConfig, doc: ScanDocument): Promise<FileScanResult>;
  dispose(): void;
}

const DEADLINE_MS = 30_000;

export function workerScanner(workerFile: string): OffThreadScanner {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: FileScanResult) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    pending.clear();
  };
  const start = (): Worker => {
    const w = new Worker(workerFile);
    w.on('message', (m: { id: number; result?: FileScanResult; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.result) p.resolve(m.result);
      else p.reject(new Error(m.error ?? 'scan failed in the worker'));
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', () => {
      if (worker === w) worker = undefined;
      failAll(new Error('the scan worker stopped'));
    });
    w.unref();
    return w;
  };

  return {
    scan(config, doc) {
      worker ??= start();
      const id = nextId++;
      const current = worker;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`scanning ${doc.path} in the worker took longer than ${DEADLINE_MS / 1000} s`));
          void current.terminate();
        }, DEADLINE_MS);
        pending.set(id, { resolve, reject, timer });
        const request: ScanRequest = { id, config, doc: { path: doc.path, text: doc.text, languageId: doc.languageId } };
        current.postMessage(request);
      });
    },
    dispose() {
      void worker?.terminate();
    },
  };
}
