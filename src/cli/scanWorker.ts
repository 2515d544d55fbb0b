// A worker thread of the CLI's scan pool: its own engine and parser, fed file paths by the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../core/config';
import { Engine } from '../core/engine';
import { builtinDetectors } from '../core/registry';
import { nodeWasmSource } from '../node/wasmSource';
import { ParserHost } from '../parsing/parserHost';
import type { FileEntry } from './files';
import { scanEntry } from './scanFiles';

const config = workerData.config as ResolvedConfig;
const engine = new Engine(builtinDetectors(config), new ParserHost(nodeWasmSource(), new Set(config.disabledLanguages)), config);

parentPort!.on('message', async (message: { id: number; entry: FileEntry }) => {
  try {
    parentPort!.postMessage({ id: message.id, outcome: await scanEntry(engine, message.entry, config.maxFileSize) });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, outcome: { skipped: { path: message.entry.rel, reason: `scan failed: ${(err as Error).message}` } } });
  }
});
