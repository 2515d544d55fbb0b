// Scans open documents as they change: debounced, one scan at a time (the smallest waiting document
// first), with incremental reparsing, a time budget, and large documents kept off the typing path.
import * as vscode from 'vscode';
import type { ScanDocument } from '../core/engine';
import type { FileScanResult } from '../core/types';
import type { TextChange } from '../parsing/parserHost';
import type { Engines, FolderEngine } from './engines';
import type { OffThreadScanner } from './offThread';
import { corePath, isScannable } from './paths';
import type { Results } from './results';
import { hostSettings } from './settings';

/** Kept tree edits beyond this are dropped with the tree: a full parse is cheaper than replaying them. */
const MAX_PENDING_CHANGES = 2000;
/** Typing pause after which a large document is scanned. */
const LARGE_DOCUMENT_IDLE_MS = 1500;

interface DocumentState {
  timer?: ReturnType<typeof setTimeout>;
  /** Edits since the last scan, applied to the kept syntax tree just before the next one. */
  changes: TextChange[];
  scannedVersion: number;
  waiters: { version: number; resolve: (r: FileScanResult | undefined) => void }[];
  loggedSkip?: string;
}

export class LiveScanner implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly queue = new Map<string, vscode.TextDocument>();
  private draining = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly engines: Engines,
    private readonly results: Results,
    private readonly log: vscode.LogOutputChannel,
    /** Where large documents are scanned, when the host can run a worker. */
    private readonly offThread?: OffThreadScanner,
  ) {}

  /**
   * Scans text with the folder's engine: in the worker when it is larger than `keyhole.deferLargerThan`
   * and the host has one (the worker's own failure falls back to this thread), else here.
   */
  async scanText(target: FolderEngine, doc: ScanDocument, scope?: vscode.Uri): Promise<FileScanResult> {
    if (this.offThread && doc.text.length > hostSettings(scope).deferLargerThan) {
      // The worker parses from scratch; a tree kept here for the document would only hold memory.
      if (doc.documentKey) this.engines.forgetDocument(doc.documentKey);
      try {
        return await this.offThread.scan(target.config, { path: doc.path, text: doc.text, languageId: doc.languageId });
      } catch (err) {
        this.log.warn(`${doc.path}: ${(err as Error).message}; scanning on the extension host instead`);
      }
    }
    return target.engine.scan(doc);
  }

  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      this.engines.onDidChange(() => this.rescanAll()),
    );
    this.rescanAll();
  }

  /** Scans a document now (Audit Current File); resolves with its result once published. */
  scanNow(doc: vscode.TextDocument): Promise<FileScanResult | undefined> {
    const waiting = this.whenScanned(doc, true);
    this.schedule(doc, 0, true);
    return waiting;
  }

  /** Resolves once the document's current version has been scanned (immediately if it already was). */
  whenScanned(doc: vscode.TextDocument, force = false): Promise<FileScanResult | undefined> {
    const state = this.state(doc.uri);
    if (!force && state.scannedVersion >= doc.version && !state.timer && !this.queue.has(doc.uri.toString())) {
      return Promise.resolve(this.results.get(doc.uri)?.result);
    }
    return new Promise((resolve) => state.waiters.push({ version: doc.version, resolve }));
  }

  private state(uri: vscode.Uri): DocumentState {
    const key = uri.toString();
    let s = this.states.get(key);
    if (!s) {
      s = { changes: [], scannedVersion: -1, waiters: [] };
      this.states.set(key, s);
    }
    return s;
  }

  private rescanAll(): void {
    for (const key of this.states.keys()) this.engines.forgetDocument(key);
    for (const s of this.states.values()) {
      s.changes = [];
      s.scannedVersion = -1;
    }
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    const docs = [...vscode.workspace.textDocuments].sort((a, b) => Number(visible.has(b.uri.toString())) - Number(visible.has(a.uri.toString())));
    for (const doc of docs) this.schedule(doc, 0);
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    if (!isScannable(e.document.uri) || e.contentChanges.length === 0) return;
    const state = this.state(e.document.uri);
    for (const c of e.contentChanges) {
      state.changes.push({
        startIndex: c.rangeOffset,
        oldEndIndex: c.rangeOffset + c.rangeLength,
        newText: c.text,
        startPosition: { row: c.range.start.line, column: c.range.start.character },
        oldEndPosition: { row: c.range.end.line, column: c.range.end.character },
      });
    }
    if (state.changes.length > MAX_PENDING_CHANGES) {
      this.engines.forgetDocument(e.document.uri.toString());
      state.changes = [];
    }
    const settings = hostSettings(e.document.uri);
    if (settings.run !== 'onType') return;
    const large = documentLength(e.document) > settings.deferLargerThan;
    this.schedule(e.document, large ? Math.max(settings.debounceMs, LARGE_DOCUMENT_IDLE_MS) : settings.debounceMs);
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const state = this.states.get(key);
    if (state?.timer) clearTimeout(state.timer);
    for (const w of state?.waiters ?? []) w.resolve(undefined);
    this.states.delete(key);
    this.queue.delete(key);
    this.engines.forgetDocument(key);
    if (this.results.get(doc.uri)) this.results.delete(doc.uri);
  }

  private schedule(doc: vscode.TextDocument, delayMs: number, force = false): void {
    if (!isScannable(doc.uri) || doc.isClosed) return;
    const state = this.state(doc.uri);
    if (state.timer) clearTimeout(state.timer);
    if (force) state.scannedVersion = -1;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.queue.set(doc.uri.toString(), doc);
      void this.drain();
    }, delayMs);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.size) {
        const [key, doc] = [...this.queue].reduce((a, b) => (documentLength(a[1]) <= documentLength(b[1]) ? a : b));
        this.queue.delete(key);
        try {
          await this.scan(doc);
        } catch (err) {
          this.log.error(`Scanning ${corePath(doc.uri)} failed: ${(err as Error).stack ?? err}`);
        }
        // Let other events (a keystroke in another document) in between two scans.
        await new Promise((r) => setTimeout(r, 0));
      }
    } finally {
      this.draining = false;
    }
  }

  private async scan(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed) return;
    const key = doc.uri.toString();
    const state = this.state(doc.uri);
    const path = corePath(doc.uri);
    const target = await this.engines.forUri(doc.uri);
    if (doc.uri.scheme !== 'untitled' && (await this.engines.isIgnored(doc.uri, path))) {
      if (this.results.get(doc.uri)) this.results.delete(doc.uri);
      this.settle(state, doc.version, undefined);
      return;
    }
    // Synchronous from here to engine.scan: the text, the version and the tree edits all belong together.
    const version = doc.version;
    const text = doc.getText();
    target.trees.applyChanges(key, state.changes);
    state.changes = [];
    const result = await this.scanText(target, { path, text, languageId: doc.languageId, documentKey: key }, doc.uri);
    if (doc.isClosed || !this.states.has(key)) return;
    const budget = hostSettings(doc.uri).timeBudgetMs;
    if (result.elapsedMs > budget) {
      this.log.warn(`Scanning ${path} took ${result.elapsedMs} ms, over the ${budget} ms budget (keyhole.timeBudgetMs); ${text.length} characters.`);
    }
    if (result.skipped && state.loggedSkip !== result.skipped) {
      state.loggedSkip = result.skipped;
      this.log.info(`${path}: ${result.skipped}`);
    }
    this.settle(state, version, result);
    // A newer version is already on its way; publishing this one would flash stale ranges.
    if (doc.version === version) this.results.set(doc.uri, result, 'live');
  }

  private settle(state: DocumentState, version: number, result: FileScanResult | undefined): void {
    state.scannedVersion = version;
    const ready = state.waiters.filter((w) => w.version <= version);
    state.waiters = state.waiters.filter((w) => w.version > version);
    for (const w of ready) w.resolve(result);
  }

  dispose(): void {
    for (const s of this.states.values()) if (s.timer) clearTimeout(s.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The document's length in characters, without copying its text (this runs on every keystroke). */
function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}
