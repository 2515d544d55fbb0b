import type { LanguageKey } from './lang/languages';

/** A part of a document scanned as its own language: the whole file, a Markdown fence, a notebook cell. */
export interface Region {
  language: LanguageKey;
  text: string;
  /** Maps an offset in `text` to an offset in the document. */
  toDocument(offset: number): number;
}

/** Splits a document into the regions to scan. */
export function splitRegions(text: string, language: LanguageKey): Region[] {
  return [{ language, text, toDocument: (o) => o }];
}
