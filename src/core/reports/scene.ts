// A tiny vector scene — polygons, polylines, circles, rectangles, text — that
// both the HTML report (as SVG) and the PDF report draw, so the map and the
// charts are the same picture in both.
export type Shape =
  | { kind: "poly"; rings: Array<Array<[number, number]>>; fill: string; stroke: string; width: number; opacity?: number }
  | { kind: "line"; points: Array<[number, number]>; stroke: string; width: number; dash?: number[] }
  | { kind: "circle"; x: number; y: number; r: number; fill: string; stroke: string }
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { kind: "text"; x: number; y: number; text: string; size: number; fill: string; anchor: "start" | "middle" | "end" };

export interface Scene {
  width: number;
  height: number;
  shapes: Shape[];
  /** Accessible name of the figure. */
  title: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n = (x: number) => (Math.round(x * 10) / 10).toString();

export function sceneToSvg(s: Scene, rtl = false): string {
  const body = s.shapes
    .map((sh) => {
      switch (sh.kind) {
        case "poly":
          return `<path d="${sh.rings.map((r) => "M" + r.map(([x, y]) => `${n(x)},${n(y)}`).join("L") + "Z").join("")}" fill="${sh.fill}" fill-rule="evenodd" stroke="${sh.stroke}" stroke-width="${sh.width}"${sh.opacity !== undefined ? ` fill-opacity="${sh.opacity}"` : ""}/>`;
        case "line":
          return `<polyline points="${sh.points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ")}" fill="none" stroke="${sh.stroke}" stroke-width="${sh.width}"${sh.dash ? ` stroke-dasharray="${sh.dash.join(" ")}"` : ""}/>`;
        case "circle":
          return `<circle cx="${n(sh.x)}" cy="${n(sh.y)}" r="${n(sh.r)}" fill="${sh.fill}" stroke="${sh.stroke}"/>`;
        case "rect":
          return `<rect x="${n(sh.x)}" y="${n(sh.y)}" width="${n(sh.w)}" height="${n(sh.h)}" fill="${sh.fill}"/>`;
        case "text": {
          // In a right-to-left page "start" is the right edge; SVG anchors follow the text direction.
          return `<text x="${n(sh.x)}" y="${n(sh.y)}" font-size="${sh.size}" fill="${sh.fill}" text-anchor="${sh.anchor}"${rtl ? ' direction="rtl"' : ""}>${esc(sh.text)}</text>`;
        }
      }
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s.width} ${s.height}" width="${s.width}" height="${s.height}" role="img" aria-label="${esc(s.title)}"><title>${esc(s.title)}</title>${body}</svg>`;
}
