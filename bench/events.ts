// The bench corpus's events: measures and countermeasures in date order, about half answering
// earlier ones (always dated strictly after them), each citing articles of the corpus published
// around its date, with front matter in every shape the event schema accepts.
import { EVENT_DOMAINS, type EventKind } from "../src/model/event.ts";
import type { ActorEntry } from "../src/model/registry.ts";
import type { Material } from "./material.ts";
import { createRng, type Rng } from "./prng.ts";
import { anyName, enName, pools, zhName } from "./names.ts";
import { EN_TEMPLATES, fill, FIRST_DAY, plain, sourceUrl, SPAN_DAYS, ZH_TEMPLATES, type Context } from "./prose.ts";
import { yamlText } from "./front-matter.ts";
import type { ArticlePlan, CorpusFile, CorpusOptions } from "./plan.ts";

interface EventPlan {
  id: string;
  value: string;
  precision: "year" | "month" | "day";
  /** First and last day the date can mean, for "strictly later". */
  start: string;
  end: string;
  side: "US" | "CN" | "other";
  authority: ActorEntry;
}

function sideOfAuthority(a: ActorEntry): EventPlan["side"] {
  return a.jurisdiction === "US" ? "US" : a.jurisdiction === "CN" ? "CN" : "other";
}

function nearbyArticles(plans: ArticlePlan[], byDate: ArticlePlan[], start: string, rng: Rng, k: number): ArticlePlan[] {
  let lo = 0;
  let hi = byDate.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byDate[mid]!.date.toFormat("yyyy-MM-dd") < start) lo = mid + 1;
    else hi = mid;
  }
  const window = byDate.slice(Math.max(0, lo - 3), lo + 12);
  return rng.sample(window.length ? window : plans, k);
}

/**
 * Events in date order. About half answer one or two earlier events, always dated strictly
 * after them; each cites articles of the corpus published around its date, by file name.
 */
export function renderEvents(opts: CorpusOptions, plans: ArticlePlan[], m: Material): CorpusFile[] {
  if (opts.events === 0) return [];
  if (plans.length === 0) throw new Error("events cite articles: generate at least one article");
  const p = pools(m);
  const rng = createRng(`${opts.seed}/events`);
  const days = Array.from({ length: opts.events }, () => rng.int(SPAN_DAYS)).sort((a, b) => a - b);
  const byDate = [...plans].sort((a, b) => a.date.toMillis() - b.date.toMillis() || a.index - b.index);
  const ids = new Set<string>();
  const done: EventPlan[] = [];
  const files: CorpusFile[] = [];
  const us = p.authorities.filter((a) => sideOfAuthority(a) === "US");
  const cn = p.authorities.filter((a) => sideOfAuthority(a) === "CN");
  const other = p.authorities.filter((a) => sideOfAuthority(a) === "other");

  days.forEach((dayIndex, i) => {
    const r = rng.fork(i);
    const day = FIRST_DAY.plus({ days: dayIndex });
    const precision = r.weighted<EventPlan["precision"]>([["day", 90], ["month", 8], ["year", day.year < 2021 ? 2 : 0]]);
    const value = precision === "day" ? day.toFormat("yyyy-MM-dd") : precision === "month" ? day.toFormat("yyyy-MM") : String(day.year);
    const start = precision === "day" ? value : precision === "month" ? `${value}-01` : `${value}-01-01`;
    const end = precision === "day" ? value : (precision === "month" ? day.endOf("month") : day.endOf("year")).toFormat("yyyy-MM-dd");

    // Answers: earlier events certainly over before this one starts, most recent first.
    const earlier = done.filter((e) => e.end < start).slice(-40);
    const answers = earlier.length && r.chance(0.5) ? r.sample(earlier, r.chance(0.7) ? 1 : 2) : [];
    const answeredSide = answers[0]?.side;
    const pool = answeredSide === "US" ? cn : answeredSide === "CN" ? us : r.weighted([[us, 45], [cn, 40], [other.length ? other : us, 15]] as const);
    const authority = r.pick(pool.length ? pool : p.authorities);
    const side = sideOfAuthority(authority);
    const item = r.pick(p.itemTags);
    let id = `${value}-${authority.id}-${item.id}`;
    for (let k = 2; ids.has(id); k++) id = `${value}-${authority.id}-${item.id}-${k}`;
    ids.add(id);

    const kind: EventKind = answers.length
      ? answers.some((a) => a.side !== side) ? "countermeasure" : "measure"
      : r.weighted<EventKind>([["measure", 50], ["statement", 20], ["relaxation", 10], ["ruling", 10], ["countermeasure", 10]]);
    const itemZh = zhName(item, "zh-Hans", m);
    const authZh = zhName(authority, "zh-Hans", m);
    const verb = { measure: ["对", "实施出口管制"], countermeasure: ["对", "实施反制措施"], relaxation: ["放宽", "出口许可"], ruling: ["就", "作出裁决"], statement: ["就", "发表声明"] }[kind];
    const titleZh = `${authZh}${verb[0]}${itemZh}${verb[1]}`;
    const titleEn = `${enName(authority)}: ${kind} on ${enName(item)}`;
    const dates: Record<string, string> = { announced: value };
    if (precision === "day" && r.chance(0.4)) dates.effective = day.plus({ days: r.range(0, 90) }).toFormat("yyyy-MM-dd");
    if (precision === "day" && r.chance(0.05)) dates.suspended = day.plus({ days: r.range(100, 400) }).toFormat("yyyy-MM-dd");

    const cited = nearbyArticles(plans, byDate, start, r, r.range(1, 3));
    const sources: Array<Record<string, string>> = cited.map((a) => ({
      article: r.weighted([[a.base, 7], [`${a.base}.md`, 1], [a.path, 2]] as const),
      ...(r.chance(0.3) ? { note: plain(r.pick(m.sentences)).slice(0, 60) } : {}),
    }));
    if (r.chance(0.5)) sources.push({ url: sourceUrl(r), title: titleEn });

    const fmData: Record<string, unknown> = {
      title: { "zh-Hans": titleZh, en: titleEn, ...(r.chance(0.5) ? { "zh-Hant": m.toTraditional(titleZh) } : {}) },
      dates,
      ...(r.chance(0.1) ? { date_notes: `The source says ${r.pick(["本周一", "近期", "上月底"])}; the date is worked out from its publication date.` } : {}),
      jurisdiction: authority.jurisdiction!,
      authority: r.chance(0.7) ? authority.id : anyName(authority, r, m),
      kind,
      ...(r.chance(0.6)
        ? {
            instrument:
              side === "CN"
                ? { id: `商务部公告${day.year}年第${r.range(1, 80)}号`, title: `关于对${itemZh}实施管制的公告` }
                : { id: `${day.year - 1935} FR ${r.range(10_000, 99_999)}`, title: `${enName(item)} rule`, url: `https://www.federalregister.gov/d/${day.year}-${r.range(10_000, 29_999)}` },
          }
        : {}),
      domain: r.sample(EVENT_DOMAINS, r.range(1, 2)),
      items: [item.id, ...r.sample(p.itemTags, r.range(0, 3)).map((t) => (r.chance(0.5) ? t.id : zhName(t, "zh-Hans", m)))].filter((x, k, a) => a.indexOf(x) === k),
      targets: side === "US" ? ["cn"] : side === "CN" ? [r.pick(["us", "美国"])] : [],
      responds_to: answers.map((a) =>
        r.chance(0.4) ? { id: a.id, basis: "stated" } : { id: a.id, basis: "analyst", by: zhName(r.pick(p.outlets), "zh-Hans", m) },
      ),
      sources,
    };
    const c: Context = { rng: r, m, p, script: "en" };
    const body = [
      Array.from({ length: r.range(1, 3) }, () => fill(r.pick(EN_TEMPLATES), c, false)).join(" "),
      Array.from({ length: r.range(1, 3) }, () => fill(r.pick(ZH_TEMPLATES), c, true)).join(""),
    ].join("\n\n");
    files.push({ path: `events/${id}.md`, text: `---\n${yamlText(fmData, true)}---\n${body}\n` });
    done.push({ id, value, precision, start, end, side, authority });
  });
  return files;
}
