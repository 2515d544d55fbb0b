import { Edit, Language, Parser, type Range, type Tree } from 'web-tree-sitter';
import type { TreeLanguage } from '../core/lang/languages';
import { firstIndex } from '../core/text';
import { GRAMMAR_FILES, RUNTIME_WASM } from './grammars';

/** Reads wasm bytes by file name; the host decides where they live (fs, workspace.fs, fetch of a bundled asset). */
export interface WasmSource {
  read(fileName: string): Promise<Uint8Array>;
}

export interface ParseOutcome {
  tree: Tree | null;
  /** Why there is no tree: time budget exceeded, grammar unavailable or disabled. */
  failure?: string;
}

/** Owns web-tree-sitter: one runtime init, grammars loaded lazily and once, parsing with a time budget. */
export class ParserHost {
  private ready?: Promise<void>;
  private readonly languages = new Map<TreeLanguage, Promise<Language | null>>();
  private readonly parsers = new Map<TreeLanguage, Parser>();
  private readonly failures = new Map<TreeLanguage, string>();

  constructor(
    private readonly source: WasmSource,
    private readonly disabled: ReadonlySet<string> = new Set(),
    /** A pathological file cannot hold the caller longer than this. */
    readonly budgetMs = 2000,
  ) {}

  private init(): Promise<void> {
    this.ready ??= this.source.read(RUNTIME_WASM).then((wasmBinary) =>
      Parser.init({ wasmBinary: wasmBinary as unknown as ArrayBuffer }));
    return this.ready;
  }

  /** Loads a grammar once; null (with the reason kept) when it is disabled or fails to load. */
  language(key: TreeLanguage): Promise<Language | null> {
    let pending = this.languages.get(key);
    if (!pending) {
      pending = this.loadLanguage(key);
      this.languages.set(key, pending);
    }
    return pending;
  }

  failureOf(key: TreeLanguage): string | undefined {
    return this.failures.get(key);
  }

  private async loadLanguage(key: TreeLanguage): Promise<Language | null> {
    if (this.disabled.has(key)) {
      this.failures.set(key, `the ${key} grammar is turned off in settings`);
      return null;
    }
    try {
      await this.init();
      const language = await Language.load(await this.source.read(GRAMMAR_FILES[key]));
      const parser = new Parser();
      parser.setLanguage(language);
      this.parsers.set(key, parser);
      return language;
    } catch (err) {
      this.failures.set(key, `the ${key} grammar failed to load: ${(err as Error).message}`);
      return null;
    }
  }

  /**
   * Parses `text` from scratch (a TreeProvider without a cache), stopping once the time budget is
   * spent; with `windows`, only those parts of the text are parsed (offsets stay the document's).
   */
  async parse(key: TreeLanguage, text: string, _documentKey?: string, windows?: Range[]): Promise<ParseOutcome> {
    if (!(await this.language(key))) return { tree: null, failure: this.failures.get(key) };
    return this.parseLoaded(key, text, null, this.budgetMs, windows);
  }

  /**
   * Synchronous parse, incremental when `oldTree` (already edited with `applyEdit`) is given, even
   * when its windows were other ones (tree-sitter reparses where they differ); the grammar must be loaded.
   */
  parseLoaded(key: TreeLanguage, text: string, oldTree: Tree | null, budgetMs = this.budgetMs, windows?: Range[]): ParseOutcome {
    const parser = this.parsers.get(key);
    if (!parser) return { tree: null, failure: this.failures.get(key) ?? `the ${key} grammar is not loaded` };
    const deadline = Date.now() + budgetMs;
    let tree: Tree | null = null;
    try {
      tree = parser.parse(windows?.length ? windowedInput(text, windows) : text, oldTree ?? null, {
        progressCallback: () => Date.now() > deadline,
        includedRanges: windows?.length ? windows : undefined,
      } as never);
    } catch (err) {
      parser.reset();
      return { tree: null, failure: `the ${key} parser failed: ${(err as Error).message}` };
    }
    if (!tree) {
      parser.reset();
      return { tree: null, failure: `parsing took longer than ${budgetMs} ms` };
    }
    return { tree };
  }
}

export interface TextChange {
  startIndex: number;
  oldEndIndex: number;
  newText: string;
  startPosition: { row: number; column: number };
  oldEndPosition: { row: number; column: number };
}

/** Applies a document change to a tree so that the next parse is incremental. */
export function applyEdit(tree: Tree, change: TextChange): void {
  const lines = change.newText.split('\n');
  const newEndPosition = lines.length === 1
    ? { row: change.startPosition.row, column: change.startPosition.column + change.newText.length }
    : { row: change.startPosition.row + lines.length - 1, column: lines[lines.length - 1].length };
  tree.edit(new Edit({
    startIndex: change.startIndex,
    oldEndIndex: change.oldEndIndex,
    newEndIndex: change.startIndex + change.newText.length,
    startPosition: change.startPosition,
    oldEndPosition: change.oldEndPosition,
    newEndPosition,
  }));
}

/**
 * The text as tree-sitter reads it when parsing `windows` only: each read ends at its window's end.
 * Given the whole string, web-tree-sitter copies 10 KB into the parser at each read, however short
 * the window it starts in: thousands of small windows cost megabytes of copying.
 */
function windowedInput(text: string, windows: Range[]): (index: number) => string {
  const CHUNK = 4096;
  return (index) => {
    const w = firstIndex(windows.length, (k) => windows[k].endIndex > index);
    const end = w < windows.length && windows[w].startIndex <= index ? windows[w].endIndex : index + CHUNK;
    return text.slice(index, Math.min(end, index + CHUNK));
  };
}
