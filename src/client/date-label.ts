// A result's date as the pages write it: 2018年4月15日, 2025年10月, 2006年 in Chinese; 15 April
// 2018, October 2025, 2006 in English (src/site/i18n.ts formatEventDate, which uses luxon: too
// large a library to ship for this). The record holds the date as written, YYYY[-MM[-DD]].

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `value` (an ISO date, or its year or month alone) at its precision, in `lang`; anything else as it is. */
export function dateLabel(value: string, lang: "zh-Hans" | "en"): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const month = mo ? Number(mo) : 0;
  if (month < 1 || month > 12) return lang === "en" ? y! : `${y}年`;
  if (!d) return lang === "en" ? `${MONTHS_EN[month - 1]} ${y}` : `${y}年${month}月`;
  return lang === "en" ? `${Number(d)} ${MONTHS_EN[month - 1]} ${y}` : `${y}年${month}月${Number(d)}日`;
}
