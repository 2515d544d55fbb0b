// An edit that only changes the words inside a string or a comment leaves the syntax tree as it was,
// its ranges moved by `Tree.edit`: such an edit needs no reparse.
import type { Tree } from 'web-tree-sitter';
import type { TreeLanguage } from '../core/lang/languages';
import type { TextChange } from './parserHost';

/** Leaves whose text is free text: letters and digits typed strictly inside one never end or split it. */
const CODE_TEXT = new Set(['string_fragment', 'comment']);
const TEXT_LEAVES: Partial<Record<TreeLanguage, ReadonlySet<string>>> = {
  javascript: CODE_TEXT,
  typescript: CODE_TEXT,
  tsx: CODE_TEXT,
  python: new Set(['string_content', 'comment']),
  json: new Set(['string_content', 'comment']),
  yaml: new Set(['string_scalar', 'comment']),
};

const WORD = /^[A-Za-z0-9_]*$/;
/** Backslash escapes (`\u00e9`, `\N{...}`) are at most this long: a word edit this close to one may change it. */
const ESCAPE_REACH = 10;
/**
 * Plain YAML scalars that may resolve to something other than a string under the 1.1 or 1.2 schema:
 * numbers, dates and times (a digit first, or a sign or dot then one), `.inf`/`.nan`, `~`, and short
 * words (`true`, `null`, `yes`, `off`, `y`...).
 */
const YAML_MAYBE_TYPED = /^(?:[-+.]?[0-9]|[-+]?\.[A-Za-z]|~)|^[A-Za-z]{1,5}$/;

/**
 * Whether `change` replaces letters and digits strictly inside a string or comment leaf of an
 * error-free tree (not yet edited with it). Error recovery weighs the size of what it skips, so a
 * tree with an error always gets a real reparse.
 */
export function isWordEditInText(tree: Tree, language: TreeLanguage, change: TextChange): boolean {
  const leaves = TEXT_LEAVES[language];
  if (!leaves || !WORD.test(change.newText) || change.oldEndPosition.row !== change.startPosition.row) return false;
  const root = tree.rootNode;
  if (root.hasError) return false;
  const leaf = root.descendantForIndex(change.startIndex, change.oldEndIndex);
  if (!leaf || leaf.childCount > 0 || !leaves.has(leaf.type)) return false;
  if (change.startIndex <= leaf.startIndex || change.oldEndIndex >= leaf.endIndex) return false;
  const old = leaf.text;
  const from = change.startIndex - leaf.startIndex;
  const to = change.oldEndIndex - leaf.startIndex;
  if (!WORD.test(old.slice(from, to))) return false;
  const leafText = old.slice(0, from) + change.newText + old.slice(to);
  // A plain scalar's type (string, number, boolean, null) and an implicit key's 1024-character limit depend on its text.
  if (language === 'yaml' && leaf.type === 'string_scalar' && (YAML_MAYBE_TYPED.test(leafText) || leafText.length > 1000)) return false;
  return true;
}

/**
 * Whether, in `text` (the whole new document), the characters on both sides of the word edit
 * `change` are letters or digits (so it neither joins nor splits a comment's end, `${`, `{{` or
 * `: `), and no backslash escape is within reach before it.
 */
export function keepsTokens(change: TextChange, text: string): boolean {
  const { startIndex, newText } = change;
  const end = startIndex + newText.length;
  const isWord = (i: number) => i >= 0 && i < text.length && WORD.test(text[i]);
  if (!isWord(startIndex - 1) || !isWord(end)) return false;
  return !text.slice(Math.max(0, startIndex - ESCAPE_REACH), end + 1).includes('\\');
}
