import type { Tree } from 'web-tree-sitter';
import type { TreeLanguage } from '../core/lang/languages';
import type { TreeProvider } from '../core/engine';
import type { Span } from '../core/types';
import { applyEdit, type ParserHost, type TextChange } from './parserHost';

interface CachedTree {
  language: TreeLanguage;
  tree: Tree;
}

/**
 * Keeps the syntax tree of each open document so that an edit costs an incremental reparse,
 * not a full one. Hosts call `applyChanges` with each document change (old-text coordinates),
 * then scan; `forget` when the document closes.
 */
export class IncrementalTrees implements TreeProvider {
  private readonly trees = new Map<string, CachedTree>();

  constructor(private readonly host: ParserHost) {}

  async parse(language: TreeLanguage, text: string, documentKey?: string, windows?: Span[]) {
    if (!documentKey) return this.host.parse(language, text, undefined, windows);
    const previous = this.trees.get(documentKey);
    const oldTree = previous?.language === language ? previous.tree : null;
    if (!(await this.host.language(language))) return { tree: null, failure: this.host.failureOf(language) };
    const parsed = this.host.parseLoaded(language, text, oldTree);
    if (!parsed.tree) {
      this.forget(documentKey);
      return parsed;
    }
    const changes = oldTree ? parsed.tree.getChangedRanges(oldTree).map((r) => ({ start: r.startIndex, end: r.endIndex })) : undefined;
    if (previous && previous.tree !== parsed.tree) previous.tree.delete();
    this.trees.set(documentKey, { language, tree: parsed.tree });
    return { tree: parsed.tree, cached: true, changes };
  }

  /** Edits the kept tree in step with the document; changes in the order the host reports them. */
  applyChanges(documentKey: string, changes: TextChange[]): void {
    const cached = this.trees.get(documentKey);
    if (!cached) return;
    for (const change of changes) applyEdit(cached.tree, change);
  }

  forget(documentKey: string): void {
    this.trees.get(documentKey)?.tree.delete();
    this.trees.delete(documentKey);
  }
}
