// Where a snippet of text may start and end: at a sentence's end where one is near, else
// between words. A Latin word is never cut; Chinese, which has no spaces, is cut after its
// punctuation where there is some near, else between two characters.

/** How far, in characters, a cut may move to reach a better place. */
export const SNIPPET_SLACK = 40;

const SENTENCE_END = /[。！？；!?;]/u;
const CLAUSE_END = /[，、：,:）)」』”]/u;
/** A letter or digit of a script written with spaces between words. */
const WORD_CHAR = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}'’-]/u;

const inWord = (text: string, at: number) => at > 0 && at < text.length && WORD_CHAR.test(text[at - 1]!) && WORD_CHAR.test(text[at]!);
const isEnd = (ch: string | undefined, text: string, at: number) =>
  ch !== undefined && (SENTENCE_END.test(ch) || (ch === "." && (at >= text.length || /\s/.test(text[at]!))));

/**
 * The bounds of a snippet of `text` near [start, end) that keeps [keepFrom, keepTo) (what it
 * is shown for): the start moved forward to just after a sentence's end, or a clause's, when
 * one is near and before keepFrom, else back to the start of the word it falls in; the end
 * moved back to just after a sentence's end or a clause's when one is near and after keepTo,
 * else to the end of the word it falls in.
 */
export function snippetBounds(text: string, start: number, end: number, keepFrom = start, keepTo = start): [number, number] {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  if (s > 0) {
    const limit = Math.min(keepFrom, s + SNIPPET_SLACK, e);
    let best = -1;
    for (const test of [isEnd, (ch: string | undefined) => ch !== undefined && CLAUSE_END.test(ch)]) {
      for (let i = s; i < limit && best < 0; i++) if (test(text[i], text, i + 1)) best = i + 1;
      if (best >= 0) break;
    }
    if (best >= 0) s = best;
    else while (inWord(text, s)) s--;
    while (s < e && /\s/.test(text[s]!)) s++;
  }
  if (e < text.length) {
    const floor = Math.max(keepTo, e - SNIPPET_SLACK, s);
    let best = -1;
    for (const test of [isEnd, (ch: string | undefined) => ch !== undefined && CLAUSE_END.test(ch)]) {
      for (let i = e; i > floor && best < 0; i--) if (test(text[i - 1], text, i)) best = i;
      if (best >= 0) break;
    }
    if (best >= 0) e = best;
    else {
      // Back to the word's start when that keeps what must be kept; else on to its end.
      let back = e;
      while (inWord(text, back)) back--;
      if (back > floor) e = back;
      else while (inWord(text, e)) e++;
    }
    while (e > s && /\s/.test(text[e - 1]!)) e--;
  }
  return [s, e];
}

/** The start of `text`, at most about `chars` long, cut as snippetBounds cuts; "…" marks a cut. */
export function clipText(text: string, chars: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= chars) return flat;
  const [, e] = snippetBounds(flat, 0, chars);
  return `${flat.slice(0, e).replace(/[，、：,:\s]+$/u, "")} …`;
}
