// Which language and script a text is in. Chinese is told apart from English by the share of
// Han characters; Simplified from Traditional by counting characters that exist in only one
// of the two scripts (OpenCC's character tables decide which those are).
import * as OpenCC from "opencc-js";
import type { Lang } from "../model/types.ts";

// Built on first use: their dictionaries take half a second, and the render rarely needs them.
let converters: { toSimplified: (s: string) => string; toTraditional: (s: string) => string } | undefined;
const opencc = () => (converters ??= { toSimplified: OpenCC.Converter({ from: "tw", to: "cn" }), toTraditional: OpenCC.Converter({ from: "cn", to: "tw" }) });

const HAN = /\p{Script=Han}/u;

// OpenCC per character was the biggest cost of ingest; a character's script never changes.
const scriptOf = new Map<string, "hans" | "hant" | "both">();
function charScript(ch: string): "hans" | "hant" | "both" {
  let s = scriptOf.get(ch);
  if (!s) {
    const { toSimplified, toTraditional } = opencc();
    s = toTraditional(ch) !== ch ? "hans" : toSimplified(ch) !== ch ? "hant" : "both";
    scriptOf.set(ch, s);
  }
  return s;
}
const LATIN_LETTER = /[A-Za-z]/;

/** Looks at the first `sample` characters; enough to decide and cheap on 1 MB notes. */
export function detectLang(text: string, sample = 4000): Lang {
  const head = text.slice(0, sample);
  let han = 0;
  let latin = 0;
  let hansOnly = 0;
  let hantOnly = 0;
  for (const ch of head) {
    if (HAN.test(ch)) {
      han++;
      const script = charScript(ch);
      if (script === "hans") hansOnly++;
      else if (script === "hant") hantOnly++;
    } else if (LATIN_LETTER.test(ch)) {
      latin++;
    }
  }
  // A Latin word is about five letters, a Chinese word about one and a half characters.
  if (latin / 5 > han / 1.5) return "en";
  return hantOnly > hansOnly ? "zh-Hant" : "zh-Hans";
}
