import type { LanguageKey } from '../lang/languages';
import type { Region } from '../regions';
import type { MappedText } from './mappedText';

/** A region that also maps span ends exactly (see `Region.toDocumentEnd`). */
export type ExactRegion = Region & { toDocumentEnd(offset: number): number };

const same = (offset: number) => offset;

/** Markdown and notebooks are split, never scanned as such: a region's language must be one a detector reads. */
export function scannable(language: LanguageKey): LanguageKey {
  return language === 'markdown' || language === 'notebook' ? 'text' : language;
}

/** The whole text, offsets unchanged. */
export function wholeRegion(language: LanguageKey, text: string): ExactRegion {
  return { language, text, toDocument: same, toDocumentEnd: same };
}

export function mappedRegion(language: LanguageKey, mapped: MappedText): ExactRegion {
  return {
    language,
    text: mapped.text,
    toDocument: (offset) => mapped.toSource(offset),
    toDocumentEnd: (offset) => mapped.toSourceEnd(offset),
  };
}

/** `inner` was cut out of `outer.text`: maps through both. */
export function nestedRegion(inner: ExactRegion, outer: ExactRegion): ExactRegion {
  const toDocumentEnd = (offset: number) => outer.toDocumentEnd(inner.toDocumentEnd(offset));
  return {
    language: inner.language,
    text: inner.text,
    // The region's end is where its last character's source ends, as for a MappedText.
    toDocument: (offset) => (offset >= inner.text.length ? toDocumentEnd(offset) : outer.toDocument(inner.toDocument(offset))),
    toDocumentEnd,
  };
}

/** The part of `outer` from `start` on, as `language`. */
export function tailRegion(language: LanguageKey, outer: ExactRegion, start: number): ExactRegion {
  const shift = (offset: number) => offset + start;
  return nestedRegion({ language, text: outer.text.slice(start), toDocument: shift, toDocumentEnd: shift }, outer);
}
