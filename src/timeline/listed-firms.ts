// Shipped events an article reports by the firm a list took in: "美国政府还将华为、中兴等一批企业
// 列入了实体清单" with no day is the listing that first put Huawei there. A firm goes on a list
// once; later rules add its affiliates or more firms, which the sentence then says (子公司,
// 更多, again), and such a sentence links to nothing here.
import type { Actor } from "../model/registry.ts";
import { actorsById } from "../normalize/registry.ts";
import { readAsSimplified } from "../normalize/chinese-script.ts";
import { NOT_A_MEASURE } from "./candidates.ts";
import { periodOf, type DescribableEvent, type DescribedLink } from "./described-events.ts";

// The lists a firm is put on, in either script: 实体清单 (and 不可靠实体清单), the Entity List; or a
// "blacklist", which is the list of the side named as listing.
const LIST_NAME = /[实實][体體]清[单單]|entity list|黑名[单單]|blacklist/i;
const BLACKLIST = /黑名单|blacklist/i;
const LIST_OF_SIDE: Record<string, string> = { US: "entity-list", CN: "unreliable-entity-list" };
const PUT_ON = /列入|纳入|加入|列为|拉入|放入|放进|被列|\b(?:added|placed|put)\b[^.;]{0,60}\blist\b|\bblacklist(?:ed|s)?\b/i;
// Not the firm's own first listing: its affiliates, more firms, a listing again, a removal, a
// denial ("没有被列入").
const NOT_FIRST = /子公司|关联|附属|分支|更多|再次|再度|又(?:将|把|被)|新增|移出|移除|除名|剔除|删除|撤出|没有|未被|并未|不会|affiliat|subsidiar|\bmore\b|\bagain\b|\bfurther\b|\badditional\b|remov|delist|\bnot\b/i;

/** Whether a line may say that a firm was put on a list (most lines do not, and are never split). */
export function mayNameListing(line: string): boolean {
  return LIST_NAME.test(line);
}

/** The list a sentence names: the Unreliable Entity List when it says so, else the Entity List. */
function listNamed(tags: readonly string[]): string | undefined {
  if (tags.includes("unreliable-entity-list")) return "unreliable-entity-list";
  return tags.includes("entity-list") ? "entity-list" : undefined;
}

/** The list of the one side named before the listing word (its states, authorities and people, not its firms). */
function sideList(actorIds: readonly string[], actorById: ReadonlyMap<string, Actor>): string | undefined {
  const sides = new Set(actorIds.map((id) => actorById.get(id)).filter((a): a is Actor => Boolean(a && a.type !== "company" && a.type !== "outlet" && a.jurisdiction)).map((a) => a.jurisdiction!.toUpperCase()));
  return sides.size === 1 ? LIST_OF_SIDE[[...sides][0]!] : undefined;
}

/**
 * The events that first put on a list a firm a sentence says was put on it, once each. A
 * sentence that names a period links only to a first listing in that period.
 */
export function listedFirmEvents(
  split: ReadonlyArray<{ text: string; line: number }>,
  articleDay: string,
  ctx: { actors: readonly Actor[]; findMentions(text: string): { actors: string[]; tags: string[] } },
  events: readonly DescribableEvent[],
): DescribedLink[] {
  const out = new Map<string, DescribedLink>();
  for (const { text, line } of split) {
    if (!LIST_NAME.test(text)) continue;
    const simplified = readAsSimplified(text);
    if (!PUT_ON.test(simplified) || NOT_FIRST.test(simplified) || NOT_A_MEASURE.test(simplified)) continue;
    const found = ctx.findMentions(simplified);
    const actorById = actorsById(ctx.actors);
    const period = periodOf(text, articleDay);
    // A "blacklist" is told apart from the other lists of its side (sanctions, procurement) only by
    // the period it names: it must name one the first listing is in.
    const list = listNamed(found.tags) ?? (BLACKLIST.test(simplified) && period && !("from" in period) ? sideList(ctx.findMentions(simplified.slice(0, PUT_ON.exec(simplified)!.index)).actors, actorById) : undefined);
    if (!list) continue;
    for (const id of found.actors) {
      const firm = actorById.get(id);
      if (firm?.type !== "company") continue;
      const first = events
        .filter((e) => e.kind !== "statement" && e.kind !== "relaxation" && e.items.includes(list) && (e.targets ?? []).includes(id) && e.date.start <= articleDay)
        .sort((a, b) => (a.date.start < b.date.start ? -1 : a.date.start > b.date.start ? 1 : 0))[0];
      if (!first || out.has(first.id)) continue;
      // A list of one side takes in firms of the other: a state's own firm named beside it is not the one listed.
      if (firm.jurisdiction && firm.jurisdiction.toUpperCase() === first.jurisdiction.toUpperCase()) continue;
      const day = first.date.start;
      if (period && "from" in period && day < period.from) continue;
      if (period && !("from" in period) && (Number(day.slice(0, 4)) !== period.year || (period.month !== undefined && Number(day.slice(5, 7)) !== period.month))) continue;
      out.set(first.id, { event: first.id, line, named: text.slice(0, 80) });
    }
  }
  return [...out.values()];
}
