// A loopback web server for intake tests: pages, feeds and each way a fetch
// can go wrong. Started by the tests themselves on a random port.
import http from "node:http";
import type { AddressInfo } from "node:net";

export const FIXTURE_HTML = `<!doctype html>
<html lang="en"><head><title>Border report | Southern Monitor</title>
<meta property="article:published_time" content="2025-04-03T18:20:00+03:00">
<script>window.tracking = "Israeli jets struck nothing here";</script>
<style>.x{color:red}</style></head>
<body>
<header><a href="/">Southern Monitor</a></header>
<nav><ul><li>Home</li><li>Quneitra archive: shelling reported in 2019</li></ul></nav>
<article>
<h1>Nine killed near Nawa</h1>
<p>Nine people were killed late on Wednesday when Israeli forces shelled the outskirts of Nawa in western Daraa, the provincial governor's office said.</p>
<p>Local fighters had confronted an Israeli column that pushed into the forest near Tasil, and the Israeli army said it killed several gunmen who opened fire on its troops.</p>
<aside class="related">Related: clashes in Sweida last year</aside>
<div class="share-buttons">Share on social media</div>
</article>
<footer>Copyright 2023 Southern Monitor. Page last reviewed 4 June 2023.</footer>
</body></html>`;

const LONG_ITEM = "Israeli aircraft struck military sites near al-Kiswah, south of Damascus, late on Tuesday, Syrian state media reported, saying two people were killed in al-Kiswah. ".repeat(1) +
  "The Israeli military said it had hit command centres and weapons depots belonging to the former army. Residents said the explosions were heard across the southern suburbs of the capital and that ambulances reached the site within the hour. Local officials said they were still counting the damage the next morning.";

export function rssFeed(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Southern Monitor</title><link>${base}/</link>
<item><title>Strikes near al-Kiswah</title><link>${base}/kiswah.html</link><guid>kiswah-1</guid><pubDate>Wed, 26 Feb 2025 07:00:00 +0200</pubDate>
<content:encoded><![CDATA[<p>${LONG_ITEM}</p>]]></content:encoded></item>
<item><title>Nine killed near Nawa</title><link>${base}/article.html</link><guid>nawa-1</guid><pubDate>Thu, 03 Apr 2025 18:20:00 +0300</pubDate>
<description>Short summary only.</description></item>
</channel></rss>`;
}

export function atomFeed(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Line watch</title><id>urn:line-watch</id><updated>2025-08-28T10:00:00Z</updated>
<entry><title>Drone strike near al-Kiswah</title><id>urn:lw:1</id><link rel="alternate" href="${base}/kiswah-aug.html"/><published>2025-08-28T09:00:00+03:00</published><updated>2025-08-28T09:30:00+03:00</updated>
<content type="html">&lt;p&gt;Israeli drones killed six Syrian soldiers near al-Kiswah on Tuesday, the foreign ministry in Damascus said, after the troops approached surveillance and listening equipment found on a hill. On Wednesday Israeli soldiers landed by helicopter at the same site and remained there for several hours. Damascus called the landing a flagrant violation of its sovereignty and asked the Security Council to act.&lt;/p&gt;</content></entry>
</feed>`;
}

export interface Fixture {
  base: string;
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startFixture(): Promise<Fixture> {
  const hits = new Map<string, number>();
  let base = "";
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { "content-type": type });
      res.end(body);
    };
    switch (path) {
      case "/article.html": return send(200, "text/html; charset=utf-8", FIXTURE_HTML);
      case "/jsonld.html": return send(200, "text/html", `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2025-08-20T08:00:00Z"}]}</script></head><body><main><p>Foreign Minister Asaad al-Shaibani met a delegation led by Israeli minister Ron Dermer in Paris on Tuesday, the official news agency said, in the highest-level contact between the two governments in decades. The American envoy Tom Barrack attended the meeting.</p></main></body></html>`);
      case "/plain.txt": return send(200, "text/plain", "Hundreds of people demonstrated in the city of Sweida on Tuesday against the remarks of the Israeli prime minister.");
      case "/big.txt": return send(200, "text/plain", Buffer.alloc(200 * 1024, 0x61));
      case "/chunked-big": {
        res.writeHead(200, { "content-type": "text/plain" });
        for (let i = 0; i < 40; i++) res.write(Buffer.alloc(8 * 1024, 0x62));
        return res.end();
      }
      case "/slow": return setTimeout(() => send(200, "text/plain", "too late for anyone"), 3000).unref();
      case "/missing": return send(404, "text/html", "<h1>not here</h1>");
      case "/image.png": return send(200, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case "/to-article": res.writeHead(302, { location: "/article.html" }); return res.end();
      case "/loop": res.writeHead(302, { location: "/loop" }); return res.end();
      case "/feed.rss": return send(200, "application/rss+xml", rssFeed(base));
      case "/feed.atom": return send(200, "application/atom+xml", atomFeed(base));
      case "/not-a-feed.xml": return send(200, "application/xml", "<html><body>nothing</body></html>");
      default: return send(404, "text/plain", "no");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, hits, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}
