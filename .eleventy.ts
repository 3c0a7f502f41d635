// Thin on purpose: the site is a local plugin; this file only says where things are.
import type UserConfig from "@11ty/eleventy/UserConfig";
import kbSite from "./src/site/plugin.ts";
import { loadConfig } from "./src/config.ts";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(kbSite);
  const kb = loadConfig();
  return {
    dir: { input: "pages", includes: "../_includes", output: kb.outputDir },
    pathPrefix: kb.pathPrefix,
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
