// Minutes and other free text are Markdown. On the way in, raw HTML is
// stripped from the source; on the way out, Markdown is rendered with HTML
// disabled and the result passed through an allow-list, so no script, style,
// event handler or remote image can ride along.
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Clean Markdown source before storing it: no raw HTML tags survive. */
export function sanitizeMarkdownInput(src: string): string {
  const stripped = sanitizeHtml(src, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: "discard" });
  // sanitize-html escapes what it keeps; Markdown wants the plain characters back.
  return stripped.replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** Render stored Markdown to HTML that is safe to put in a page. */
export function renderMarkdown(src: string): string {
  return sanitizeHtml(md.render(src), {
    allowedTags: ["p", "br", "strong", "em", "ul", "ol", "li", "h1", "h2", "h3", "h4", "blockquote", "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td", "hr"],
    allowedAttributes: { a: ["href"] },
    allowedSchemes: ["https", "http", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }) },
  });
}
