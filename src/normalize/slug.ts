// Slugs are ASCII so that links survive being pasted into mail, chat and shells: Chinese is
// spelled in toneless pinyin, one hyphenated group per word (Intl.Segmenter finds the words),
// so 中国强势反击 becomes zhongguo-qiangshi-fanji rather than a wall of %E4 escapes.
import { pinyin } from "pinyin-pro";

const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Lower-case ASCII words joined by hyphens; Han text as pinyin words. At most `maxWords` words. */
export function slugify(text: string, maxWords = 8): string {
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
