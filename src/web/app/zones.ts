// Zone labels in the user's language. Classifications carry zone ids ("aos",
// "east-0-10", "outside"); screens show the pack's short names for them,
// fetched once per page load from the pack's summary.
import { useEffect, useState } from "react";
import { z } from "zod";
import { api } from "../api/client.ts";
import { useI18n, type Lang } from "../i18n/i18n.tsx";
import { DEFAULT_PACK } from "../map/basemap.ts";

const namesSchema = z.object({ en: z.string(), ar: z.string().optional(), he: z.string().optional() });
const summarySchema = z.object({ zones: z.array(z.object({ id: z.string(), name: z.string(), names: namesSchema.nullable().optional() })) });
export type ZoneNames = Map<string, z.infer<typeof namesSchema>>;

let cached: Promise<ZoneNames> | null = null;
function loadZoneNames(pack = DEFAULT_PACK): Promise<ZoneNames> {
  if (!cached) {
    cached = api.get(`/api/packs/${encodeURIComponent(pack)}`, summarySchema).then((s) => new Map(s.zones.map((z) => [z.id, z.names ?? { en: z.name }])));
    cached.catch(() => { cached = null; });
  }
  return cached;
}

/** The label for a zone id: the pack's name in `lang`, else its English name, else the id itself. */
export function zoneLabel(names: ZoneNames | undefined, lang: Lang, id: string, outside: string): string {
  if (id === "outside") return outside;
  const n = names?.get(id);
  return (n && (n[lang] ?? n.en)) || id;
}

/** A function from zone id (or null) to its label; shows ids until the names arrive, "—" for none. */
export function useZoneLabel(): (id: string | null | undefined) => string {
  const { lang, t } = useI18n();
  const [names, setNames] = useState<ZoneNames>();
  useEffect(() => {
    let live = true;
    loadZoneNames().then((n) => { if (live) setNames(n); }).catch(() => { /* ids stay readable */ });
    return () => { live = false; };
  }, []);
  return (id) => (id ? zoneLabel(names, lang, id, t("zone.outside")) : "—");
}
