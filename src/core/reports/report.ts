// The weekly situation report as data, and its HTML rendering. Everything in
// the model was already filtered for the audience; this file only lays out.
import { categories, type AreaWeek, type Category } from "../indicators/calm-index.ts";
import { sceneToSvg, type Scene, type Shape } from "./scene.ts";
import { t, type Lang } from "./i18n.ts";

type Ring = Array<[number, number]>;

export interface ReportModel {
  audience: string;
  audienceLabel: string;
  language: Lang;
  periodStart: string;
  periodEnd: string;
  generatedAt: string;
  disclaimer: string;
  demo: boolean;
  zoneRows: AreaWeek[];
  adminRows: Array<AreaWeek & { name: string }>;
  trend: Array<{ week: string; score: number }>;
  thisWeek: Record<Category, number>;
  lastWeek: Record<Category, number>;
  incidents: Array<{ id: string; lon: number; lat: number; category: Category | null; verification: string; date: string }>;
  map: { countries: Ring[][]; zones: Array<{ id: string; rings: Ring[] }>; lines: Array<{ id: string; coords: Ring }>; bbox: [number, number, number, number] };
  hotline: { notifications: number; median_lead_h: number | null; late: number; acknowledgements: number; median_ack_min: number | null; overdue: number } | null;
  commitments: Array<{ text: string; committed_party: string; status: string; measured: string | null }>;
}

export const categoryColour: Record<Category, string> = { air_drone: "#b2182b", shelling: "#ef8a62", armed_clash: "#7b3294", incursion: "#2166ac" };
const zoneColour = (id: string): string => (id === "aos" ? "#c7e9c0" : id.endsWith("0-10") ? "#fdd0a2" : id.endsWith("10-20") ? "#fee6ce" : "#fff5eb");

/** The map of the period: countries, zones, the lines and the incidents, in an equirectangular frame. */
export function mapScene(m: ReportModel, width = 520, height = 560): Scene {
  const [minLon, minLat, maxLon, maxLat] = m.map.bbox;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const sx = width / ((maxLon - minLon) * k);
  const sy = height / (maxLat - minLat);
  const s = Math.min(sx, sy);
  const P = ([lon, lat]: [number, number]): [number, number] => [(lon - minLon) * k * s, height - (lat - minLat) * s];
  const shapes: Shape[] = [{ kind: "rect", x: 0, y: 0, w: width, h: height, fill: "#eaf2f8" }];
  for (const c of m.map.countries) shapes.push({ kind: "poly", rings: c.map((r) => r.map(P)), fill: "#f7f7f2", stroke: "#999999", width: 0.6 });
  for (const z of m.map.zones) shapes.push({ kind: "poly", rings: z.rings.map((r) => r.map(P)), fill: zoneColour(z.id), stroke: "#d08c60", width: 0.4, opacity: 0.85 });
  for (const l of m.map.lines) shapes.push({ kind: "line", points: l.coords.map(P), stroke: /_a$/i.test(l.id) ? "#1f4e79" : "#7f2704", width: 1.6 });
  for (const i of m.incidents) {
    const [x, y] = P([i.lon, i.lat]);
    if (x < 0 || y < 0 || x > width || y > height) continue;
    shapes.push({ kind: "circle", x, y, r: 4, fill: i.category ? categoryColour[i.category] : "#555555", stroke: "#ffffff" });
  }
  // Legend
  let ly = 14;
  for (const c of categories) {
    shapes.push({ kind: "circle", x: 12, y: ly - 4, r: 4, fill: categoryColour[c], stroke: "#ffffff" });
    shapes.push({ kind: "text", x: 22, y: ly, text: t(m.language, c), size: 10, fill: "#222222", anchor: "start" });
    ly += 14;
  }
  shapes.push({ kind: "text", x: width - 6, y: height - 6, text: m.disclaimer, size: 10, fill: "#333333", anchor: "end" });
  return { width, height, shapes, title: t(m.language, "map") };
}

/** Bar chart of the weekly score over the last weeks. */
export function trendScene(m: ReportModel, width = 520, height = 200): Scene {
  const max = Math.max(1, ...m.trend.map((p) => p.score));
  const pad = 28;
  const bw = (width - pad * 2) / Math.max(1, m.trend.length);
  const shapes: Shape[] = [{ kind: "rect", x: 0, y: 0, w: width, h: height, fill: "#ffffff" }];
  shapes.push({ kind: "line", points: [[pad, height - pad], [width - pad, height - pad]], stroke: "#444444", width: 1 });
  m.trend.forEach((p, i) => {
    const h = ((height - pad * 2) * p.score) / max;
    shapes.push({ kind: "rect", x: pad + i * bw + 2, y: height - pad - h, w: bw - 4, h, fill: "#4575b4" });
    if (i % 2 === m.trend.length % 2) shapes.push({ kind: "text", x: pad + i * bw + bw / 2, y: height - pad + 12, text: p.week.slice(5), size: 9, fill: "#333333", anchor: "middle" });
  });
  shapes.push({ kind: "text", x: pad, y: 14, text: `max ${Math.round(max * 10) / 10}`, size: 10, fill: "#333333", anchor: "start" });
  return { width, height, shapes, title: t(m.language, "trend") };
}

/** Paired bars per category: this week and the previous week. */
export function categoryScene(m: ReportModel, width = 520, height = 180): Scene {
  const pad = 28;
  const max = Math.max(1, ...categories.flatMap((c) => [m.thisWeek[c], m.lastWeek[c]]));
  const gw = (width - pad * 2) / categories.length;
  const shapes: Shape[] = [{ kind: "rect", x: 0, y: 0, w: width, h: height, fill: "#ffffff" }];
  shapes.push({ kind: "line", points: [[pad, height - pad], [width - pad, height - pad]], stroke: "#444444", width: 1 });
  categories.forEach((c, i) => {
    const x0 = pad + i * gw;
    const hPrev = ((height - pad * 2) * m.lastWeek[c]) / max;
    const hNow = ((height - pad * 2) * m.thisWeek[c]) / max;
    shapes.push({ kind: "rect", x: x0 + 6, y: height - pad - hPrev, w: gw / 2 - 8, h: hPrev, fill: "#bdbdbd" });
    shapes.push({ kind: "rect", x: x0 + gw / 2, y: height - pad - hNow, w: gw / 2 - 8, h: hNow, fill: categoryColour[c] });
    shapes.push({ kind: "text", x: x0 + gw / 2, y: height - pad + 12, text: t(m.language, c), size: 9, fill: "#333333", anchor: "middle" });
  });
  return { width, height, shapes, title: t(m.language, "byCategory") };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function fmt(lang: Lang, x: number | null, digits = 1): string {
  if (x === null) return "—";
  return new Intl.NumberFormat(lang === "ar" ? "ar-EG" : lang, { maximumFractionDigits: digits }).format(x);
}

function calmTable(m: ReportModel, rows: Array<AreaWeek & { name?: string }>, caption: string): string {
  const L = m.language;
  const body = rows
    .map((r) => {
      const ch = r.change ? `${r.change.calm > 0 ? "+" : ""}${fmt(L, r.change.calm)}` : "—";
      const ev = categories.reduce((s, c) => s + r.counts[c].raw, 0);
      return `<tr><th scope="row">${esc(r.name ?? r.area)}</th><td>${fmt(L, r.calm)}</td><td>${fmt(L, r.calm_low)}–${fmt(L, r.calm_high)}</td><td>${ch}</td><td>${fmt(L, ev, 0)}</td><td>${fmt(L, r.fatalities.raw, 0)}</td></tr>`;
    })
    .join("");
  return `<table><caption>${esc(caption)}</caption><thead><tr><th scope="col">${t(L, "area")}</th><th scope="col">${t(L, "calm")}</th><th scope="col">${t(L, "band")}</th><th scope="col">${t(L, "change")}</th><th scope="col">${t(L, "events")}</th><th scope="col">${t(L, "fatalities")}</th></tr></thead><tbody>${body}</tbody></table>`;
}

export function renderReportHtml(m: ReportModel): string {
  const L = m.language;
  const rtl = L !== "en";
  const h = m.hotline;
  const hotline = h
    ? `<table><caption>${t(L, "hotline")}</caption><tbody>
        <tr><th scope="row">${t(L, "notifications")}</th><td>${fmt(L, h.notifications, 0)}</td></tr>
        <tr><th scope="row">${t(L, "medianLead")}</th><td>${fmt(L, h.median_lead_h)}</td></tr>
        <tr><th scope="row">${t(L, "late")}</th><td>${fmt(L, h.late, 0)}</td></tr>
        <tr><th scope="row">${t(L, "medianAck")}</th><td>${fmt(L, h.median_ack_min)}</td></tr>
        <tr><th scope="row">${t(L, "overdue")}</th><td>${fmt(L, h.overdue, 0)}</td></tr></tbody></table>`
    : `<p>${t(L, "notAvailable")}</p>`;
  const commitments = m.commitments.length
    ? `<table><caption>${t(L, "commitments")}</caption><thead><tr><th scope="col">${t(L, "commitments")}</th><th scope="col">${t(L, "status")}</th><th scope="col">${t(L, "measured")}</th></tr></thead><tbody>${m.commitments
        .map((c) => `<tr><td>${esc(c.text)} <small>(${esc(c.committed_party)})</small></td><td>${esc(c.status)}</td><td>${esc(c.measured ?? "—")}</td></tr>`)
        .join("")}</tbody></table>`
    : `<h2>${t(L, "commitments")}</h2><p>${t(L, "none")}</p>`;
  return `<!doctype html>
<html lang="${L}" dir="${rtl ? "rtl" : "ltr"}"><head><meta charset="utf-8"><title>${t(L, "title")} — ${esc(m.audienceLabel)} — ${m.periodStart}</title>
<style>
body{font-family:"Noto Sans","Noto Sans Arabic","Noto Sans Hebrew",sans-serif;margin:2rem;color:#1a1a1a;max-width:60rem}
h1{font-size:1.5rem;margin-block-end:.25rem} .meta{color:#444;margin-block-end:1rem}
.demo{background:#fff3cd;border:1px solid #b58900;padding:.25rem .5rem;display:inline-block}
table{border-collapse:collapse;margin-block:1rem;width:100%} caption{text-align:start;font-weight:600;padding-block:.25rem}
th,td{border-block-end:1px solid #ddd;padding:.25rem .5rem;text-align:start} figure{margin-inline:0} figcaption{font-weight:600}
.note{font-size:.85rem;color:#444}
</style></head><body>
${m.demo ? `<p class="demo">${t(L, "demo")}</p>` : ""}
<h1>${t(L, "title")}</h1>
<p class="meta">${t(L, "audience")}: ${esc(m.audienceLabel)} · ${t(L, "period")}: ${m.periodStart} – ${m.periodEnd} · ${t(L, "generated")}: ${m.generatedAt}</p>
${calmTable(m, m.zoneRows, t(L, "calmByZone"))}
${calmTable(m, m.adminRows, t(L, "calmByAdmin"))}
<figure><figcaption>${t(L, "map")}</figcaption>${sceneToSvg(mapScene(m), rtl)}</figure>
<figure><figcaption>${t(L, "trend")}</figcaption>${sceneToSvg(trendScene(m), rtl)}</figure>
<figure><figcaption>${t(L, "byCategory")}</figcaption>${sceneToSvg(categoryScene(m), rtl)}</figure>
${hotline}
${commitments}
<p class="note">${t(L, "weights")}</p>
<p class="note">${esc(m.disclaimer)}</p>
</body></html>`;
}
