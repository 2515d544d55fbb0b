import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WasmSource } from '../parsing/parserHost';

/** Reads grammar wasm files from dist/grammars: beside the bundle, or at the repository root when run from source. */
export function nodeWasmSource(dir = findGrammarDir()): WasmSource {
  return {
    async read(fileName: string) {
      return new Uint8Array(await readFile(join(dir, fileName)));
    },
  };
}

function findGrammarDir(): string {
  const candidates = [join(__dirname, 'grammars'), join(__dirname, '..', '..', 'dist', 'grammars'), join(__dirname, '..', 'dist', 'grammars')];
  const found = candidates.find((c) => existsSync(join(c, 'web-tree-sitter.wasm')));
  if (!found) throw new Error(`grammar files not found (looked in ${candidates.join(', ')}); run \`npm run build\``);
  return found;
}
