// A commitment's measured verdict in the reader's language: the server sends
// a message id with its values (core/talks/criteria.ts); numbers, dates and
// shares are formatted here for the chosen language.
import type { MeasuredMessage } from "../../core/talks/criteria.ts";
import { countedItem } from "../../core/agreement/schema.ts";
import type { MessageKey } from "../i18n/en.ts";
import type { I18n } from "../i18n/i18n.tsx";

const ITEMS = new Set<string>(countedItem.options);

/** `zoneName` turns zone ids into the pack's names in the reader's language; limit items known to the packs are translated, others shown as written. */
export function measuredText(i: Pick<I18n, "t" | "date" | "num">, m: MeasuredMessage, zoneName: (id: string) => string = (z) => z): string {
  const { t, date, num } = i;
  const item = (x: string) => (ITEMS.has(x) ? t(`item.${x}` as MessageKey) : x);
  const share = (x: number) => num(x, { style: "percent", maximumFractionDigits: 1 });
  switch (m.key) {
    case "max.breached": return t("measured.max.breached", { ...m.values, week: date(m.values.week) });
    case "max.fulfilled": return t("measured.max.fulfilled", m.values);
    case "max.in_progress": return t("measured.max.in_progress", m.values);
    case "inspections.breached": return t("measured.inspections.breached", { ...m.values, item: item(m.values.item), zone: zoneName(m.values.zone), date: date(m.values.date) });
    case "inspections.none": return t("measured.inspections.none", { ...m.values, zone: zoneName(m.values.zone), from: date(m.values.from) });
    case "inspections.clear": return t("measured.inspections.clear", { ...m.values, item: item(m.values.item), zone: zoneName(m.values.zone) });
    case "lead.none": return t("measured.lead.none", { ...m.values, from: date(m.values.from) });
    case "lead.share": return t("measured.lead.share", { ...m.values, share: share(m.values.share), required: share(m.values.required) });
    case "unavailable": return t(m.values.source === "incidents" ? "measured.unavailable.incidents" : "measured.unavailable.hotline");
  }
}
