// Nunjucks templates compiled once per build, not once per page. Eleventy 3.1 marks its
// Nunjucks engine as not cacheable and makes a new Nunjucks Template for every page it renders,
// so each of 34,000 pages parsed and compiled its template again: 28% of a render slice's time
// at 10,000 articles (docs/performance.md). This plugin takes over the `njk` extension
// (Eleventy's documented way to override a template language) with a compile that Eleventy
// may cache, rendering through Eleventy's own Nunjucks environment, filters and all.
//
// It also renders list entries once per item (`itemPartials`): an article's entry in a list is
// the same markup on every tag and actor page that lists it, and 10,000 articles made 590,000
// such entries, a quarter of the render (docs/performance.md).
import type UserConfig from "@11ty/eleventy/UserConfig";

interface NunjucksTemplate {
  render(data: object, cb: (err: Error | null, out?: string) => void): void;
}
interface NunjucksEnvironment {
  render(name: string, context: object): string;
}
interface NunjucksLib {
  Template: new (src: string, env: object, path: string | null, eagerCompile: boolean) => NunjucksTemplate;
}

type Render = (data: object) => Promise<string>;

/** A shortcode `{% shortcode item %}` rendering `partial` with the item as variable `as`. */
export interface ItemPartial {
  shortcode: string;
  /** Under the includes folder; it may read nothing but the item, and no page's context. */
  partial: string;
  as: string;
  /** Fixed variables beside the item: one partial, several forms, each its own shortcode. */
  with?: Readonly<Record<string, unknown>>;
}

export default function nunjucksCompiledOnce(eleventyConfig: UserConfig, opts: { itemPartials?: readonly ItemPartial[] } = {}): void {
  let lib: NunjucksLib | undefined;
  let env: NunjucksEnvironment | undefined;
  // Permalinks are a handful of strings ("/articles/{{ article.slug }}/"), each rendered for
  // thousands of pages.
  const permalinks = new Map<string, Render>();
  eleventyConfig.on("eleventy.engine.njk", (e: { nunjucks: NunjucksLib; environment: NunjucksEnvironment }) => {
    lib = e.nunjucks;
    env = e.environment;
    permalinks.clear();
  });

  const announced = () => {
    if (!lib || !env) throw new Error("nunjucks-once: Eleventy's Nunjucks environment was not announced");
    return { lib, env };
  };

  const compile = (src: string, inputPath: string | null): Render => {
    const { lib, env } = announced();
    const template = new lib.Template(src, env, inputPath, true);
    return (data) =>
      new Promise((resolve, reject) => template.render(data, (err, out) => (err ? reject(err) : resolve(out ?? ""))));
  };

  (eleventyConfig as unknown as { addExtension(ext: string, entry: object): void }).addExtension("njk", {
    key: "njk",
    compile,
    compileOptions: {
      cache: true,
      permalink: (src: unknown) => {
        if (typeof src !== "string") return src;
        if (!permalinks.has(src)) permalinks.set(src, compile(src, null));
        return permalinks.get(src)!;
      },
    },
  });

  // Keyed by the item object: a render worker keeps the shaped dataset, and so its items, from
  // one slice to the next, and a new dataset (npm start) brings new objects. An edited template
  // under npm start empties them.
  const memos = (opts.itemPartials ?? []).map((p) => ({ ...p, done: new WeakMap<object, string>() }));
  eleventyConfig.on("eleventy.beforeWatch", () => memos.forEach((m) => (m.done = new WeakMap())));
  for (const m of memos) {
    eleventyConfig.addShortcode(m.shortcode, (item: object) => {
      let html = m.done.get(item);
      if (html === undefined) {
        html = announced().env.render(m.partial, { ...m.with, [m.as]: item }).trim();
        m.done.set(item, html);
      }
      return html;
    });
  }
}
