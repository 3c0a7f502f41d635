// HTML → Markdown as the importer configures turndown.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { htmlToMarkdown, unwrapImageProxy } from "../../src/import/html.ts";

describe("unwrapImageProxy", () => {
  it("returns the proxied address as https", () => {
    assert.equal(unwrapImageProxy("https://images.weserv.nl/?url=static.dw.com/image/1_303.jpg"), "https://static.dw.com/image/1_303.jpg");
    assert.equal(unwrapImageProxy("https://images.weserv.nl/?url=ssl:static.dw.com/a.jpg&w=600"), "https://static.dw.com/a.jpg");
    assert.equal(unwrapImageProxy("https://images.weserv.nl/?url=http%3A%2F%2Fexample.com%2Fa.png"), "http://example.com/a.png");
  });

  it("leaves other addresses alone", () => {
    assert.equal(unwrapImageProxy("https://static.dw.com/image/1_303.jpg"), "https://static.dw.com/image/1_303.jpg");
    assert.equal(unwrapImageProxy("https://images.weserv.nl/"), "https://images.weserv.nl/");
  });
});

describe("htmlToMarkdown", () => {
  it("writes ATX headings, - bullets and numbered lists", () => {
    const md = htmlToMarkdown("<h2>标题</h2><ul><li>甲</li><li>乙</li></ul><ol start=\"3\"><li>丙</li><li>丁</li></ol>");
    assert.equal(md, "## 标题\n\n- 甲\n- 乙\n\n3. 丙\n4. 丁");
  });

  it("puts an image on its own line with a figure's caption as alt text and a caption line", () => {
    const md = htmlToMarkdown('<p>前文</p><figure><img src="https://x.org/a.jpg"><figcaption>图片说明</figcaption></figure><p>后文</p>');
    assert.equal(md, "前文\n\n![图片说明](https://x.org/a.jpg)\n\n*图片说明*\n\n后文");
  });

  it("keeps <small> caption text, and alt text when the image has its own", () => {
    const md = htmlToMarkdown('<img src="https://x.org/b.jpg" alt="原有说明"><div><small>小字说明</small></div>');
    assert.equal(md, "![原有说明](https://x.org/b.jpg)\n\n*小字说明*");
    assert.equal(htmlToMarkdown("<p>正文<small>（注）</small>继续</p>"), "正文（注）继续");
  });

  it("names a gallery image by the bold title after it", () => {
    const md = htmlToMarkdown('<div><img src="https://images.weserv.nl/?url=x.org/c.jpg"><b>标题</b>：说明文字</div>');
    assert.equal(md, "![标题](https://x.org/c.jpg)\n\n**标题**：说明文字");
  });

  it("keeps an image inside a link inline, drops empty links and scripts", () => {
    const md = htmlToMarkdown('<p><a href="https://x.org/p"><img src="https://x.org/i.png" alt="i"></a> <a href="#">空链接</a></p><script>alert(1)</script>');
    assert.equal(md, "[![i](https://x.org/i.png)](https://x.org/p) 空链接");
  });

  it("resolves relative addresses against the page and drops the tags asked for", () => {
    const md = htmlToMarkdown('<nav>菜单</nav><p><a href="/a">链接</a></p>', { baseUrl: "https://x.org/news/1", drop: ["nav"] });
    assert.equal(md, "[链接](https://x.org/a)");
  });
});
