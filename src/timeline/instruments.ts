// Official instruments as text names them, reduced to one key per instrument, so that an
// article saying "公告2024年第46号", "商务部2024年第46号公告" or "MOFCOM Announcement No. 46 of
// 2024" and an event whose instrument is "商务部公告2024年第46号" meet on the same key. The keys
// are what candidate events merge on and what links an article to an event: an instrument
// named is the strongest evidence there is that two texts report the same measure. Chinese
// names are read in both scripts (商務部公告2024年第46號 is the same announcement).

/** One instrument a text names: its key and the words that named it. */
export interface InstrumentRef {
  /** fr:89/96790 · frdoc:2024-28270 · eo:14105 · mofcom:2024/46 · mofcom-order:2020/4 · uel:2025/5 · tariff:2025/4 · wto:ds633 · state-council-order:803 · mfa-order:19 */
  key: string;
  text: string;
  index: number;
}

const NUM = String.raw`(\d{1,3})`;
const YEAR = String.raw`((?:19|20)\d{2})`;
// 〔2025〕, [2025], （2025）, 2025年
const YEAR_ZH = String.raw`(?:[〔\[［(（]\s*${YEAR}\s*[〕\]］)）]|${YEAR}\s*年)`;

interface Pattern {
  /** Words every match contains: a text without them is not searched (most notes name no instrument). */
  hint: RegExp;
  re: RegExp;
  key: (m: RegExpExecArray) => string | undefined;
}

/** The year and number of a Chinese announcement from a match with YEAR_ZH's two year groups then a number. */
const yn = (m: RegExpExecArray, at: number): string => `${m[at] ?? m[at + 1]}/${Number(m[at + 2])}`;

const PATTERNS: Pattern[] = [
  // 89 FR 96790 — a Federal Register citation: volume and first page.
  { hint: /FR/, re: /(?<![\d.])(\d{2,3})\s*FR\s*(\d{3,6})(?!\d)/g, key: (m) => `fr:${m[1]}/${m[2]}` },
  // FR Doc. 2024-28270 (also the bare number a federalregister.gov address carries).
  { hint: /FR\s*Doc/i, re: /FR\s*Doc\.?\s*(?:No\.?:?\s*)?((?:19|20)\d{2})[-–](\d{4,5})(?!\d)/gi, key: (m) => `frdoc:${m[1]}-${m[2]}` },
  { hint: /federalregister\.gov/i, re: /federalregister\.gov\/(?:d|documents\/\d{4}\/\d{2}\/\d{2})\/((?:19|20)\d{2})-(\d{4,5})(?!\d)/gi, key: (m) => `frdoc:${m[1]}-${m[2]}` },
  // Executive Order 14105, EO 14105, E.O. 14105, 第14105号行政令, 行政命令14105
  { hint: /Executive\s+Order|E\.?\s?O/i, re: /(?:Executive\s+Order|E\.?\s?O\.?)\s*(?:No\.?\s*)?(1[34]\d{3})(?!\d)/gi, key: (m) => `eo:${m[1]}` },
  { hint: /行政(?:命)?令/, re: /第?\s*(1[34]\d{3})\s*[号號]?\s*行政(?:命)?令|行政(?:命)?令\s*(?:第\s*)?(1[34]\d{3})(?!\d)/g, key: (m) => `eo:${m[1] ?? m[2]}` },
  // WTO disputes: WT/DS633, DS633, DS 633
  { hint: /DS/, re: /(?:WT\/)?\bDS\s?(\d{3})(?!\d)/g, key: (m) => `wto:ds${m[1]}` },
  // The Unreliable Entity List working mechanism's announcements (before MOFCOM's: they are 公告 too).
  {
    hint: /不可靠[实實][体體]清[单單]工作[机機]制/,
    re: new RegExp(String.raw`不可靠[实實][体體]清[单單]工作[机機]制(?:[关關]于[^。；\n]{0,40}?的)?公告\s*${YEAR_ZH}\s*(?:第\s*)?${NUM}\s*[号號]`, "g"),
    key: (m) => `uel:${yn(m, 1)}`,
  },
  // The Customs Tariff Commission of the State Council: 税委会公告2025年第4号, 税委会公告〔2018〕10号
  { hint: /[税稅][则則]委[员員][会會]公告|[税稅]委[会會]公告/, re: new RegExp(String.raw`(?:[国國][务務]院)?[关關][税稅][税稅][则則]委[员員][会會]公告\s*${YEAR_ZH}\s*(?:第\s*)?${NUM}\s*[号號]|[税稅]委[会會]公告\s*${YEAR_ZH}\s*(?:第\s*)?${NUM}\s*[号號]`, "g"), key: (m) => ((m[1] ?? m[2]) ? `tariff:${yn(m, 1)}` : `tariff:${yn(m, 4)}`) },
  // State Council and MFA orders are numbered without a year: 国务院令第803号, 外交部令第19号
  { hint: /[国國][务務]院令/, re: /[国國][务務]院令\s*第\s*(\d{1,4})\s*[号號]/g, key: (m) => `state-council-order:${m[1]}` },
  { hint: /外交部令/, re: /外交部令\s*第\s*(\d{1,3})\s*[号號]/g, key: (m) => `mfa-order:${m[1]}` },
  // MOFCOM orders: 商务部令2020年第4号
  { hint: /商[务務]部令/, re: new RegExp(String.raw`商[务務]部令\s*${YEAR_ZH}\s*(?:第\s*)?${NUM}\s*[号號]`, "g"), key: (m) => `mofcom-order:${yn(m, 1)}` },
  // MOFCOM announcements, alone or with GAC or MOST: 商务部公告2024年第46号, 商务部 海关总署公告2025年第18号,
  // 商务部、海关总署2023年第23号公告, 商务部2024年第46号公告
  {
    hint: /商[务務]部/,
    re: new RegExp(String.raw`商[务務]部(?:\s*[、,，和与與及]?\s*(?:海[关關][总總]署|科技部|[国國]家密[码碼]管理局))*\s*(?:[发發]布|公布|出台|宣布)?了?\s*(?:公告\s*${YEAR_ZH}\s*(?:第\s*)?${NUM}\s*[号號]|${YEAR_ZH}\s*第?\s*${NUM}\s*[号號]\s*公告)`, "g"),
    key: (m) => ((m[1] ?? m[2]) ? `mofcom:${yn(m, 1)}` : `mofcom:${yn(m, 4)}`),
  },
  // MOFCOM Announcement No. 46 of 2024 / MOFCOM Announcement [2024] No. 46
  { hint: /MOFCOM/i, re: /MOFCOM(?:\s+and\s+(?:GAC|the\s+General\s+Administration\s+of\s+Customs))?\s+Announcement\s+No\.?\s*(\d{1,3})\s+of\s+((?:19|20)\d{2})/gi, key: (m) => `mofcom:${m[2]}/${Number(m[1])}` },
  { hint: /MOFCOM/i, re: /MOFCOM(?:\s+and\s+GAC)?\s+Announcement\s*[[(]?((?:19|20)\d{2})[\])]?\s*No\.?\s*(\d{1,3})/gi, key: (m) => `mofcom:${m[1]}/${Number(m[2])}` },
];

/**
 * The instruments a text names, in order, each once per place. `normalized`: the caller has
 * put the text in NFKC already (full-width digits and letters as ASCII).
 */
export function findInstruments(text: string, normalized = false): InstrumentRef[] {
  const t = normalized ? text : text.normalize("NFKC");
  const found: InstrumentRef[] = [];
  const taken: Array<[number, number]> = [];
  for (const p of PATTERNS) {
    if (!p.hint.test(t)) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(t); m; m = p.re.exec(t)) {
      const start = m.index;
      const end = start + m[0].length;
      // The first pattern to claim a stretch of text keeps it (a UEL announcement is not also MOFCOM's).
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const key = p.key(m);
      if (!key || key.includes("undefined") || key.endsWith("/NaN")) continue;
      taken.push([start, end]);
      found.push({ key, text: m[0], index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The keys of the instruments a text names, once each. */
export function instrumentKeys(text: string): string[] {
  return [...new Set(findInstruments(text).map((r) => r.key))];
}

const keysOfEvent = new WeakMap<object, string[]>();

/** The keys of an event's own instrument (its id and official URL), read once per event. */
export function eventInstrumentKeys(e: { instrument?: { id: string; url?: string } | undefined }): string[] {
  let keys = keysOfEvent.get(e);
  if (!keys) keysOfEvent.set(e, (keys = e.instrument ? instrumentKeys(`${e.instrument.id} ${e.instrument.url ?? ""}`) : []));
  return keys;
}

/** An instrument key as a reader would write it: the form the events of this knowledge base use. */
export function instrumentLabel(key: string): string {
  const [kind, rest = ""] = key.split(":") as [string, string?];
  const [year, no] = rest.split("/");
  switch (kind) {
    case "fr":
      return `${year} FR ${no}`;
    case "frdoc":
      return `FR Doc. ${rest}`;
    case "eo":
      return `Executive Order ${rest}`;
    case "wto":
      return `WT/${rest.toUpperCase()}`;
    case "uel":
      return `不可靠实体清单工作机制公告${year}年第${no}号`;
    case "tariff":
      return `税委会公告${year}年第${no}号`;
    case "state-council-order":
      return `国务院令第${rest}号`;
    case "mfa-order":
      return `外交部令第${rest}号`;
    case "mofcom-order":
      return `商务部令${year}年第${no}号`;
    case "mofcom":
      return `商务部公告${year}年第${no}号`;
    default:
      return key;
  }
}

/** Who issues an instrument of this kind, when its key alone says so: the issuer a sentence naming it reports. */
export function instrumentIssuer(key: string): { jurisdiction: string; authority: string } | undefined {
  const kind = key.split(":")[0];
  const issuers: Record<string, { jurisdiction: string; authority: string }> = {
    fr: { jurisdiction: "US", authority: "us" },
    frdoc: { jurisdiction: "US", authority: "us" },
    eo: { jurisdiction: "US", authority: "us-white-house" },
    mofcom: { jurisdiction: "CN", authority: "cn-mofcom" },
    "mofcom-order": { jurisdiction: "CN", authority: "cn-mofcom" },
    uel: { jurisdiction: "CN", authority: "cn-uel-working-mechanism" },
    tariff: { jurisdiction: "CN", authority: "cn-tariff-commission" },
    "state-council-order": { jurisdiction: "CN", authority: "cn-state-council" },
    "mfa-order": { jurisdiction: "CN", authority: "cn-mfa" },
  };
  return kind ? issuers[kind] : undefined;
}
