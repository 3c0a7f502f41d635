// The outlet of a clipping that names none, from the host of its source address. Known hosts
// get the name readers use (in the article's language where the outlet has one); any other
// host is named by its domain, which is at least true and easy for the user to correct.
import type { Lang } from "../model/types.ts";

interface KnownOutlet {
  hosts: readonly string[];
  zh?: string;
  en: string;
}

const KNOWN: readonly KnownOutlet[] = [
  { hosts: ["youtube.com", "youtu.be"], en: "YouTube" },
  { hosts: ["dw.com"], zh: "德国之声", en: "DW" },
  { hosts: ["theinitium.com", "initium.media"], zh: "端传媒", en: "Initium Media" },
  { hosts: ["163.com"], zh: "网易", en: "NetEase" },
  { hosts: ["mp.weixin.qq.com"], zh: "微信公众号", en: "WeChat" },
  { hosts: ["bilibili.com", "b23.tv"], zh: "哔哩哔哩", en: "Bilibili" },
];

export function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function matchesHost(host: string, known: string): boolean {
  return host === known || host.endsWith(`.${known}`);
}

export function outletFromUrl(url: string, lang: Lang): string | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  const known = KNOWN.find((k) => k.hosts.some((h) => matchesHost(host, h)));
  if (known) return lang !== "en" && known.zh ? known.zh : known.en;
  return host.replace(/^(www|m|mobile|amp)\./, "");
}
