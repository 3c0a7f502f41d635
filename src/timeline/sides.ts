// The timeline's lanes. "US and allies" are the jurisdictions that coordinate export controls
// with the US on China (the Wassenaar-era partners the seeds name); China's lane holds the PRC
// and its customs territories; everything else (the WTO, third countries) is "others".
const US_AND_ALLIES = new Set(["US", "NL", "JP", "EU", "KR", "GB", "DE", "FR", "IT", "TW", "AU", "CA", "BE"]);
const CHINA = new Set(["CN", "HK", "MO"]);

export type Side = "us" | "cn" | "other";
export const SIDES: readonly Side[] = ["us", "cn", "other"];

export function sideOf(jurisdiction: string): Side {
  const j = jurisdiction.toUpperCase();
  if (US_AND_ALLIES.has(j)) return "us";
  if (CHINA.has(j)) return "cn";
  return "other";
}
