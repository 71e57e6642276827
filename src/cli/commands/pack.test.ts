import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packCommands } from "./pack.ts";
import { CliError } from "../command.ts";
import type { CliIo } from "../command.ts";
import { BUNDLED_PACKS_DIR } from "../../server/modules/agreements/pack-files.ts";

const cmd = (path: string) => packCommands.find((c) => c.path.join(" ") === path)!;
function io(cwd: string) {
  const out: string[] = [], err: string[] = [];
  const value: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd };
  return { io: value, out, err };
}

test("pack validate accepts the bundled pack and lists its zones", async () => {
  const t = io(process.cwd());
  assert.equal(await cmd("pack validate").run([join(BUNDLED_PACKS_DIR, "israel-syria-1974")], t.io), 0);
  assert.match(t.out[0]!, /^ok: israel-syria-1974/);
  assert.ok(t.out.some((l) => l.includes("east-20-25")));
});

test("pack validate names the file and feature of a problem and exits non-zero", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cli-pack-"));
  try {
    await cp(join(BUNDLED_PACKS_DIR, "israel-syria-1974"), dir, { recursive: true });
    await writeFile(join(dir, "zones.geojson"), JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "aos", source: "natural-earth" }, geometry: { type: "Polygon", coordinates: [[[35.8, 33], [35.9, 33.1], [35.9, 33], [35.8, 33.1], [35.8, 33]]] } }] }));
    const t = io(dir);
    assert.equal(await cmd("pack validate").run(["."], t.io), 1);
    assert.match(t.err[0]!, /^zones\.geojson › features\[0\] \(aos\) › geometry\.coordinates\[0\]: ring intersects itself/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("classify prints one JSON object per CSV line; bad lines are named", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cli-classify-"));
  try {
    await writeFile(join(dir, "pts.csv"), "id,lon,lat\nquneitra,35.82461,33.12595\nkatzrin,35.69139,32.99194\n\nswapped,33.12595,35.82461\n");
    const t = io(dir);
    assert.equal(await cmd("classify").run(["--pack", "israel-syria-1974", "pts.csv"], t.io), 0);
    const rows = t.out.map((l) => JSON.parse(l) as { id: string; zone: string; distance_km: { A: number; B: number }; near_line: string | null; admin1: string | null; hint?: string });
    assert.deepEqual(rows.map((r) => [r.id, r.zone]), [["quneitra", "aos"], ["katzrin", "west-10-20"], ["swapped", "outside"]]);
    assert.equal(rows[0]!.admin1, "SY-X01~");
    assert.equal(typeof rows[1]!.distance_km.A, "number");
    assert.match(rows[2]!.hint!, /swapped/);

    await writeFile(join(dir, "bad.csv"), "id,lon,lat\na,35.8,33.1\nb,35.8,NaN\n");
    await assert.rejects(cmd("classify").run(["--pack", "israel-syria-1974", "bad.csv"], io(dir).io), (e: unknown) => e instanceof CliError && /^line 3: lat "NaN"/.test(e.message));
    await writeFile(join(dir, "range.csv"), "a,35.8,133.1\n");
    await assert.rejects(cmd("classify").run(["range.csv"], io(dir).io), /line 1: lat 133.1 is out of range/);
    await assert.rejects(cmd("classify").run(["--max", "1", "pts.csv"], io(dir).io), /too many inputs: 3/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("classify reads GeoJSON points, lines and polygons; invalid features are named", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cli-geojson-"));
  try {
    const fc = { type: "FeatureCollection", features: [
      { type: "Feature", properties: { id: "p" }, geometry: { type: "Point", coordinates: [35.93, 33.05] } },
      { type: "Feature", properties: { id: "road" }, geometry: { type: "LineString", coordinates: [[35.7, 33.1], [36.0, 33.1]] } },
      { type: "Feature", properties: { id: "area" }, geometry: { type: "Polygon", coordinates: [[[35.75, 33.1], [35.9, 33.1], [35.9, 33.2], [35.75, 33.2], [35.75, 33.1]]] } },
    ] };
    await writeFile(join(dir, "in.geojson"), JSON.stringify(fc));
    const t = io(dir);
    assert.equal(await cmd("classify").run(["--pack", "israel-syria-1974", "in.geojson"], t.io), 0);
    const rows = t.out.map((l) => JSON.parse(l) as { id: string; zone?: string; zones?: { zone: string }[] });
    assert.equal(rows[0]!.zone, "east-0-10");
    assert.ok(rows[1]!.zones!.some((z) => z.zone === "aos"));
    assert.ok(rows[2]!.zones!.length >= 2);
    fc.features[2]!.geometry.coordinates = [[[35.75, 33.1], [35.9, 33.1], [35.9, 33.2]]] as never;
    await writeFile(join(dir, "bad.geojson"), JSON.stringify(fc));
    await assert.rejects(cmd("classify").run(["bad.geojson"], io(dir).io), (e: unknown) => e instanceof CliError && /^feature 2 \(area\)/.test(e.message));
    await writeFile(join(dir, "broken.geojson"), "{\"type\": \"FeatureCollection\", ");
    await assert.rejects(cmd("classify").run(["broken.geojson"], io(dir).io), /not valid JSON/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
