// Slugs are ASCII so that links survive being pasted into mail, chat and shells: Chinese is
// spelled in toneless pinyin, one hyphenated group per word (Intl.Segmenter finds the words),
// so 中国强势反击 becomes zhongguo-qiangshi-fanji rather than a wall of %E4 escapes.
import { pinyin } from "pinyin-pro";
import { memoize } from "../memo.ts";

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Lower-case ASCII words joined by hyphens; Han text as pinyin words. At most `maxWords` words. */
// Headings repeat across a corpus (概述, 背景, Summary…): pinyin is worth computing once.
export const slugify: (text: string, maxWords?: number) => string = memoize(
  (text: string, maxWords = 8) => slugifyUncached(text, maxWords),
  (text, maxWords = 8) => `${maxWords}\u0000${text}`,
);

function slugifyUncached(text: string, maxWords: number): string {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.normalize("NFKC"))) {
    if (!isWordLike) continue;
    let word: string;
    if (HAN.test(segment)) {
      word = pinyin(segment, { toneType: "none", type: "array", nonZh: "consecutive" }).join("");
    } else {
      word = segment.replace(/\./g, "");
    }
    word = word
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/ü/g, "v")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (word) words.push(word);
    if (words.length >= maxWords) break;
  }
  return words.join("-");
}
