// Which language and script a text is in. Chinese is told apart from English by the share of
// Han characters; Simplified from Traditional by counting characters that exist in only one
// of the two scripts (OpenCC's character tables decide which those are).
import { simplifiedToTaiwan, taiwanToSimplified } from "./chinese-script.ts";
import type { Lang } from "../model/types.ts";

const HAN = /\p{Script=Han}/u;

// OpenCC per character was the biggest cost of ingest; a character's script never changes.
const scriptOf = new Map<string, "hans" | "hant" | "both">();
function charScript(ch: string): "hans" | "hant" | "both" {
  let s = scriptOf.get(ch);
  if (!s) {
    s = simplifiedToTaiwan(ch) !== ch ? "hans" : taiwanToSimplified(ch) !== ch ? "hant" : "both";
    scriptOf.set(ch, s);
  }
  return s;
}
const LATIN_LETTER = /[A-Za-z]/;

const OTHER = 1;
const LATIN = 2;
const HANS = 3;
const HANT = 4;
const HAN_BOTH = 5;
/** A BMP character's class, 0 until first seen: a regex and a Map per character were most of the detection. */
const classOfCode = new Uint8Array(65536);
function classOf(ch: string): number {
  if (HAN.test(ch)) {
    const script = charScript(ch);
    return script === "hans" ? HANS : script === "hant" ? HANT : HAN_BOTH;
  }
  return LATIN_LETTER.test(ch) ? LATIN : OTHER;
}

/** Looks at the first `sample` characters; enough to decide and cheap on 1 MB notes. */
export function detectLang(text: string, sample = 4000): Lang {
  const head = text.slice(0, sample);
  let han = 0;
  let latin = 0;
  let hansOnly = 0;
  let hantOnly = 0;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    let cls: number;
    const low = code >= 0xd800 && code <= 0xdbff ? head.charCodeAt(i + 1) : NaN;
    if (low >= 0xdc00 && low <= 0xdfff) {
      // A character outside the BMP (Han extension B and on): rare, classed as it comes.
      cls = classOf(head.slice(i, i + 2));
      i++;
    } else {
      cls = classOfCode[code]!;
      if (cls === 0) cls = classOfCode[code] = classOf(String.fromCharCode(code));
    }
    if (cls === LATIN) latin++;
    else if (cls >= HANS) {
      han++;
      if (cls === HANS) hansOnly++;
      else if (cls === HANT) hantOnly++;
    }
  }
  // A Latin word is about five letters, a Chinese word about one and a half characters.
  if (latin / 5 > han / 1.5) return "en";
  return hantOnly > hansOnly ? "zh-Hant" : "zh-Hans";
}
