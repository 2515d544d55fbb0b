import type { ScanContext } from './detector';

const asked = new WeakMap<ScanContext, Map<string, boolean>>();

/**
 * Whether the region's lower-cased text contains `word` (give it in lower case): the keyword
 * prefilter of `wantsTree` and `detect`. In an open document the answer costs the edit's size,
 * not the document's: the last scan's count of `word` is corrected by the occurrences the edit
 * removed and wrote.
 */
export function mentions(ctx: ScanContext, word: string): boolean {
  let answers = asked.get(ctx);
  if (!answers) asked.set(ctx, (answers = new Map()));
  let answer = answers.get(word);
  if (answer === undefined) {
    answer = ctx.live ? liveCount(ctx, word) > 0 : ctx.lower.includes(word);
    answers.set(word, answer);
  }
  return answer;
}

function liveCount(ctx: ScanContext, word: string): number {
  const live = ctx.live!;
  const key = `mentions:${word}`;
  const before = live.recall<number>(key);
  // An occurrence the edit touched starts less than a word's length before it and ends as far after.
  const around = before !== undefined && live.change ? live.lowerAround(word.length - 1) : undefined;
  const count = before !== undefined && !live.change
    ? before
    : around && before !== undefined
      ? before - occurrences(around.before, word) + occurrences(around.after, word)
      : occurrences(ctx.lower, word);
  live.keep(key, count);
  return count;
}

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) n++;
  return n;
}
