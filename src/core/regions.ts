import type { LanguageKey } from './lang/languages';
import { wholeRegion } from './regions/build';
import { markdownRegions } from './regions/markdown';
import { notebookRegions } from './regions/notebook';

/** A part of a document scanned as its own language: the whole file, a Markdown fence, a notebook cell. */
export interface Region {
  language: LanguageKey;
  text: string;
  /** Maps an offset in `text` to an offset in the document: where that character's source starts. */
  toDocument(offset: number): number;
  /**
   * Maps the exclusive end of a span: just after the source of the character before `offset`.
   * Differs from `toDocument` only where the region skips document text between two characters
   * (between the strings of a notebook source array, at stripped fence indentation).
   */
  toDocumentEnd?(offset: number): number;
}

/**
 * Splits a document into the regions to scan. Markdown: the whole document as text (provider
 * formats apply to prose too) plus each fenced code block in its language. Notebooks: cell
 * sources and text outputs, decoded from the JSON and mapped back to it.
 */
export function splitRegions(text: string, language: LanguageKey): Region[] {
  if (language === 'markdown') return markdownRegions(text);
  if (language === 'notebook') return notebookRegions(text);
  return [wholeRegion(language, text)];
}
