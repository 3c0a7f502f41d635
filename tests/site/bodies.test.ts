// Article bodies put into their written pages after Eleventy (src/site/bodies.ts), as bytes.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BODIES_DIR } from "../../src/model/dataset.ts";
import { bodyMarker, injectBodies, pageBody, pageBodyBytes } from "../../src/site/bodies.ts";

// Every fixture's folder, removed when the file's tests are done.
const made: string[] = [];
after(() => Promise.all(made.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

async function fixture(bodies: Record<string, string>, pages: Record<string, string>): Promise<{ dataDir: string; file: (slug: string) => string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kb-bodies-"));
  made.push(dir);
  await fs.mkdir(path.join(dir, "data", BODIES_DIR), { recursive: true });
  for (const [slug, html] of Object.entries(bodies)) await fs.writeFile(path.join(dir, "data", BODIES_DIR, `${slug}.html`), html);
  for (const [slug, html] of Object.entries(pages)) await fs.writeFile(path.join(dir, `${slug}.html`), html);
  return { dataDir: path.join(dir, "data"), file: (slug) => path.join(dir, `${slug}.html`) };
}

test("each body takes its marker's place, the Chinese text around it byte for byte", async () => {
  const head = "<!doctype html><title>稀土出口管制 · 華為</title><main>";
  const tail = "</main><footer>谁限制了什么 🀄</footer>";
  const bodies = { a: "<p>镓、锗出口管制 — 商务部公告2023年第23号</p>", b: "<h2 id=\"x\">晶片</h2><p>A &amp; B</p>" };
  const { dataDir, file } = await fixture(bodies, { a: head + bodyMarker("a") + tail, b: head + bodyMarker("b") + tail + "é" });
  assert.equal(await injectBodies(dataDir, [{ slug: "a", file: file("a") }, { slug: "b", file: file("b") }]), 2);
  assert.equal(await fs.readFile(file("a"), "utf8"), head + bodies.a + tail);
  assert.equal(await fs.readFile(file("b"), "utf8"), head + bodies.b + tail + "é");
});

test("an image without alt text gets the fallback, in the page as pageBody gives it", async () => {
  const body = '<p>图：<img src="https://example.org/a.png"> 与 <img alt="光刻机" src="https://example.org/b.png"></p>';
  const { dataDir, file } = await fixture({ a: body }, { a: `<main>${bodyMarker("a")}</main>` });
  await injectBodies(dataDir, [{ slug: "a", file: file("a") }]);
  const page = await fs.readFile(file("a"), "utf8");
  assert.equal(page, `<main>${pageBody(body)}</main>`);
  assert.notEqual(pageBody(body), body, "the fallback changed the first image");
  assert.match(page, /<img alt="[^"]+" lang="[^"]+" data-en-alt="[^"]+" src="https:\/\/example.org\/a.png">/);
  assert.match(page, /<img alt="光刻机" src=/);
});

test("a page without its marker fails naming the page and the article", async () => {
  const { dataDir, file } = await fixture({ a: "<p>x</p>" }, { a: `<main>${bodyMarker("other")}</main>` });
  await assert.rejects(injectBodies(dataDir, [{ slug: "a", file: file("a") }]), (e: Error) => e.message.includes(file("a")) && e.message.includes("body of a"));
});

test("pageBodyBytes gives pageBody's bytes, tag by tag, and the same buffer when nothing changes", () => {
  const cases = [
    "<p>没有图片</p>",
    '<p><img src="https://e.org/a.png"></p>',
    '<p><img alt="" src="https://e.org/图.png"> 和 <img alt="  " src="b"><img alt="晶片" src="c"></p>',
    '<imgx src="a"><img\nsrc="https://e.org/a.png"\n>',
    '<IMG src="a"> <img src="no closing bracket',
    '<img src="a">é<img src="b" alt="x"><img src="c"/>',
    "末尾 <img",
  ];
  for (const html of cases) {
    const bytes = Buffer.from(html);
    const out = pageBodyBytes(bytes);
    assert.equal(out.toString("utf8"), pageBody(html), html);
    if (pageBody(html) === html) assert.equal(out, bytes, `unchanged, not copied: ${html}`);
  }
});
