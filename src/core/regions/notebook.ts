// Jupyter notebooks: cell sources and text outputs, decoded from the .ipynb JSON and mapped back to it.
import { detectLanguage, languageFromFenceInfo, type LanguageKey } from '../lang/languages';
import { mappedRegion, nestedRegion, scannable, tailRegion, wholeRegion, type ExactRegion } from './build';
import { decodeJsonString, jsonStringValue, scanJson, type JsonObject, type JsonValue } from './jsonScanner';
import { MappedText } from './mappedText';
import { markdownRegions } from './markdown';

/** Deep enough for `worksheets[].cells[].outputs[].data["text/plain"][]` (nbformat 3); deeper JSON is only checked. */
const KEEP_DEPTH = 8;
/** Output fields holding printed text: stream and nbformat 3 outputs, error values. */
const TEXT_OUTPUT_FIELDS = ['text', 'evalue'];

/** A notebook that does not parse is scanned as plain text, so provider formats still apply. */
export function notebookRegions(text: string): ExactRegion[] {
  const root = scanJson(text, KEEP_DEPTH);
  const cells = root && cellsOf(root);
  if (!cells) return [wholeRegion('text', text)];
  const kernel = kernelLanguage(text, root);
  const regions: ExactRegion[] = [];
  for (const cell of cells) {
    if (cell.kind !== 'object') continue;
    addSource(text, cell, kernel, regions);
    const outputs = member(cell, 'outputs');
    if (outputs?.kind !== 'array') continue;
    for (const output of outputs.items) if (output.kind === 'object') addOutput(text, output, regions);
  }
  return regions;
}

function addSource(text: string, cell: JsonObject, kernel: LanguageKey, regions: ExactRegion[]): void {
  const source = joinedText(text, member(cell, 'source') ?? member(cell, 'input'));
  if (!source) return;
  const region = mappedRegion('text', source);
  const type = stringOf(text, member(cell, 'cell_type'));
  if (type === 'markdown') {
    for (const inner of markdownRegions(source.text)) regions.push(nestedRegion(inner, region));
  } else if (type === 'code') {
    const cellLanguage = stringOf(text, member(cell, 'language')); // nbformat 3
    regions.push(codeCellRegion(region, cellLanguage ? languageOf(cellLanguage) : kernel));
  } else {
    regions.push(region);
  }
}

function addOutput(text: string, output: JsonObject, regions: ExactRegion[]): void {
  for (const field of TEXT_OUTPUT_FIELDS) {
    const printed = joinedText(text, member(output, field));
    if (printed) regions.push(mappedRegion('text', printed));
  }
  // Traceback entries do not end with a newline: joined, the last word of one would run into the next.
  const traceback = member(output, 'traceback');
  if (traceback?.kind === 'array') {
    for (const entry of traceback.items) {
      const printed = joinedText(text, entry);
      if (printed) regions.push(mappedRegion('text', printed));
    }
  }
  const data = member(output, 'data');
  if (data?.kind !== 'object') return;
  for (const [mime, value] of data.members) {
    if (!mime.startsWith('text/') && mime !== 'application/json') continue;
    const shown = joinedText(text, value) ?? (mime === 'application/json' ? rawText(text, value) : undefined);
    if (shown) regions.push(mappedRegion('text', shown));
  }
}

/**
 * A code cell in the kernel's language, unless a cell magic names another one: `%%bash`,
 * `%%script sh`, `%%javascript`, `%%writefile app.yaml`. The magic line itself is left out.
 */
function codeCellRegion(region: ExactRegion, kernel: LanguageKey): ExactRegion {
  const magic = /^%%([\w-]+)[ \t]*([^\r\n]*)/.exec(region.text);
  if (!magic) return { ...region, language: kernel };
  const newline = region.text.indexOf('\n');
  if (newline === -1) return { ...region, language: 'text' };
  const [, name, argument] = magic;
  const language = CELL_MAGICS[name] ?? (name === 'script' ? languageOf(argument)
    : name === 'writefile' ? scannable(detectLanguage(argument.split(/\s+/).pop() ?? ''))
    : 'text');
  return tailRegion(language === 'kernel' ? kernel : language, region, newline + 1);
}

const CELL_MAGICS: Record<string, LanguageKey | 'kernel'> = {
  bash: 'bash', sh: 'bash', javascript: 'javascript', js: 'javascript',
  time: 'kernel', timeit: 'kernel', capture: 'kernel', prun: 'kernel', debug: 'kernel',
};

/** The kernel's language from the notebook metadata; Python when the notebook does not say. */
function kernelLanguage(text: string, root: JsonValue): LanguageKey {
  const metadata = member(root, 'metadata');
  const name = stringOf(text, member(member(metadata, 'kernelspec'), 'language'))
    ?? stringOf(text, member(member(metadata, 'language_info'), 'name'))
    ?? stringOf(text, member(metadata, 'language'));
  return name ? languageOf(name) : 'python';
}

function languageOf(name: string): LanguageKey {
  return scannable(languageFromFenceInfo(name) ?? 'text');
}

/** `cells` (nbformat 4), or the cells of every worksheet (nbformat 3); undefined when this is not a notebook. */
function cellsOf(root: JsonValue): JsonValue[] | undefined {
  const cells = member(root, 'cells');
  if (cells?.kind === 'array') return cells.items;
  const worksheets = member(root, 'worksheets');
  if (worksheets?.kind !== 'array') return undefined;
  return worksheets.items.flatMap((sheet) => {
    const sheetCells = member(sheet, 'cells');
    return sheetCells?.kind === 'array' ? sheetCells.items : [];
  });
}

function member(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return value?.kind === 'object' ? value.members.get(key) : undefined;
}

function stringOf(text: string, value: JsonValue | undefined): string | undefined {
  return value?.kind === 'string' ? jsonStringValue(text, value) : undefined;
}

/** A string, or an array of strings concatenated (how notebooks store multi-line text); undefined when empty. */
function joinedText(text: string, value: JsonValue | undefined): MappedText | undefined {
  if (value?.kind !== 'string' && value?.kind !== 'array') return undefined;
  const out = new MappedText(value.start + 1);
  if (value.kind === 'string') decodeJsonString(text, value, out);
  else for (const item of value.items) if (item.kind === 'string') decodeJsonString(text, item, out);
  return out.text.length > 0 ? out : undefined;
}

/** JSON data shown as written, e.g. an `application/json` output. */
function rawText(text: string, value: JsonValue): MappedText | undefined {
  if (value.kind !== 'object' && value.kind !== 'array') return undefined;
  const out = new MappedText(value.start);
  out.copy(text, value.start, value.end);
  return out;
}
