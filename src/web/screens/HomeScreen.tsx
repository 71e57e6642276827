// Home: what needs me now. Sections appear as their APIs answer; a section
// whose API is not deployed stays hidden rather than showing an error.
import { lazy, Suspense, type MouseEvent } from "react";
import { useMe } from "../app/session.tsx";
import { navigate } from "../app/router.ts";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { ScreenTitle } from "../components/common.tsx";

const DeadlinesPanel = lazy(() => import("../hotline/DeadlinesPanel.tsx"));

export function HomeScreen() {
  const { t } = useI18n();
  const me = useMe();
  const go = (path: string) => (e: MouseEvent) => { e.preventDefault(); navigate(path); };
  return (
    <section>
      <ScreenTitle>{t("home.title", { name: me.user.display_name })}</ScreenTitle>
      <p className="muted">
        {me.user.party ? t("home.youAre", { role: t(`role.${me.user.role}` as MessageKey), party: me.user.party }) : t("home.adminNoParty")}
      </p>
      <div className="cards">
        {me.user.party && <Suspense fallback={null}><DeadlinesPanel /></Suspense>}
        {me.user.party && (
          <article className="card">
            <h2>{t("home.mapCard")}</h2>
            <p>{t("home.mapCardText")}</p>
            <a href="/map" onClick={go("/map")}>{t("home.openMap")}</a>
          </article>
        )}
        <article className="card">
          <h2>{t("home.accountCard")}</h2>
          <p>{me.user.totp_enabled ? t("home.totpOn") : t("home.totpOff")}</p>
          <a href="/account" onClick={go("/account")}>{t("nav.account")}</a>
        </article>
        {me.user.role === "admin" && (
          <article className="card">
            <h2>{t("nav.admin")}</h2>
            <p>{t("home.adminText")}</p>
            <a href="/admin" onClick={go("/admin")}>{t("nav.admin")}</a>
          </article>
        )}
      </div>
    </section>
  );
}
