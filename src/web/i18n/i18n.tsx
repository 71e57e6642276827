// Languages, message lookup and locale formatting. The chosen language sets
// <html lang dir>; layout mirrors through CSS logical properties alone.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en, type MessageKey } from "./en.ts";
import { ar } from "./ar.ts";
import { he } from "./he.ts";

export const languages = ["en", "ar", "he"] as const;
export type Lang = (typeof languages)[number];
const catalogues: Record<Lang, Record<MessageKey, string>> = { en, ar, he };
const rtl: ReadonlySet<Lang> = new Set(["ar", "he"]);
/** Each language's own name, shown in the switcher whatever the current language. */
export const languageNames: Record<Lang, string> = { en: "English", ar: "العربية", he: "עברית" };
const STORAGE_KEY = "truceline.lang";

export type Vars = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  dir: "ltr" | "rtl";
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Date and time in the user's language, in UTC with the zone named (the line's parties are in one zone, the mediator may not be). */
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  num: (n: number, opts?: Intl.NumberFormatOptions) => string;
  /** "in 4 min" / "3 h ago". */
  relative: (ms: number) => string;
}

export function isLang(v: unknown): v is Lang {
  return typeof v === "string" && (languages as readonly string[]).includes(v);
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch { /* storage blocked: fall back to the browser's language */ }
  const nav = navigator.language.slice(0, 2);
  return isLang(nav) ? nav : "en";
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = catalogues[lang][key] || en[key];
  if (!vars) return template;
  const nf = new Intl.NumberFormat(lang);
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    return v === undefined ? m : typeof v === "number" ? nf.format(v) : v;
  });
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try { localStorage.setItem(STORAGE_KEY, l); } catch { /* not persisted, still switched */ }
  }, []);
  const dir = rtl.has(lang) ? "rtl" : "ltr";
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
    document.title = translate(lang, "app.name");
  }, [lang, dir]);
  const value = useMemo<I18n>(() => {
    const dtf = new Intl.DateTimeFormat(lang, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC", timeZoneName: "short" });
    const df = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" });
    const rtf = new Intl.RelativeTimeFormat(lang, { numeric: "auto", style: "short" });
    return {
      lang, dir, setLang,
      t: (key, vars) => translate(lang, key, vars),
      dateTime: (iso) => dtf.format(new Date(iso)),
      date: (iso) => df.format(new Date(iso)),
      num: (n, opts) => new Intl.NumberFormat(lang, opts).format(n),
      relative: (ms) => {
        const s = Math.round(ms / 1000);
        const a = Math.abs(s);
        if (a < 60) return rtf.format(s, "second");
        if (a < 3600) return rtf.format(Math.round(s / 60), "minute");
        if (a < 86400 * 2) return rtf.format(Math.round(s / 3600), "hour");
        return rtf.format(Math.round(s / 86400), "day");
      },
    };
  }, [lang, dir, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}
