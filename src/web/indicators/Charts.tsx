// Small charts drawn by hand as inline SVG: a line with its uncertainty band
// over weeks, and horizontal bars. Each is an image with a title and a short
// description; the table beside it carries the numbers. In right-to-left
// languages time runs from right to left, as the text does. The SVG itself is
// laid out left to right (CSS) so that positions and text anchors stay physical.
import { useId } from "react";

export interface LinePoint { label: string; value: number; low?: number; high?: number }

const W = 560;
const H = 220;
const PAD = { top: 12, bottom: 34, side: 40 };

export function LineChart({ title, desc, points, max = 100, dir, format }: { title: string; desc: string; points: LinePoint[]; max?: number; dir: "ltr" | "rtl"; format: (n: number) => string }) {
  const id = useId();
  const n = points.length;
  const innerW = W - 2 * PAD.side;
  const innerH = H - PAD.top - PAD.bottom;
  const xAt = (i: number) => {
    const x = n <= 1 ? innerW / 2 : (i / (n - 1)) * innerW;
    return PAD.side + (dir === "rtl" ? innerW - x : x);
  };
  const yAt = (v: number) => PAD.top + innerH - (Math.max(0, Math.min(max, v)) / max) * innerH;
  const line = points.map((p, i) => `${i ? "L" : "M"}${xAt(i).toFixed(1)},${yAt(p.value).toFixed(1)}`).join(" ");
  const banded = points.every((p) => p.low !== undefined && p.high !== undefined);
  const band = banded && n > 0
    ? [...points.map((p, i) => `${i ? "L" : "M"}${xAt(i).toFixed(1)},${yAt(p.high!).toFixed(1)}`), ...points.map((p, i) => ({ p, i })).reverse().map(({ p, i }) => `L${xAt(i).toFixed(1)},${yAt(p.low!).toFixed(1)}`), "Z"].join(" ")
    : null;
  const ticks = [0, max / 2, max];
  const axisX = dir === "rtl" ? W - PAD.side + 6 : PAD.side - 6;
  const every = Math.max(1, Math.ceil(n / 6));
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} data-testid="line-chart">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {ticks.map((tk) => (
        <g key={tk}>
          <line x1={PAD.side} x2={W - PAD.side} y1={yAt(tk)} y2={yAt(tk)} className="chart-grid" />
          <text x={axisX} y={yAt(tk) + 4} textAnchor={dir === "rtl" ? "start" : "end"} className="chart-tick">{format(tk)}</text>
        </g>
      ))}
      {band && <path d={band} className="chart-band" />}
      {n > 0 && <path d={line} className="chart-line" />}
      {points.map((p, i) => <circle key={i} cx={xAt(i)} cy={yAt(p.value)} r={3} className="chart-dot" />)}
      {points.map((p, i) => ((n - 1 - i) % every === 0 ? <text key={i} x={xAt(i)} y={H - 12} textAnchor="middle" className="chart-tick">{p.label}</text> : null))}
    </svg>
  );
}

export interface Bar { label: string; value: number; tone?: "ok" | "warn" | "bad" }

export function BarChart({ title, desc, bars, max = 100, dir, format }: { title: string; desc: string; bars: Bar[]; max?: number; dir: "ltr" | "rtl"; format: (n: number) => string }) {
  const id = useId();
  const row = 26;
  const labelW = 150;
  const valueW = 50;
  const h = Math.max(row, bars.length * row) + 8;
  const innerW = W - labelW - valueW;
  const len = (v: number) => (Math.max(0, Math.min(max, v)) / max) * innerW;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={`${id}-t ${id}-d`} data-testid="bar-chart">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {bars.map((b, i) => {
        const y = 4 + i * row;
        const l = len(b.value);
        const x = dir === "rtl" ? W - labelW - l : labelW;
        return (
          <g key={b.label}>
            <text x={dir === "rtl" ? W - 4 : 4} y={y + 17} textAnchor={dir === "rtl" ? "end" : "start"} className="chart-label">{b.label}</text>
            <rect x={x} y={y + 4} width={Math.max(1, l)} height={row - 8} rx={2} className={`chart-bar chart-bar-${b.tone ?? "ok"}`} />
            <text x={dir === "rtl" ? x - 4 : x + l + 4} y={y + 17} textAnchor={dir === "rtl" ? "end" : "start"} className="chart-tick">{format(b.value)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** Calm index 0–100 → a tone for bars and pills: quiet, tense, violent. */
export function calmTone(calm: number): "ok" | "warn" | "bad" {
  return calm >= 80 ? "ok" : calm >= 50 ? "warn" : "bad";
}
