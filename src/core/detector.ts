import type { Tree } from 'web-tree-sitter';
import type { LanguageKey } from './lang/languages';
import type { LiveMemory, Locality } from './liveDocuments';
import type { LineIndex } from './text';
import type { RawFinding, RuleInfo, Span } from './types';

/** What a detector sees: one region of a document (the whole file, a Markdown fence, a notebook cell). */
export interface ScanContext {
  path: string;
  language: LanguageKey;
  text: string;
  lines: LineIndex;
  /** The region text lower-cased, computed once, for keyword prefilters. */
  lower: string;
  /** Set for tree languages once a detector asked for it; null when parsing failed or was skipped. */
  tree: Tree | null;
  /** True for lock files and other generated files: only validated provider formats apply. */
  generated: boolean;
  /** Records a fact for workspace correlation (see `Fact`); spans are in this region's text. */
  note?(key: string, value: string, span: Span): void;
  /**
   * Tells the user why a candidate at `span` was not reported (a placeholder, a failed checksum, a
   * public key), for `--verbose`. The reason must never contain the value.
   */
  drop?(ruleId: string, span: Span, reason: string): void;
  /**
   * In an open document (the whole of it), what the last scan kept: a detector may reuse its work
   * on the text an edit did not touch. The result must stay the same as without it.
   */
  live?: LiveMemory;
  /**
   * With `live` and a tree: the ranges (offsets in `text`) whose syntax differs from the tree of the
   * last scan; undefined when that tree was not kept.
   */
  treeChanges?: Span[];
}

export interface Detector {
  id: string;
  /** Every rule the detector may emit, for reports and documentation. */
  rules: RuleInfo[];
  /**
   * Cheap check over the raw text. A detector that returns true needs the syntax tree;
   * a region is parsed only when some detector asks for it.
   */
  wantsTree?(ctx: ScanContext): boolean;
  /**
   * The offsets this detector looks at, when the syntax of the lines around them is enough.
   * Large files are then parsed in windows around these offsets instead of whole; a detector
   * that wants a tree but has no `treeFocus` gets the whole tree.
   */
  treeFocus?(ctx: ScanContext): number[];
  /**
   * How far from a finding the text it depends on can lie. With it, an edit to an open document
   * re-runs the detector only around the change. Detectors that read the syntax tree or the
   * whole text (a rule about what a file lacks) must not declare it.
   */
  locality?: Locality;
  detect(ctx: ScanContext): RawFinding[];
}
