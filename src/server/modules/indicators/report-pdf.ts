// The PDF edition of the situation report, drawn with pdfkit from the same
// model and the same vector scenes as the HTML. Fonts are the bundled Noto
// faces, so nothing is fetched and Arabic and Hebrew have glyphs.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { categories } from "../../../core/indicators/calm-index.ts";
import { categoryScene, mapScene, trendScene, type ReportModel } from "../../../core/reports/report.ts";
import type { Scene } from "../../../core/reports/scene.ts";
import { t } from "../../../core/reports/i18n.ts";

const require = createRequire(import.meta.url);
function fontFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), "files", file);
}
const FONTS = {
  en: fontFile("@fontsource/noto-sans", "noto-sans-latin-400-normal.woff"),
  ar: fontFile("@fontsource/noto-sans-arabic", "noto-sans-arabic-arabic-400-normal.woff"),
  he: fontFile("@fontsource/noto-sans-hebrew", "noto-sans-hebrew-hebrew-400-normal.woff"),
};

type Script = "en" | "ar" | "he";
const scriptOf = (w: string): Script => (/[\u0590-\u05FF]/.test(w) ? "he" : /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(w) ? "ar" : "en");

/**
 * Mixed-script text for right-to-left reports. No single bundled face covers
 * Latin, Arabic and Hebrew, and pdfkit has no bidi: words are grouped into
 * runs of one script, each drawn in its own face, and the runs are laid out
 * from the right edge in reading order (a small bidi for our short lines).
 */
function drawRtl(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, size: number, colour: string): number {
  // Tokens: runs of Hebrew letters, of Arabic letters, or of anything else (Latin, digits, punctuation, spaces).
  const tokens = text.match(/[\u0590-\u05FF]+|[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+|[^\u0590-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+/g) ?? [];
  const pieces: Array<{ script: Script; text: string }> = [];
  for (const tok of tokens) {
    const sc = scriptOf(tok);
    if (sc !== "en") {
      pieces.push({ script: sc, text: tok });
      continue;
    }
    // Neutral characters at the edges of a Latin run take the paragraph's direction:
    // they sit beside the right-to-left word they follow, not at the far side of the run.
    const lead = /^[\s\p{P}]*/u.exec(tok)![0];
    const trail = tok.length > lead.length ? /[\s\p{P}]*$/u.exec(tok)![0] : "";
    const core = tok.slice(lead.length, tok.length - trail.length);
    for (const ch of lead) pieces.push({ script: "en", text: ch });
    if (core) pieces.push({ script: "en", text: core });
    for (const ch of trail) pieces.push({ script: "en", text: ch });
  }
  const widthOf = (p: { script: Script; text: string }) => doc.font(p.script).fontSize(size).widthOfString(p.text, { features: p.script === "en" ? [] : ["rtla"] });
  const lines: Array<typeof pieces> = [[]];
  let used = 0;
  for (const p of pieces) {
    const w = widthOf(p);
    if (used + w > width && lines[lines.length - 1]!.length > 0) {
      lines.push([]);
      used = 0;
    }
    if (used === 0 && !p.text.trim()) continue;
    lines[lines.length - 1]!.push(p);
    used += w;
  }
  const lineHeight = size * 1.45;
  lines.forEach((line, i) => {
    let cursor = x + width;
    for (const p of line) {
      const w = widthOf(p);
      if (p.text.trim()) doc.font(p.script).fontSize(size).fillColor(colour).text(p.text, cursor - w, y + i * lineHeight, { lineBreak: false, features: p.script === "en" ? [] : ["rtla"] });
      cursor -= w;
    }
  });
  return lines.length * lineHeight;
}

function drawScene(doc: PDFKit.PDFDocument, s: Scene, x0: number, y0: number, scale: number, rtl: boolean): void {
  doc.save();
  doc.translate(x0, y0).scale(scale);
  // Country shapes reach far beyond the frame: keep the drawing inside it.
  doc.rect(0, 0, s.width, s.height).clip();
  for (const sh of s.shapes) {
    switch (sh.kind) {
      case "rect":
        doc.rect(sh.x, sh.y, sh.w, sh.h).fill(sh.fill);
        break;
      case "poly": {
        for (const ring of sh.rings) {
          ring.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
          doc.closePath();
        }
        doc.fillOpacity(sh.opacity ?? 1).lineWidth(sh.width).fillAndStroke(sh.fill, sh.stroke, "even-odd").fillOpacity(1);
        break;
      }
      case "line":
        sh.points.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
        doc.lineWidth(sh.width).stroke(sh.stroke);
        break;
      case "circle":
        doc.circle(sh.x, sh.y, sh.r).lineWidth(0.5).fillAndStroke(sh.fill, sh.stroke);
        break;
      case "text": {
        if (rtl) {
          const w = sh.text.split(/(?<=\s)/).reduce((sum, word) => sum + doc.font(scriptOf(word)).fontSize(sh.size).widthOfString(word), 0) + sh.size;
          const x = sh.anchor === "start" ? sh.x : sh.anchor === "end" ? sh.x - w : sh.x - w / 2;
          drawRtl(doc, sh.text, x, sh.y - sh.size, w, sh.size, sh.fill);
          break;
        }
        doc.font("en").fontSize(sh.size);
        const w = doc.widthOfString(sh.text);
        const x = sh.anchor === "start" ? sh.x : sh.anchor === "end" ? sh.x - w : sh.x - w / 2;
        doc.fillColor(sh.fill).text(sh.text, x, sh.y - sh.size, { lineBreak: false });
        break;
      }
    }
  }
  doc.restore();
}

export function renderReportPdf(m: ReportModel): Promise<Buffer> {
  const L = m.language;
  const rtl = L !== "en";
  const doc = new PDFDocument({ size: "A4", margin: 40, info: { Title: `${t(L, "title")} — ${m.audienceLabel} — ${m.periodStart}`, Producer: "Truceline" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  doc.font("en");
  const width = doc.page.width - 80;
  const line = (text: string, size = 10, colour = "#1a1a1a") => {
    if (!rtl) {
      doc.font("en").fontSize(size).fillColor(colour).text(text, 40, doc.y, { width });
      return;
    }
    if (doc.y + size * 3 > doc.page.height - 40) doc.addPage();
    const h = drawRtl(doc, text, 40, doc.y, width, size, colour);
    doc.x = 40;
    doc.y += h + size * 0.3;
  };

  if (m.demo) line(t(L, "demo"), 9, "#8a6d00");
  line(t(L, "title"), 18);
  line(`${t(L, "audience")}: ${m.audienceLabel}   ${t(L, "period")}: ${m.periodStart} – ${m.periodEnd}`, 10, "#444444");
  line(`${t(L, "generated")}: ${m.generatedAt}`, 9, "#444444");
  doc.moveDown(0.5);

  const table = (caption: string, rows: Array<{ name: string; calm: number; low: number; high: number; change: number | null; events: number; fatalities: number }>) => {
    line(caption, 12);
    line(`${t(L, "area")} · ${t(L, "calm")} · ${t(L, "band")} · ${t(L, "change")} · ${t(L, "events")} · ${t(L, "fatalities")}`, 8, "#555555");
    for (const r of rows) line(`${r.name}: ${r.calm.toFixed(1)} (${r.low.toFixed(1)}–${r.high.toFixed(1)}) ${r.change === null ? "—" : (r.change > 0 ? "+" : "") + r.change.toFixed(1)} · ${r.events} · ${r.fatalities}`, 9);
    doc.moveDown(0.4);
  };
  const toRow = (r: ReportModel["zoneRows"][number] & { name?: string }) => ({
    name: r.name ?? r.area,
    calm: r.calm,
    low: r.calm_low,
    high: r.calm_high,
    change: r.change?.calm ?? null,
    events: categories.reduce((s, c) => s + r.counts[c].raw, 0),
    fatalities: r.fatalities.raw,
  });
  table(t(L, "calmByZone"), m.zoneRows.map(toRow));
  table(t(L, "calmByAdmin"), m.adminRows.map(toRow));

  doc.addPage();
  line(t(L, "map"), 12);
  const map = mapScene(m);
  const scale = Math.min(width / map.width, 560 / map.height);
  const y = doc.y + 4;
  drawScene(doc, map, 40 + (width - map.width * scale) / 2, y, scale, rtl);
  doc.y = y + map.height * scale + 8;
  doc.x = 40;

  doc.addPage();
  line(t(L, "trend"), 12);
  const trend = trendScene(m);
  let yy = doc.y + 4;
  drawScene(doc, trend, 40, yy, width / trend.width, rtl);
  doc.y = yy + trend.height * (width / trend.width) + 12;
  doc.x = 40;
  line(t(L, "byCategory"), 12);
  const cat = categoryScene(m);
  yy = doc.y + 4;
  drawScene(doc, cat, 40, yy, width / cat.width, rtl);
  doc.y = yy + cat.height * (width / cat.width) + 12;
  doc.x = 40;

  line(t(L, "hotline"), 12);
  if (m.hotline) {
    const h = m.hotline;
    line(`${t(L, "notifications")}: ${h.notifications} · ${t(L, "medianLead")}: ${h.median_lead_h ?? "—"} · ${t(L, "late")}: ${h.late}`, 9);
    line(`${t(L, "medianAck")}: ${h.median_ack_min ?? "—"} · ${t(L, "overdue")}: ${h.overdue}`, 9);
  } else line(t(L, "notAvailable"), 9);
  doc.moveDown(0.4);
  line(t(L, "commitments"), 12);
  if (m.commitments.length === 0) line(t(L, "none"), 9);
  for (const c of m.commitments) line(`• ${c.text} (${c.committed_party}) — ${c.status}${c.measured ? ` — ${c.measured}` : ""}`, 9);
  doc.moveDown(0.6);
  line(t(L, "weights"), 8, "#444444");
  line(m.disclaimer, 8, "#444444");
  doc.end();
  return done;
}
