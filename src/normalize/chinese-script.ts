// Conversions between Chinese scripts, through OpenCC, built once per thread and only when
// first used. OpenCC's Simplified → Traditional phrase table is 1 MB of text and a trie of
// about 23 MB of heap; Converter({ from: "cn", … }) builds its own for each target, and the
// modules that convert built five per thread. Here Taiwan and Hong Kong forms share one, and
// a thread that never converts (most of the render) builds none.
import { ConverterFactory, Locale } from "opencc-js";

type Convert = (s: string) => string;

function lazy(make: () => Convert): Convert {
  let convert: Convert | undefined;
  return (s) => (convert ??= make())(s);
}

/** Simplified → OpenCC's standard Traditional: the shared first step of the two below. */
const toTraditional = lazy(() => ConverterFactory(...Locale.from.cn));
const traditionalToTaiwan = lazy(() => ConverterFactory(...Locale.to.tw));
const traditionalToHongKong = lazy(() => ConverterFactory(...Locale.to.hk));

/** Taiwan Traditional → Simplified (OpenCC tw → cn). */
export const taiwanToSimplified: Convert = lazy(() => ConverterFactory(...Locale.from.tw, ...Locale.to.cn));
/** Hong Kong Traditional → Simplified (OpenCC hk → cn). */
export const hongKongToSimplified: Convert = lazy(() => ConverterFactory(...Locale.from.hk, ...Locale.to.cn));
// Characters only Traditional text has, among the commonest: a sentence with none needs no conversion.
const TRADITIONAL_HINT = /[國將對們這說為與體實進關際經濟會發於從來後應個當過還時條見長開現點產業務]/;

/**
 * A sentence as Simplified word lists read it: converted only when it shows a Traditional
 * character, so that Simplified text (most of it) costs one test.
 */
export function readAsSimplified(text: string): string {
  return TRADITIONAL_HINT.test(text) ? taiwanToSimplified(text) : text;
}

/** Simplified → Taiwan Traditional (OpenCC cn → tw). */
export const simplifiedToTaiwan: Convert = (s) => traditionalToTaiwan(toTraditional(s));
/** Simplified → Hong Kong Traditional (OpenCC cn → hk). */
export const simplifiedToHongKong: Convert = (s) => traditionalToHongKong(toTraditional(s));
