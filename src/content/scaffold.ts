// New content files, valid from the first save: `npm run new -- article|event|actor`.
// Pure functions: the script decides where to write and never overwrites.
import { stringify } from "yaml";
import { DateTime } from "luxon";
import { slugify } from "../normalize/slug.ts";
import { eventFileFields, NEW_EVENT_EXAMPLE } from "../model/event-fields.ts";

export type NewKind = "article" | "event" | "actor";

export interface Scaffold {
  /** Path relative to the content folder. */
  file: string;
  text: string;
}

const fm = (data: Record<string, unknown>, body: string) => `---\n${stringify(data, { lineWidth: 0 }).trimEnd()}\n---\n${body}`;

export function scaffold(kind: NewKind, opts: { title?: string; now: Date; zone?: string }): Scaffold {
  const today = DateTime.fromJSDate(opts.now, { zone: opts.zone ?? "Asia/Shanghai" });
  const day = today.toISODate()!;
  switch (kind) {
    case "article": {
      const title = opts.title ?? "新文章";
      return {
        file: `articles/${day}-${slugify(title) || "article"}.md`,
        text: fm(
          { title, date: today.toFormat("yyyy-MM-dd HH:mm"), lang: "zh-Hans", source: "https://example.com/original", outlet: "", author: "", summary: "", tags: [], draft: true },
          "正文写在这里。\n",
        ),
      };
    }
    case "event": {
      const title = opts.title ?? "新事件";
      const id = `${day}-${slugify(title) || "event"}`;
      return {
        file: `events/${id}.md`,
        text: fm(
          eventFileFields({ ...NEW_EVENT_EXAMPLE, title: { "zh-Hans": title, en: "English title" }, dates: { announced: day } }),
          "A short neutral description.\n",
        ),
      };
    }
    case "actor": {
      const name = opts.title ?? "New actor";
      const id = slugify(name) || "new-actor";
      return {
        file: "actors.yaml",
        text: `\n${stringify([{ id, type: "organization", names: { "zh-Hans": name, en: name }, aliases: [] }], { lineWidth: 0 })}`,
      };
    }
  }
}
