// Indicators: the calm index per zone or per governorate over the last weeks,
// with charts, the table, and the same figures as CSV.
import { useState } from "react";
import { calmSchema } from "../../core/api/indicators.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useRealtime } from "../api/realtime.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorNote, Field, Loading, ScreenTitle } from "../components/common.tsx";
import { CalmView } from "./CalmView.tsx";
import { useAdmin1Label, useZoneLabel } from "../app/zones.ts";

type AreaType = "zone" | "admin1";
export default function IndicatorsScreen() {
  const { t } = useI18n();
  const zoneName = useZoneLabel();
  const [areaType, setAreaType] = useState<AreaType>("zone");
  const [weeks, setWeeks] = useState(12);
  const qs = `area_type=${areaType}&weeks=${weeks}`;
  const calm = useApi(() => api.get(`/api/indicators/calm?${qs}`, calmSchema), [qs]);
  useRealtime(["incident.created", "incident.updated"], () => calm.reload());
  // Zones and governorates come as ids and codes; the pack names them in each language.
  const admin1Name = useAdmin1Label();
  return (
    <section>
      <ScreenTitle actions={<a className="button-link" href={`/api/indicators/calm?${qs}&format=csv`} download data-testid="csv-link">{t("indicators.csv")}</a>}>{t("indicators.title")}</ScreenTitle>
      <p className="muted">{t("indicators.intro")}</p>
      <div className="inline-form">
        <Field label={t("indicators.areaType")}>
          {(id) => (
            <select id={id} value={areaType} onChange={(e) => setAreaType(e.target.value as AreaType)} data-testid="area-type">
              <option value="zone">{t("indicators.byZone")}</option>
              <option value="admin1">{t("indicators.byGovernorate")}</option>
            </select>
          )}
        </Field>
        <Field label={t("indicators.weeks")}>
          {(id) => (
            <select id={id} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
              {[4, 12, 26, 52].map((w) => <option key={w} value={w}>{w}</option>)}
            </select>
          )}
        </Field>
      </div>
      <ErrorNote error={calm.error} />
      {!calm.data && !calm.error && <Loading />}
      {calm.data && <CalmView data={calm.data} testId="calm" nameOf={areaType === "admin1" ? admin1Name : zoneName} />}
    </section>
  );
}
