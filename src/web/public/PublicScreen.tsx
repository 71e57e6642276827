// The public page, reachable without signing in: the calm index over public
// records only (after the publication delay) by governorate and by zone, and
// the reports the mediator has published.
import { publicDashboardSchema, reportListSchema } from "../../core/api/indicators.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorNote, Loading, ScreenTitle } from "../components/common.tsx";
import { CalmView } from "../indicators/CalmView.tsx";
import { ReportTable } from "../indicators/ReportsScreen.tsx";
import { useAdmin1Label, useZoneLabel } from "../app/zones.ts";

export default function PublicScreen() {
  const { t, date, num } = useI18n();
  const zoneName = useZoneLabel();
  const admin1Name = useAdmin1Label();
  const dash = useApi(() => api.get("/api/public/dashboard?weeks=12", publicDashboardSchema), []);
  const reports = useApi(() => api.get("/api/public/reports", reportListSchema), []);
  return (
    <section data-testid="public-page">
      <ScreenTitle>{t("public.title")}</ScreenTitle>
      <p className="muted">{t("public.intro")}</p>
      <ErrorNote error={dash.error} />
      {!dash.data && !dash.error && <Loading />}
      {dash.data && (
        <>
          <p className="notice">{t("public.asOf", { date: date(dash.data.as_of), days: num(dash.data.delay_days) })}</p>
          <h2>{t("public.byGovernorate")}</h2>
          <CalmView data={dash.data} testId="public-admin1" nameOf={admin1Name} />
          <h2>{t("public.byZone")}</h2>
          <CalmView data={dash.data.by_zone} testId="public-zone" nameOf={zoneName} />
        </>
      )}
      <h2>{t("public.reports")}</h2>
      <ErrorNote error={reports.error} />
      {reports.data && (reports.data.items.length ? <ReportTable items={reports.data.items} /> : <p className="muted">{t("reports.none")}</p>)}
    </section>
  );
}
