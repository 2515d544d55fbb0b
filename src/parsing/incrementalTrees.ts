import type { Range, Tree } from 'web-tree-sitter';
import type { TreeLanguage } from '../core/lang/languages';
import type { TreeProvider } from '../core/engine';
import type { Span } from '../core/types';
import { applyEdit, type ParserHost, type TextChange } from './parserHost';
import { isWordEditInText, keepsTokens } from './textLeafEdits';

interface CachedTree {
  language: TreeLanguage;
  tree: Tree;
  /** Whether only windows of the text were parsed (the tree keeps them, moved by edits). */
  windowed: boolean;
  /** The tree this one replaced, kept until the scan that parsed it has asked for the changed ranges or ended. */
  replaced?: Tree;
  /** Edits applied since the last parse. */
  edits: number;
  /** The first of them, when it only changed words inside a string or a comment. */
  wordEdit?: TextChange;
}

/**
 * Keeps the syntax tree of each open document so that an edit costs an incremental reparse,
 * not a full one (none at all when it only changed words inside a string or a comment). Hosts
 * call `applyChanges` with each document change (old-text coordinates), then scan; `forget` when
 * the document closes.
 */
export class IncrementalTrees implements TreeProvider {
  private readonly trees = new Map<string, CachedTree>();

  constructor(private readonly host: ParserHost) {}

  async parse(language: TreeLanguage, text: string, documentKey?: string, windows?: Range[]) {
    if (!documentKey) return this.host.parse(language, text, undefined, windows);
    const previous = this.trees.get(documentKey);
    if (previous) releaseReplaced(previous);
    const windowed = Boolean(windows?.length);
    // A windowed tree is reparsed with the new windows; one that was whole (or the reverse) is not reused.
    const oldTree = previous?.language === language && previous.windowed === windowed ? previous.tree : null;
    const sameWindows = !windows?.length || (oldTree !== null && sameRanges(oldTree.getIncludedRanges(), windows));
    if (oldTree && sameWindows && previous?.edits === 1 && previous.wordEdit && keepsTokens(previous.wordEdit, text)) {
      // Node texts are read through the text of the last parse: point them at the new one.
      (oldTree as unknown as { textCallback: (index: number) => string }).textCallback = (index) => text.slice(index);
      previous.edits = 0;
      previous.wordEdit = undefined;
      return { tree: oldTree, cached: true, changes: () => [], release: () => undefined };
    }
    if (!(await this.host.language(language))) return { tree: null, failure: this.host.failureOf(language) };
    const parsed = this.host.parseLoaded(language, text, oldTree, undefined, windows);
    if (!parsed.tree) {
      this.forget(documentKey);
      return parsed;
    }
    const tree = parsed.tree;
    const entry: CachedTree = { language, tree, windowed, edits: 0 };
    if (previous && previous.tree !== tree) {
      if (oldTree) entry.replaced = oldTree;
      else previous.tree.delete();
    }
    this.trees.set(documentKey, entry);
    // Comparing two trees costs time in proportion to what differs, which after a syntax error can be
    // most of the document: done only when a detector asks.
    const changes = oldTree ? () => changedRanges(tree, entry) : undefined;
    return { tree, cached: true, changes, release: () => releaseReplaced(entry) };
  }

  /** Edits the kept tree in step with the document; changes in the order the host reports them. */
  applyChanges(documentKey: string, changes: TextChange[]): void {
    const cached = this.trees.get(documentKey);
    if (!cached) return;
    releaseReplaced(cached);
    for (const change of changes) {
      if (cached.edits++ === 0 && isWordEditInText(cached.tree, cached.language, change)) cached.wordEdit = change;
      applyEdit(cached.tree, change);
    }
  }

  forget(documentKey: string): void {
    const cached = this.trees.get(documentKey);
    if (cached) releaseReplaced(cached);
    cached?.tree.delete();
    this.trees.delete(documentKey);
  }
}

function sameRanges(a: Range[], b: Range[]): boolean {
  return a.length === b.length && a.every((r, i) => r.startIndex === b[i].startIndex && r.endIndex === b[i].endIndex);
}

function changedRanges(tree: Tree, entry: CachedTree): Span[] {
  // Answering "nothing changed" for a tree already freed would let stale results through.
  if (!entry.replaced) throw new Error('the previous syntax tree was released before its changes were asked for');
  return tree.getChangedRanges(entry.replaced).map((r) => ({ start: r.startIndex, end: r.endIndex }));
}

function releaseReplaced(entry: CachedTree): void {
  entry.replaced?.delete();
  entry.replaced = undefined;
}
