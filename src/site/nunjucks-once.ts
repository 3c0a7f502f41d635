// Nunjucks templates compiled once per build, not once per page. Eleventy 3.1 marks its
// Nunjucks engine as not cacheable and makes a new Nunjucks Template for every page it renders,
// so each of 34,000 pages parsed and compiled its template again: 28% of a render slice's time
// at 10,000 articles (docs/performance.md). This plugin takes over the `njk` extension
// (Eleventy's documented way to override a template language) with a compile that Eleventy
// may cache, rendering through Eleventy's own Nunjucks environment, filters and all.
import type UserConfig from "@11ty/eleventy/UserConfig";

interface NunjucksTemplate {
  render(data: object, cb: (err: Error | null, out?: string) => void): void;
}
interface NunjucksLib {
  Template: new (src: string, env: object, path: string | null, eagerCompile: boolean) => NunjucksTemplate;
}

type Render = (data: object) => Promise<string>;

export default function nunjucksCompiledOnce(eleventyConfig: UserConfig): void {
  let lib: NunjucksLib | undefined;
  let env: object | undefined;
  // Permalinks are a handful of strings ("/articles/{{ article.slug }}/"), each rendered for
  // thousands of pages.
  const permalinks = new Map<string, Render>();
  eleventyConfig.on("eleventy.engine.njk", (e: { nunjucks: NunjucksLib; environment: object }) => {
    lib = e.nunjucks;
    env = e.environment;
    permalinks.clear();
  });

  const compile = (src: string, inputPath: string | null): Render => {
    if (!lib || !env) throw new Error("nunjucks-once: Eleventy's Nunjucks environment was not announced");
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
}
