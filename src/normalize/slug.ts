// Slugs are ASCII so that links survive being pasted into mail, chat and shells: Chinese is
// spelled in toneless pinyin, one hyphenated group per word (Intl.Segmenter finds the words),
// so 中国强势反击 becomes zhongguo-qiangshi-fanji rather than a wall of %E4 escapes.
import { pinyin } from "pinyin-pro";

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Lower-case ASCII words joined by hyphens; Han text as pinyin words. At most `maxWords` words. */
// Headings repeat across a corpus (概述, 背景, Summary…): pinyin is worth computing once.
const memo = new Map<string, string>();

export function slugify(text: string, maxWords = 8): string {
  const key = `${maxWords}\u0000${text}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const out = slugifyUncached(text, maxWords);
  if (memo.size > 100_000) memo.clear();
  memo.set(key, out);
  return out;
}

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
