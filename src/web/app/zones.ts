// Area labels in the user's language. Classifications and indicators carry
// zone ids ("aos", "east-0-10", "outside") and governorate codes ("SY-QU");
// screens show the pack's names for them, fetched once per page load from the
// pack's public summary (small, and readable without signing in). Actors the
// pack's dictionary knows are named the same way, and places of its gazetteer
// from its place list (fetched only by screens that show extracted places).
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

/**
 * Fetched once per page load and shared; a failed fetch is tried again by the next screen. Once loaded,
 * screens mounted later start with the value (no frame of bare ids).
 */
function onceLoaded<T>(load: () => Promise<T>): { get: () => Promise<T>; value: () => T | undefined } {
  let pending: Promise<T> | null = null;
  let value: T | undefined;
  return {
    get: () => {
      if (!pending) {
        pending = load().then((v) => (value = v));
        pending.catch(() => { pending = null; });
      }
      return pending;
    },
    value: () => value,
  };
}

/** Subscribes a screen to a once-loaded value; undefined until it arrives (or if it never does). */
function useLoaded<T>(res: { get: () => Promise<T>; value: () => T | undefined }): T | undefined {
  const [v, setV] = useState<T | undefined>(res.value());
  useEffect(() => {
    const now = res.value();
    if (now) { setV(now); return; }
    let live = true;
    res.get().then((x) => { if (live) setV(x); }).catch(() => { /* ids or written names stay readable */ });
    return () => { live = false; };
  }, [res]);
  return v;
}

interface PackAreas { zones: AreaNames; admin1: AreaNames; actors: AreaNames }
const packAreas = onceLoaded<PackAreas>(() =>
  api.get(`/api/packs/${encodeURIComponent(DEFAULT_PACK)}`, summarySchema).then((s) => ({
    zones: new Map(s.zones.map((z) => [z.id, z.names ?? { en: z.name }])),
    admin1: new Map(s.admin1.map((a) => [a.id, a.names])),
    actors: new Map(s.actors.map((a) => [a.id, a.names])),
  })),
);

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
  return useLoaded(packAreas);
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
/** The gazetteer's names (a few hundred places), fetched on first use only. */
const placeNames = onceLoaded<AreaNames>(() =>
  api.get(`/api/packs/${encodeURIComponent(DEFAULT_PACK)}/places`, placesSchema).then((s) => new Map(s.places.map((p) => [p.id, p.names]))),
);

/** A place's name in the reader's language when the gazetteer knows it (by id); otherwise the name as the text wrote it. */
export function usePlaceLabel(): (placeId: string | null | undefined, written: string | null) => string | null {
  const { lang } = useI18n();
  const names = useLoaded(placeNames);
  return (placeId, written) => {
    const n = placeId ? names?.get(placeId) : undefined;
    return (n && (n[lang] ?? n.en)) || written;
  };
}
