// The basemap of the deployment's pack, fetched once per page load.
import { basemapSchema, type BasemapDto } from "../../core/api/packs.ts";
import { api } from "../api/client.ts";

export const DEFAULT_PACK = "israel-syria-1974";
let cached: Promise<BasemapDto> | null = null;

export function loadBasemap(pack = DEFAULT_PACK): Promise<BasemapDto> {
  if (!cached) {
    cached = api.get(`/api/packs/${encodeURIComponent(pack)}/basemap`, basemapSchema);
    cached.catch(() => { cached = null; });
  }
  return cached;
}
