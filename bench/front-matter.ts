// The bench corpus's front matter: the fields, key orders and date forms of users' notes and
// of imported clippings, with the flaws real collections carry (None for nothing, a date missing,
// a year alone or malformed, now and then YAML that cannot be parsed).
import type { DateTime } from "luxon";
import { Document } from "yaml";
import { slugify } from "../src/normalize/slug.ts";
import type { Rng } from "./prng.ts";
import { anyName, enName, NAME_VARIANTS, PEOPLE_VARIANTS, PRODUCT_VARIANTS, tailOrg, tailPerson, tailProduct, tailTag, unknownTag, variantOf, zhName } from "./names.ts";
import { plain, sourceUrl, type Context } from "./prose.ts";
import type { ArticlePlan } from "./plan.ts";

/** Every form the date normalizer accepts that real notes use, quoted as the seed note does. */
export function formatDate(d: DateTime, rng: Rng): string {
  const en = d.setLocale("en");
  return rng.weighted<() => string>([
    [() => d.toFormat("yyyy-MM-dd"), 4],
    [() => d.toFormat("yyyy-MM-dd HH:mm"), 3],
    [() => d.toISO({ suppressMilliseconds: true })!, 3],
    [() => d.toUTC().toISO()!, 1],
    [() => `${d.year}年${d.month}月${d.day}日`, 2],
    [() => d.toFormat("yyyy/MM/dd"), 1],
    [() => en.toFormat("LLL d, yyyy"), 1],
    [() => en.toFormat("d LLLL yyyy"), 1],
    [() => en.toFormat("ccc, dd LLL yyyy HH:mm:ss ZZZ"), 1],
  ])();
}

export function yamlText(data: Record<string, unknown>, indentSeq: boolean): string {
  const doc = new Document(data);
  const date = doc.get("date", true) as { type?: string; value?: unknown } | undefined;
  // Dates are quoted strings, as the seed note writes them; a year alone stays a number.
  if (date && typeof date.value === "string") date.type = "QUOTE_SINGLE";
  return doc.toString({ lineWidth: 0, singleQuote: true, indentSeq });
}

/** The date as the plan's shape has it: in one of the forms real notes use, a year, malformed, or none. */
function dateValue(plan: ArticlePlan, rng: Rng): string | number | undefined {
  switch (plan.dateShape) {
    case "none":
      return undefined;
    case "year":
      return plan.date.year;
    case "malformed":
      return rng.pick([`${plan.date.year}-13-45`, `${plan.date.year}-02-30`, "未知", `${plan.date.year}/99`]);
    default:
      return formatDate(plan.date, rng);
  }
}

/** A value as scripts write "nothing": sometimes None, as the real collection has it. */
function orNone<T>(value: T, rng: Rng, share = 0.03): T | "None" {
  return rng.chance(share) ? "None" : value;
}

/** Front matter YAML cannot parse: an unclosed quote in the title, as a hand edit leaves it. */
function breakFrontMatter(yaml: string): string {
  return yaml.replace(/^title: .*$/m, (line) => `title: "${line.slice("title: ".length).replace(/^'|'$/g, "")}`);
}

export function frontMatter(plan: ArticlePlan, c: Context, summary: string): string {
  const { rng, m, p } = c;
  const tags: string[] = [];
  // Tags: registry names in any script, common unknown tags, and a long tail used by one note each.
  for (let i = rng.range(2, 9); i > 0; i--) {
    tags.push(rng.weighted<() => string>([[() => anyName(rng.pick(p.tags), rng, m), 45], [() => unknownTag(rng), 15], [() => tailTag(rng, m), 40]])());
  }
  const uniqueTags = [...new Set(tags)];
  const people = [
    ...new Set(
      Array.from({ length: rng.weighted([[0, 1], [1, 5], [2, 2], [3, 1]] as const) }, () =>
        rng.weighted<() => string>([[() => anyName(rng.pick(p.people), rng, m), 35], [() => variantOf(PEOPLE_VARIANTS, rng), 15], [() => tailPerson(rng, m), 50]])(),
      ),
    ),
  ];
  const orgs = [
    ...new Set(
      Array.from({ length: rng.weighted([[0, 1], [1, 2], [2, 3], [3, 4], [4, 3], [5, 2]] as const) }, () =>
        rng.weighted<() => string>([[() => anyName(rng.pick(p.orgs), rng, m), 35], [() => variantOf(NAME_VARIANTS, rng), 25], [() => tailOrg(rng, m), 40]])(),
      ),
    ),
  ];
  const products = [...new Set(Array.from({ length: rng.weighted([[0, 3], [1, 3], [2, 2], [3, 1]] as const) }, () => (rng.chance(0.5) ? variantOf(PRODUCT_VARIANTS, rng) : tailProduct(rng))))];
  const outlet = rng.pick(p.outlets);
  const date = dateValue(plan, rng);
  const tagValue = rng.chance(0.1) ? uniqueTags.join(", ") : uniqueTags;

  let yaml: string;
  if (plan.style === "note") {
    // Keys in alphabetical order, as the seed note's exporter writes them; guest, insight and
    // series present on every note and almost always empty, as the real collection has them.
    const data: Record<string, unknown> = {
      area: rng.pick(["market-analysis", "tech-policy", "supply-chain", "geopolitics"]),
      ...(rng.chance(0.67) ? { author: orNone(tailPerson(rng, m), rng, 0.1) } : {}),
      category: rng.pick(["geopolitics", "economy", "technology"]),
      companies_orgs: orgs,
      ...(date !== undefined ? { date } : {}),
      draft: plan.draft,
      guest: rng.chance(0.05) ? tailPerson(rng, m) : "",
      insight: rng.chance(0.05) ? plain(rng.pick(m.sentences)) : "",
      layout: "post.njk",
      media_books: [slugify(enName(outlet), 3)],
      people,
      products_models: rng.chance(0.94) ? products : [],
      project: rng.sample(["china-analysis", "geopolitics-watch", "us-analysis", "supply-chain-notes"], rng.range(1, 3)),
      series: rng.chance(0.05) ? rng.pick(["Whatsnew", "周末长读", "芯片战札记"]) : "",
      source: orNone(sourceUrl(rng), rng, 0.01),
      speaker: `${enName(outlet)} ${zhName(outlet, "zh-Hans", m)}`,
      status: rng.pick(["evergreen", "seedling", "budding"]),
      summary: orNone(summary, rng, 0.01),
      tags: tagValue,
      title: plan.title,
    };
    yaml = yamlText(data, false);
  } else {
    const data: Record<string, unknown> = { title: plan.title, ...(date !== undefined ? { date } : {}) };
    if (rng.chance(0.7)) data.lang = plan.lang;
    data.source = sourceUrl(rng);
    data.outlet = orNone(zhName(outlet, plan.lang === "zh-Hant" ? "zh-Hant" : "zh-Hans", m), rng);
    data.author = rng.chance(0.7) ? tailPerson(rng, m) : data.outlet;
    if (rng.chance(0.3)) data.place = rng.pick(["上海", "北京", "伦敦", "香港", "台北", "华盛顿"]);
    if (rng.chance(0.5)) data.summary = summary;
    if (rng.chance(0.2)) data.image = `https://static.dw.com/image/${rng.range(40_000_000, 70_000_000)}_303.jpg`;
    if (rng.chance(0.7)) data.tags = tagValue;
    if (people.length && rng.chance(0.5)) data.people = people;
    if (orgs.length && rng.chance(0.5)) data.companies_orgs = orgs;
    if (rng.chance(0.1)) data.updated = plan.date.plus({ days: rng.range(1, 20) }).toFormat("yyyy-MM-dd");
    data.draft = plan.draft;
    if (rng.chance(0.4)) data.layout = "post.njk";
    yaml = yamlText(data, true);
  }
  return `---\n${plan.brokenFrontMatter ? breakFrontMatter(yaml) : yaml}---\n\n`;
}
