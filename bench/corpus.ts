// The benchmark's synthetic notes folder: articles/…/*.md with front matter like the users'
// notes and clippings, and events/*.md that answer one another, as a user's folder grows to
// thousands of files. Pure and deterministic: the same options and material give the same
// bytes, file by file, on every machine; each file draws from its own seeded stream.
// The parts: plan.ts (which articles), names.ts and prose.ts (their words), front-matter.ts,
// events.ts; this file puts one article together and streams the whole folder.
import type { Material } from "./material.ts";
import { createRng, type Rng } from "./prng.ts";
import { pools, type Pools } from "./names.ts";
import { buildBody, EN_TEMPLATES, fill, plain, type Context } from "./prose.ts";
import { frontMatter } from "./front-matter.ts";
import { planArticles, type ArticlePlan, type CorpusFile, type CorpusOptions } from "./plan.ts";
import { renderEvents } from "./events.ts";

/**
 * What one article talks about, as a real article keeps to its subject: a cast of actors and
 * tags drawn from the registry for its own sentences, and the sentences of one or two seeds to
 * borrow. (Drawing every sentence from the whole registry and all seeds gave 108 distinct
 * registry names per article; the five seeds name 22 to 53, 40 on average.)
 */
function subjectOf(p: Pools, m: Material, rng: Rng): { p: Pools; m: Material } {
  const seeds = rng.sample(m.sentencesBySeed, rng.chance(0.85) ? 1 : 2);
  return {
    p: { ...p, actors: rng.sample(p.actors, rng.range(3, 8)), tags: rng.sample(p.tags, rng.range(2, 6)) },
    m: { ...m, sentences: seeds.flat() },
  };
}

export function renderArticle(plan: ArticlePlan, m: Material, seed: string): string {
  const rng = createRng(`${seed}/article/${plan.index}`);
  const subject = subjectOf(pools(m), m, rng);
  const c: Context = { rng, m: subject.m, p: subject.p, script: plan.lang };
  const rawSummary = c.script === "en" ? fill(rng.pick(EN_TEMPLATES), c, false) : plain(rng.pick(m.sentences)) + (rng.chance(0.5) ? plain(rng.pick(m.sentences)) : "");
  const summary = c.script === "zh-Hant" ? m.toTraditional(rawSummary) : rawSummary;
  const fm = frontMatter(plan, c, summary);
  return fm + buildBody(c, Math.max(200, plan.bytes - Buffer.byteLength(fm)), plan.style, { transcript: plan.transcript, wikilinks: plan.wikilinks });
}

/**
 * The whole corpus, one file at a time: articles in plan order, then events, then its
 * site.yaml: its generated events are its whole timeline (the shipped one is not added, so
 * that the timeline's size is the one asked for), with the shipped classes.
 */
export function* generateCorpus(opts: CorpusOptions, m: Material): Generator<CorpusFile> {
  const plans = planArticles(opts, m);
  for (const plan of plans) yield { path: plan.path, text: renderArticle(plan, m, opts.seed) };
  yield* renderEvents(opts, plans, m);
  const classes = (m.classes ?? []).map((c) => `\n    - ${c}`).join("");
  yield { path: "site.yaml", text: `html:\n  classes:${classes || " []"}\ntimeline:\n  shipped: false\n` };
}
