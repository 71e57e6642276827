// Area labels in the user's language. Classifications and indicators carry
// zone ids ("aos", "east-0-10", "outside") and governorate codes ("SY-QU");
// screens show the pack's names for them, fetched once per page load from the
// pack's public summary (small, and readable without signing in). Actors the
// pack's dictionary knows are named the same way.
import { useEffect, useState } from "react";
import { z } from "zod";
import { api } from "../api/client.ts";
import { useI18n, type Lang } from "../i18n/i18n.tsx";
import { DEFAULT_PACK } from "../map/basemap.ts";

const namesSchema = z.object({ en: z.string(), ar: z.string().optional(), he: z.string().optional() });
const summarySchema = z.object({
  zones: z.array(z.object({ id: z.string(), name: z.string(), names: namesSchema.nullable().optional() })),
  admin1: z.array(z.object({ id: z.string(), names: namesSchema })).default([]),
  actors: z.array(z.object({ id: z.string(), names: namesSchema })).default([]),
});
export type AreaNames = Map<string, z.infer<typeof namesSchema>>;

interface PackAreas { zones: AreaNames; admin1: AreaNames; actors: AreaNames }
let cached: Promise<PackAreas> | null = null;
/** Once loaded, screens mounted later start with the names (no frame of bare ids). */
let loaded: PackAreas | undefined;
function loadAreaNames(pack = DEFAULT_PACK): Promise<PackAreas> {
  if (!cached) {
    cached = api.get(`/api/packs/${encodeURIComponent(pack)}`, summarySchema).then((s) => {
      loaded = { zones: new Map(s.zones.map((z) => [z.id, z.names ?? { en: z.name }])), admin1: new Map(s.admin1.map((a) => [a.id, a.names])), actors: new Map(s.actors.map((a) => [a.id, a.names])) };
      return loaded;
    });
    cached.catch(() => { cached = null; });
  }
  return cached;
}

/** The label for an area id: the pack's name in `lang`, else its English name, else the id itself. */
export function areaLabel(names: AreaNames | undefined, lang: Lang, id: string): string {
  const n = names?.get(id);
  return (n && (n[lang] ?? n.en)) || id;
}

/** A zone's label; "outside" (in no zone) is the app's own word. */
export function zoneLabel(names: AreaNames | undefined, lang: Lang, id: string, outside: string): string {
  return id === "outside" ? outside : areaLabel(names, lang, id);
}

function usePackAreas(): PackAreas | undefined {
  const [areas, setAreas] = useState<PackAreas | undefined>(loaded);
  useEffect(() => {
    if (loaded) { setAreas(loaded); return; }
    let live = true;
    loadAreaNames().then((a) => { if (live) setAreas(a); }).catch(() => { /* ids stay readable */ });
    return () => { live = false; };
  }, []);
  return areas;
}

/** A function from zone id (or null) to its label; shows ids until the names arrive, "—" for none. */
export function useZoneLabel(): (id: string | null | undefined) => string {
  const { lang, t } = useI18n();
  const areas = usePackAreas();
  return (id) => (id ? zoneLabel(areas?.zones, lang, id, t("zone.outside")) : "—");
}

/** A function from governorate code to its name in the reader's language; codes show until the names arrive. */
export function useAdmin1Label(): (code: string) => string {
  const { lang } = useI18n();
  const areas = usePackAreas();
  return (code) => areaLabel(areas?.admin1, lang, code);
}

/**
 * An actor's name in the reader's language when it is one the pack's dictionary knows (by id); a name
 * the text gave that the dictionary does not know stays as written.
 */
export function useActorLabel(): (actor: { id: string | null; name: string }) => string {
  const { lang } = useI18n();
  const areas = usePackAreas();
  return (actor) => {
    const n = actor.id ? areas?.actors.get(actor.id) : undefined;
    return (n && (n[lang] ?? n.en)) || actor.name;
  };
}

const placesSchema = z.object({ places: z.array(z.object({ id: z.string(), names: namesSchema })) });
let placesCached: Promise<AreaNames> | null = null;
let placesLoaded: AreaNames | undefined;
/** The gazetteer's names, fetched on first use only (a few hundred places): screens that show extracted places. */
function loadPlaceNames(pack = DEFAULT_PACK): Promise<AreaNames> {
  if (!placesCached) {
    placesCached = api.get(`/api/packs/${encodeURIComponent(pack)}/places`, placesSchema).then((s) => {
      placesLoaded = new Map(s.places.map((p) => [p.id, p.names]));
      return placesLoaded;
    });
    placesCached.catch(() => { placesCached = null; });
  }
  return placesCached;
}

/** A place's name in the reader's language when the gazetteer knows it (by id); otherwise the name as the text wrote it. */
export function usePlaceLabel(): (placeId: string | null | undefined, written: string | null) => string | null {
  const { lang } = useI18n();
  const [names, setNames] = useState<AreaNames | undefined>(placesLoaded);
  useEffect(() => {
    if (placesLoaded) { setNames(placesLoaded); return; }
    let live = true;
    loadPlaceNames().then((n) => { if (live) setNames(n); }).catch(() => { /* the written names stay */ });
    return () => { live = false; };
  }, []);
  return (placeId, written) => {
    const n = placeId ? names?.get(placeId) : undefined;
    return (n && (n[lang] ?? n.en)) || written;
  };
}
