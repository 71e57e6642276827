// Pure geometry for agreement packs: no I/O, no knowledge of treaties.
export * from "./types.ts";
export * from "./projection.ts";
export * from "./geodesic.ts";
export * from "./planar.ts";
export * from "./clip.ts";
export * from "./buffer.ts";
export * from "./line.ts";
export * from "./polygon-index.ts";
