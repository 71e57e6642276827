// Turning what arrives (pasted text, a txt/md/html file, a fetched page, a
// feed) into the canonical text the extractor reads, plus the page's title,
// publication date and language. Pure functions: no I/O.
import { createHash } from "node:crypto";
import { DomUtils, Parser, parseDocument } from "htmlparser2";

export interface CanonicalArticle {
  text: string;
  title: string | null;
  /** YYYY-MM-DD as the page states it, or null. */
  published: string | null;
  language: string;
}

/** Line endings, Unicode form, trailing spaces and runs of blank lines: two copies of one text hash the same. */
export function canonicalText(s: string): string {
  return s
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00a0\t ]+/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s, "utf8").digest("hex");
}

/** Arabic or Hebrew script decides; otherwise English (the extractor's language). */
export function detectLanguage(text: string, declared?: string | null): string {
  const d = declared?.trim().toLowerCase().split(/[-_]/)[0];
  if (d && /^[a-z]{2,3}$/.test(d)) return d;
  let ar = 0, he = 0, latin = 0;
  for (const ch of text.slice(0, 5000)) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x0600 && c <= 0x06ff) ar++;
    else if (c >= 0x0590 && c <= 0x05ff) he++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  if (ar > latin && ar >= he) return "ar";
  if (he > latin) return "he";
  return "en";
}

/** The calendar date a page states: the date part as written, not shifted to UTC. */
export function dateOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  // RFC 822 dates (feeds) carry their own offset: keep the day as written there.
  const off = /([+-])(\d{2}):?(\d{2})\s*$/.exec(s);
  const shift = off ? (off[1] === "-" ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3])) * 60_000 : 0;
  return new Date(t + shift).toISOString().slice(0, 10);
}

// Elements whose text is never article text.
const SKIP = new Set(["script", "style", "noscript", "template", "nav", "footer", "aside", "header", "form", "svg", "iframe", "button", "select", "textarea", "menu", "dialog", "object", "embed", "canvas"]);
const SKIP_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu"]);
const SKIP_CLASS = /(^|[\s_-])(cookie|consent|share|sharing|social|newsletter|subscribe|related|recommended|comments?|breadcrumbs?|advert|ads|promo|sidebar|byline-share)([\s_-]|$)/i;
const BLOCK = new Set(["p", "div", "section", "article", "main", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table", "dd", "dt", "figcaption", "hr"]);
const PARA = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption"]);
const VOID = new Set(["br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"]);

const META_DATE_NAMES = ["article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published"];

function jsonLdDate(node: unknown, depth = 0): string | null {
  if (depth > 6 || node === null || typeof node !== "object") return null;
  if (Array.isArray(node)) {
    for (const n of node) {
      const d = jsonLdDate(n, depth + 1);
      if (d) return d;
    }
    return null;
  }
  const o = node as Record<string, unknown>;
  if (typeof o.datePublished === "string") return o.datePublished;
  for (const k of ["@graph", "mainEntity", "mainEntityOfPage"]) {
    const d = jsonLdDate(o[k], depth + 1);
    if (d) return d;
  }
  return null;
}

/** Readable article text from HTML: boilerplate elements dropped, the <article> (or <main>) preferred when it holds the story. */
export function htmlToArticle(html: string): CanonicalArticle {
  const out = { body: [] as string[], article: [] as string[], main: [] as string[] };
  let skipDepth = 0;
  const stack: Array<{ name: string; skip: boolean }> = [];
  let inArticle = 0, inMain = 0, inTitle = false, inLdJson = false, inH1 = false;
  let title = "", h1 = "", ldJson = "", lang: string | null = null;
  const metaDates = new Map<string, string>();
  let timeDate: string | null = null;
  let ogTitle: string | null = null;
  const push = (s: string) => {
    out.body.push(s);
    if (inArticle) out.article.push(s);
    if (inMain) out.main.push(s);
  };
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === "html" && attrs.lang) lang = attrs.lang;
      if (name === "meta") {
        const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? "").toLowerCase();
        if (attrs.content && META_DATE_NAMES.includes(key) && !metaDates.has(key)) metaDates.set(key, attrs.content);
        if (key === "og:title" && attrs.content) ogTitle = attrs.content;
        return;
      }
      if (name === "time" && attrs.datetime && !timeDate && !skipDepth) timeDate = attrs.datetime;
      if (name === "title") inTitle = true;
      if (name === "script" && /ld\+json/i.test(attrs.type ?? "")) inLdJson = true;
      if (VOID.has(name)) {
        if (name === "br" && !skipDepth) push("\n");
        return;
      }
      const skip = SKIP.has(name) || SKIP_ROLES.has((attrs.role ?? "").toLowerCase()) || SKIP_CLASS.test(`${attrs.class ?? ""} ${attrs.id ?? ""}`) || attrs.hidden !== undefined || attrs["aria-hidden"] === "true";
      stack.push({ name, skip });
      if (skip) skipDepth++;
      if (name === "article") inArticle++;
      if (name === "main" || (attrs.role ?? "") === "main") inMain++;
      if (name === "h1") inH1 = true;
      if (BLOCK.has(name) && !skipDepth) push(PARA.has(name) ? "\n\n" : "\n");
    },
    ontext(t) {
      if (inTitle) title += t;
      if (inLdJson) ldJson += t;
      if (skipDepth) return;
      if (inH1) h1 += t;
      push(t);
    },
    onclosetag(name) {
      if (name === "title") inTitle = false;
      if (name === "script") inLdJson = false;
      if (VOID.has(name)) return;
      // Pop to the matching open tag; tolerate sloppy markup.
      let i = stack.length - 1;
      while (i >= 0 && stack[i]!.name !== name) i--;
      if (i < 0) return;
      while (stack.length > i) {
        const el = stack.pop()!;
        if (el.skip) skipDepth--;
        if (el.name === "article") inArticle--;
        if (el.name === "main") inMain--;
        if (el.name === "h1") inH1 = false;
        if (BLOCK.has(el.name) && !skipDepth) push(PARA.has(el.name) ? "\n\n" : "\n");
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  const join = (parts: string[]) => canonicalText(parts.join("").replace(/[ \t]*\n[ \t]*/g, "\n").replace(/[ \t]+/g, " "));
  const article = join(out.article), main = join(out.main), body = join(out.body);
  // Prefer the story container when it carries most of the page's prose.
  const text = article.length >= 200 ? article : main.length >= 200 ? main : body;
  let published: string | null = null;
  for (const k of META_DATE_NAMES.slice(0, 1)) published ??= dateOf(metaDates.get(k));
  if (!published && ldJson.trim()) {
    try { published = dateOf(jsonLdDate(JSON.parse(ldJson))); } catch { /* malformed JSON-LD is common; ignore it */ }
  }
  for (const k of META_DATE_NAMES) published ??= dateOf(metaDates.get(k));
  published ??= dateOf(timeDate);
  const t = canonicalText(ogTitle ?? (h1 || title)).replace(/\n+/g, " ");
  return { text, title: t || null, published, language: detectLanguage(text, lang) };
}

/** Markdown to plain text: front matter read for title/date, markup removed, words kept. */
export function markdownToArticle(md: string): CanonicalArticle {
  let body = md.replace(/\r\n?/g, "\n");
  let title: string | null = null, published: string | null = null;
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(body);
  if (fm) {
    body = body.slice(fm[0].length);
    for (const line of fm[1]!.split("\n")) {
      const m = /^(\w+):\s*["']?(.*?)["']?\s*$/.exec(line);
      if (!m) continue;
      if (m[1] === "title") title = m[2]!;
      if (m[1] === "date" || m[1] === "published") published = dateOf(m[2]);
    }
  }
  const text = canonicalText(
    body
      .replace(/```[a-z]*\n?/gi, "")
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/^#{1,6}\s+/gm, "")
      .replace(/^[ \t]*>[ \t]?/gm, "")
      .replace(/^[ \t]*[-*+][ \t]+/gm, "")
      .replace(/(\*\*|__)(.+?)\1/g, "$2")
      .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, "$1$2")
      .replace(/`([^`]+)`/g, "$1")
      .replace(/^[ \t]*([-*_][ \t]*){3,}$/gm, ""),
  );
  if (!title) title = /^#\s+(.+)$/m.exec(body)?.[1]?.trim() ?? null;
  return { text, title, published, language: detectLanguage(text) };
}

export function plainToArticle(s: string): CanonicalArticle {
  const text = canonicalText(s);
  return { text, title: null, published: null, language: detectLanguage(text) };
}

export type TextFormat = "txt" | "md" | "html";

export function formatOf(fileName: string | null, contentType?: string | null): TextFormat | null {
  const ct = (contentType ?? "").toLowerCase();
  if (ct.includes("html")) return "html";
  if (ct.includes("markdown")) return "md";
  if (ct.startsWith("text/plain")) return "txt";
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? "")?.[1]?.toLowerCase();
  if (ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  if (ext === "md" || ext === "markdown") return "md";
  if (ext === "txt" || ext === "text") return "txt";
  return null;
}

export function toArticle(raw: string, format: TextFormat): CanonicalArticle {
  return format === "html" ? htmlToArticle(raw) : format === "md" ? markdownToArticle(raw) : plainToArticle(raw);
}

// ——— feeds ———

export interface FeedItem {
  /** guid / id, else link: what marks an item as already seen. */
  key: string;
  title: string | null;
  link: string | null;
  published: string | null;
  /** The item's own text (content:encoded, content, description, summary), HTML removed. */
  text: string;
}

type El = ReturnType<typeof DomUtils.getElementsByTagName>[number];

export interface ParsedFeed {
  kind: "rss" | "atom";
  title: string | null;
  items: FeedItem[];
}

/** RSS 2.0 / RSS 1.0 (RDF) / Atom; null when the document is neither. */
export function parseFeedXml(xml: string): ParsedFeed | null {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const by = (el: El, tag: string) => DomUtils.getElementsByTagName(tag, el, true, 1)[0];
  const textOf = (el: El, ...tags: string[]) => {
    for (const t of tags) {
      const e = by(el, t);
      if (e) {
        const v = DomUtils.textContent(e).trim();
        if (v) return v;
      }
    }
    return null;
  };
  const root = doc.children.find((c): c is El => DomUtils.isTag(c));
  if (!root) return null;
  // The feed's own title is a direct child; an entry's title is deeper down.
  const titleOf = (el: El) => {
    const t = el.children.find((c): c is El => DomUtils.isTag(c) && c.name === "title");
    return t ? DomUtils.textContent(t).trim() || null : null;
  };
  const htmlText = (s: string | null) => (s ? (/[<&]/.test(s) ? htmlToArticle(s).text : canonicalText(s)) : "");
  if (root.name === "feed") {
    const entries = DomUtils.getElementsByTagName("entry", root, true);
    return {
      kind: "atom",
      title: titleOf(root),
      items: entries.map((e) => {
        const links = DomUtils.getElementsByTagName("link", e, true);
        const alt = links.find((l) => !l.attribs.rel || l.attribs.rel === "alternate") ?? links[0];
        const link = alt?.attribs.href ?? null;
        const id = textOf(e, "id");
        return { key: id ?? link ?? textOf(e, "title") ?? "", title: textOf(e, "title"), link, published: dateOf(textOf(e, "published", "updated")), text: htmlText(textOf(e, "content", "summary")) };
      }).filter((i) => i.key),
    };
  }
  if (root.name === "rss" || root.name === "rdf:RDF") {
    const items = DomUtils.getElementsByTagName("item", root, true);
    const channel = by(root, "channel");
    return {
      kind: "rss",
      title: channel ? titleOf(channel) : null,
      items: items.map((e) => {
        const link = textOf(e, "link");
        const guid = textOf(e, "guid");
        return { key: guid ?? link ?? textOf(e, "title") ?? "", title: textOf(e, "title"), link, published: dateOf(textOf(e, "pubDate", "dc:date")), text: htmlText(textOf(e, "content:encoded", "description")) };
      }).filter((i) => i.key),
    };
  }
  return null;
}
