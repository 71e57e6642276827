// From what arrives to the canonical text: boilerplate removed, dates read
// from page metadata, feeds parsed, and equal texts hashing equal.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { canonicalText, dateOf, detectLanguage, htmlToArticle, markdownToArticle, parseFeedXml, sha256Hex } from "./intake.text.ts";
import { FIXTURE_HTML, atomFeed, rssFeed } from "../../../../test/http/intake-fixture.ts";

test("HTML: scripts, navigation, header, footer, asides and share widgets are dropped; the article stays", () => {
  const a = htmlToArticle(FIXTURE_HTML);
  assert.match(a.text, /^Nine killed near Nawa\n\nNine people were killed late on Wednesday/);
  assert.match(a.text, /opened fire on its troops\.$/);
  for (const junk of ["tracking", "color:red", "Quneitra archive", "Copyright", "Related:", "Share on", "Southern Monitor"]) assert.ok(!a.text.includes(junk), junk);
  assert.equal(a.published, "2025-04-03", "article:published_time, as written (not shifted to UTC)");
  assert.equal(a.title, "Nine killed near Nawa");
  assert.equal(a.language, "en");
});

test("HTML: publication date from JSON-LD, itemprop, other meta names and <time datetime>, in that order of trust", () => {
  assert.equal(htmlToArticle(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2025-08-20T08:00:00Z"}]}</script><p>x</p>`).published, "2025-08-20");
  assert.equal(htmlToArticle(`<meta itemprop="datePublished" content="2025-01-02"><p>x</p>`).published, "2025-01-02");
  assert.equal(htmlToArticle(`<meta name="pubdate" content="2024-12-26"><time datetime="2019-01-01">old</time>`).published, "2024-12-26");
  assert.equal(htmlToArticle(`<article><time datetime="2025-03-26T10:00">26 March</time><p>x</p></article>`).published, "2025-03-26");
  assert.equal(htmlToArticle(`<footer><time datetime="2019-01-01">footer</time></footer><p>no date</p>`).published, null, "a date inside boilerplate is not the page's date");
  assert.equal(htmlToArticle(`<script type="application/ld+json">{not json</script><p>x</p>`).published, null);
});

test("HTML: entities are decoded and paragraphs kept apart", () => {
  const a = htmlToArticle("<p>Troops &amp; tanks</p><p>Second&nbsp;paragraph</p>");
  assert.equal(a.text, "Troops & tanks\n\nSecond paragraph");
});

test("Markdown: front matter gives title and date; markup goes, words stay", () => {
  const a = markdownToArticle("---\ntitle: Rally\ndate: 2025-06-07\n---\n# Rally in Sweida\n\nHundreds **demonstrated** in [Sweida](https://example.org) on _Friday_.\n\n- one\n- two\n");
  assert.equal(a.title, "Rally");
  assert.equal(a.published, "2025-06-07");
  assert.equal(a.text, "Rally in Sweida\n\nHundreds demonstrated in Sweida on Friday.\n\none\ntwo");
});

test("dates: ISO kept as written; RFC 822 read in its own offset; nonsense is null", () => {
  assert.equal(dateOf("2025-06-03T23:30:00+03:00"), "2025-06-03");
  assert.equal(dateOf("Thu, 03 Apr 2025 23:20:00 +0300"), "2025-04-03");
  assert.equal(dateOf("Wed, 26 Feb 2025 01:00:00 -0500"), "2025-02-26");
  assert.equal(dateOf("yesterday"), null);
  assert.equal(dateOf(null), null);
});

test("language from script when the page does not say", () => {
  assert.equal(detectLanguage("قصفت طائرات إسرائيلية موقعا قرب القنيطرة"), "ar");
  assert.equal(detectLanguage("מטוסים תקפו ליד קוניטרה"), "he");
  assert.equal(detectLanguage("Israeli jets struck near Quneitra"), "en");
  assert.equal(detectLanguage("whatever", "fr-FR"), "fr");
});

test("feeds: RSS 2.0 with content:encoded and Atom with escaped HTML content", () => {
  const rss = parseFeedXml(rssFeed("http://h"))!;
  assert.equal(rss.kind, "rss");
  assert.equal(rss.title, "Southern Monitor");
  assert.equal(rss.items.length, 2);
  assert.deepEqual(rss.items.map((i) => [i.key, i.published, i.link]), [["kiswah-1", "2025-02-26", "http://h/kiswah.html"], ["nawa-1", "2025-04-03", "http://h/article.html"]]);
  assert.match(rss.items[0]!.text, /^Israeli aircraft struck military sites/);
  assert.ok(!rss.items[0]!.text.includes("<p>"));
  const atom = parseFeedXml(atomFeed("http://h"))!;
  assert.equal(atom.kind, "atom");
  assert.equal(atom.title, "Line watch");
  assert.equal(atom.items[0]!.published, "2025-08-28", "published wins over updated");
  assert.equal(atom.items[0]!.link, "http://h/kiswah-aug.html");
  assert.match(atom.items[0]!.text, /^Israeli drones killed six Syrian soldiers/);
  assert.equal(parseFeedXml("<html><body>no</body></html>"), null);
});

test("property: canonical text is idempotent, and layout-only differences hash the same", () => {
  const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
  const sep = fc.constantFrom(" ", "  ", "\t", "\u00a0");
  const nl = fc.constantFrom("\n", "\r\n", "\n\n\n", " \n ");
  fc.assert(fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), sep, nl, (paras, s, n) => {
    const plain = paras.map((p) => p.join(" ")).join("\n");
    const messy = "  " + paras.map((p) => p.join(s)).join(n) + " \r\n";
    assert.equal(canonicalText(canonicalText(messy)), canonicalText(messy));
    assert.equal(sha256Hex(canonicalText(messy)), sha256Hex(canonicalText(plain.replace(/\n/g, n.includes("\n\n\n") ? "\n\n" : "\n"))));
  }));
});
