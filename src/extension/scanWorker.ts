// A worker thread (Node extension host) that scans large documents, so that their scans never hold
// the extension host's own thread. Bundled as dist/extension-worker.js; it reads grammars from dist/grammars.
import { parentPort } from 'node:worker_threads';
import { join } from 'node:path';
import type { ResolvedConfig } from '../core/config';
import { Engine, type ScanDocument } from '../core/engine';
import { builtinDetectors } from '../core/registry';
import { nodeWasmSource } from '../node/wasmSource';
import { ParserHost } from '../parsing/parserHost';

export interface ScanRequest {
  id: number;
  config: ResolvedConfig;
  doc: ScanDocument;
}

/** Off the extension host's thread a slow parse delays only this document's findings. */
const PARSE_BUDGET_MS = 10_000;

let cached: { key: string; engine: Engine } | undefined;

function engineFor(config: ResolvedConfig): Engine {
  const key = JSON.stringify(config);
  if (cached?.key !== key) {
    const host = new ParserHost(nodeWasmSource(join(__dirname, 'grammars')), new Set(config.disabledLanguages), PARSE_BUDGET_MS);
    cached = { key, engine: new Engine(builtinDetectors(config), host, config) };
  }
  return cached.engine;
}

parentPort?.on('message', async (request: ScanRequest) => {
  try {
    const result = await engineFor(request.config).scan(request.doc);
    parentPort!.postMessage({ id: request.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: request.id, error: (err as Error).stack ?? String(err) });
  }
});
