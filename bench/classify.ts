// Benchmark: zone classification of 1,000,000 random points over the pack's
// bounding box plus 10%, against @turf/boolean-point-in-polygon over every
// zone polygon, measured in the same run. Prints one JSON line.
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { multiPolygon, point } from "@turf/helpers";
import { loadBundledClassifier } from "../src/server/modules/agreements/pack-files.ts";
import { expandBBox, nearAnyEdge } from "../src/core/geo/index.ts";
import type { Lat, Lon } from "../src/core/geo/index.ts";

const PACK = process.env.BENCH_PACK ?? "israel-syria-1974";
const N = Number(process.env.BENCH_POINTS ?? 1_000_000);
/** Budget for the (slow) reference: beyond it, the reference runs on an evenly spaced subsample. */
const TURF_BUDGET_MS = Number(process.env.BENCH_TURF_BUDGET_MS ?? 60_000);

// Deterministic points: mulberry32.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const t0 = performance.now();
  const classifier = await loadBundledClassifier(PACK);
  const buildMs = performance.now() - t0;
  const pack = classifier.pack;
  const box = expandBBox(pack.bbox, 0.1);
  const rand = rng(1974);
  const xs = new Float64Array(N), ys = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    xs[i] = box.minX + rand() * (box.maxX - box.minX);
    ys[i] = box.minY + rand() * (box.maxY - box.minY);
  }

  const ours = new Int16Array(N);
  for (let i = 0; i < Math.min(N, 100_000); i++) ours[i] = classifier.zoneIndexAt(xs[i]!, ys[i]!); // warm-up
  // One pass over a million points takes only tens of milliseconds, so a
  // single pass is at the mercy of the scheduler: time 7 passes, take the median.
  const passes: number[] = [];
  for (let pass = 0; pass < 7; pass++) {
    const t1 = performance.now();
    for (let i = 0; i < N; i++) ours[i] = classifier.zoneIndexAt(xs[i]!, ys[i]!);
    passes.push(performance.now() - t1);
  }
  const oursMs = passes.sort((a, b) => a - b)[3]!;

  const features = pack.zones.map((z) => multiPolygon(z.geometry));
  const turfZone = (x: number, y: number) => {
    const p = point([x, y]);
    for (let k = 0; k < features.length; k++) if (booleanPointInPolygon(p, features[k]!)) return k;
    return -1;
  };
  // Estimate the reference's speed, then pick how many points it can check within budget.
  const probe = Math.min(N, 5_000);
  const tp = performance.now();
  for (let i = 0; i < probe; i++) turfZone(xs[i]!, ys[i]!);
  const perPoint = (performance.now() - tp) / probe;
  const turfN = Math.min(N, Math.max(probe, Math.floor(TURF_BUDGET_MS / perPoint)));
  const stride = N / turfN;
  let mismatches = 0, edgeCases = 0;
  const zoneGeoms = pack.zones.map((z) => z.geometry);
  const t2 = performance.now();
  for (let k = 0; k < turfN; k++) {
    const i = Math.floor(k * stride);
    const ref = turfZone(xs[i]!, ys[i]!);
    if (ref !== ours[i]) {
      if (nearAnyEdge(xs[i]!, ys[i]!, zoneGeoms, 1e-9)) edgeCases++;
      else mismatches++;
    }
  }
  const turfMs = performance.now() - t2;

  // The full answer (distances, side, governorate) costs more than the zone alone; measured on a slice.
  const fullN = Math.min(N, 100_000);
  const t3 = performance.now();
  for (let i = 0; i < fullN; i++) classifier.classifyPoint(xs[i]! as Lon, ys[i]! as Lat);
  const fullPps = fullN / ((performance.now() - t3) / 1000);

  const pps = N / (oursMs / 1000);
  const turfPps = turfN / (turfMs / 1000);
  console.log(JSON.stringify({
    points: N,
    pps: Math.round(pps),
    turf_pps: Math.round(turfPps),
    ratio_vs_turf: Math.round((pps / turfPps) * 10) / 10,
    mismatches,
    index_mb: Math.round((classifier.indexBytes / 1048576) * 10) / 10,
    turf_points: turfN,
    turf_sample: turfN === N ? "all points" : `every ${Math.round(stride * 10) / 10}th point (${turfN} of ${N})`,
    edge_excluded: edgeCases,
    full_classify_pps: Math.round(fullPps),
    timing: "pps = median of 7 passes over all points",
    pack: PACK,
    build_ms: Math.round(buildMs),
    runtime_s: Math.round((performance.now() - t0) / 100) / 10,
  }));
}

await main();
