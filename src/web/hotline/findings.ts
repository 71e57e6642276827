// A finding of the agreement check in the reader's language: the server sends
// a message id with its values (core/agreement/finding-text.ts) beside the
// English wording; zone ids, line keys, sides and items are named here.
// Findings stored before message ids existed fall back to their English text.
import type { FindingText } from "../../core/agreement/finding-text.ts";
import type { MessageKey } from "../i18n/en.ts";
import type { I18n } from "../i18n/i18n.tsx";

export interface Worded { text: string; english: boolean }

export function findingWords(i: Pick<I18n, "t" | "num">, f: { message: string; text?: FindingText | undefined }, zoneName: (id: string) => string = (z) => z): Worded {
  const m = f.text;
  if (!m) return { text: f.message, english: true };
  const { t, num } = i;
  const near = (accuracy: number) => t("finding.near", { m: num(accuracy) });
  const line = (key: string) => t("finding.line", { key });
  const side = (s: string) => t(`side.${s}` as MessageKey);
  const item = (x: string) => t(`item.${x}` as MessageKey);
  const across = (n: number) => (n > 1 ? t("finding.across", { n: num(n) }) : "");
  const said = (text: string): Worded => ({ text, english: false });
  switch (m.key) {
    case "not_party": return said(t("finding.not_party", m.values));
    case "line.stays": {
      const v = { side: side(m.values.side), line: line(m.values.line) };
      return said(m.values.near ? t("finding.line.stays_near", { ...v, near: near(m.values.accuracy_m) }) : t("finding.line.stays", v));
    }
    case "line.beyond": return said(t("finding.line.beyond", { side: side(m.values.side), line: line(m.values.line) }));
    case "line.touches": return said(t("finding.line.touches", { line: line(m.values.line), near: near(m.values.accuracy_m) }));
    case "forces.police_only": return said(t("finding.forces.police_only"));
    case "forces.none_declared": return said(t("finding.forces.none_declared"));
    case "forces.none_allowed": return said(t("finding.forces.none_allowed"));
    case "forces.may_enter": return said(t("finding.forces.may_enter", { near: near(m.values.accuracy_m), zone: zoneName(m.values.zone) }));
    case "max.above":
    case "max.within": {
      const v = m.values;
      const base = t(m.key === "max.above" ? "finding.max.above" : "finding.max.within", { total: num(v.total), item: item(v.item), across: across(v.activities), zone: zoneName(v.zone), max: num(v.max) });
      return said(m.key === "max.above" && m.values.near ? `${base} (${near(m.values.accuracy_m)})` : base);
    }
    case "calibre.wrong": return said(t("finding.calibre.wrong", { count: num(m.values.count), calibres: m.values.calibres, allowed: num(m.values.allowed_mm) }));
    case "calibre.unknown": return said(t("finding.calibre.unknown", { count: num(m.values.count), allowed: num(m.values.allowed_mm) }));
    case "calibre.ok": return said(t("finding.calibre.ok", { allowed: num(m.values.allowed_mm) }));
    case "range.over": return said(t("finding.range.over", { count: num(m.values.count), max: num(m.values.max_km) }));
    case "range.unknown": return said(t("finding.range.unknown", { count: num(m.values.count) }));
    case "range.ok": return said(t("finding.range.ok", { max: num(m.values.max_km) }));
    case "sam.present": {
      const base = t("finding.sam.present", { count: num(m.values.count), zone: zoneName(m.values.zone) });
      return said(m.values.near ? `${base} (${near(m.values.accuracy_m)})` : base);
    }
    case "observation.in_site": return said(t("finding.observation.in_site", m.values));
    case "observation.clear": return said(t("finding.observation.clear"));
    case "no_limit": return said(t("finding.no_limit"));
    case "outside": return said(t("finding.outside"));
    case "notice.short": return said(t("finding.notice.short", { lead: num(m.values.lead_min), required: num(m.values.required_min), short: num(m.values.short_min) }));
  }
}
