// The shell: demo banner, header with language switcher and account, the
// navigation, and the screen for the current path. Screens with a map load
// the map library on demand; everything else is in the first bundle.
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { z } from "zod";
import { healthSchema } from "../../core/api/accounts.ts";
import { api } from "../api/client.ts";
import { languageNames, languages, isLang, useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { match, navigate, usePath } from "./router.ts";
import { useSession } from "./session.tsx";
import { LoginScreen } from "../screens/LoginScreen.tsx";
import { HomeScreen } from "../screens/HomeScreen.tsx";
import { MapScreen } from "../screens/MapScreen.tsx";
import { AccountScreen } from "../screens/AccountScreen.tsx";
import { AdminScreen } from "../screens/AdminScreen.tsx";
import type { MeDto } from "../../core/api/accounts.ts";
import { RealtimeProvider } from "../api/realtime.tsx";

// Feature screens load on demand: they bring the shared protocol and map code.
const HotlineScreen = lazy(() => import("../hotline/HotlineScreen.tsx"));
const IncidentsScreen = lazy(() => import("../incidents/IncidentsScreen.tsx"));
const IntakeScreen = lazy(() => import("../intake/IntakeScreen.tsx"));
const TalksScreen = lazy(() => import("../talks/TalksScreen.tsx"));
const IndicatorsScreen = lazy(() => import("../indicators/IndicatorsScreen.tsx"));
const ReportsScreen = lazy(() => import("../indicators/ReportsScreen.tsx"));
const PublicScreen = lazy(() => import("../public/PublicScreen.tsx"));

interface NavItem {
  path: string;
  label: MessageKey;
  show(me: MeDto): boolean;
}

const hasParty = (me: MeDto) => me.user.party !== null;
export const navItems: NavItem[] = [
  { path: "/", label: "nav.home", show: () => true },
  { path: "/map", label: "nav.map", show: hasParty },
  { path: "/incidents", label: "nav.incidents", show: hasParty },
  { path: "/hotline", label: "nav.hotline", show: hasParty },
  { path: "/intake", label: "nav.intake", show: hasParty },
  { path: "/talks", label: "nav.talks", show: hasParty },
  { path: "/indicators", label: "nav.indicators", show: hasParty },
  { path: "/reports", label: "nav.reports", show: hasParty },
  { path: "/public", label: "nav.public", show: () => true },
  { path: "/account", label: "nav.account", show: () => true },
  { path: "/admin", label: "nav.admin", show: (me) => me.user.role === "admin" },
];

function screenFor(path: string, me: MeDto): ReactNode {
  if (path === "/" || path === "") return <HomeScreen />;
  if (match("/map", path) && hasParty(me)) return <MapScreen />;
  if ((match("/hotline", path) || match("/hotline/:id", path)) && hasParty(me)) return <HotlineScreen />;
  if ((match("/incidents", path) || match("/incidents/:id", path)) && hasParty(me)) return <IncidentsScreen />;
  if ((match("/intake", path) || match("/intake/:id", path)) && hasParty(me)) return <IntakeScreen />;
  if (match("/talks", path) && hasParty(me)) return <TalksScreen />;
  if (match("/indicators", path) && hasParty(me)) return <IndicatorsScreen />;
  if (match("/reports", path) && hasParty(me)) return <ReportsScreen />;
  if (match("/public", path)) return <PublicScreen />;
  if (match("/account", path)) return <AccountScreen />;
  if (match("/admin", path) && me.user.role === "admin") return <AdminScreen />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1 tabIndex={-1}>{t("common.notFound")}</h1>
      <p><a href="/" onClick={(e) => { e.preventDefault(); navigate("/"); }}>{t("nav.home")}</a></p>
    </section>
  );
}

function DemoBanner({ demo }: { demo: boolean }) {
  const { t } = useI18n();
  if (!demo) return null;
  return <div className="demo-banner" role="note">{t("app.demoBanner")}</div>;
}

function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t("app.language")}</span>
      <select value={lang} onChange={(e) => { if (isLang(e.target.value)) setLang(e.target.value); }} data-testid="language">
        {languages.map((l) => <option key={l} value={l} lang={l}>{languageNames[l]}</option>)}
      </select>
    </label>
  );
}

function useDemoFlag(): boolean {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    api.get("/api/health", healthSchema.pick({ demo: true }).extend({ status: z.string() })).then((h) => setDemo(h.demo)).catch(() => undefined);
  }, []);
  return demo;
}

export function App() {
  const { me, ready, signOut } = useSession();
  const { t } = useI18n();
  const path = usePath();
  const demoFromHealth = useDemoFlag();

  if (!ready) return <p className="muted boot" role="status">{t("common.loading")}</p>;

  if (!me) {
    return (
      <>
        <DemoBanner demo={demoFromHealth} />
        <header className="topbar">
          <span className="brand">{t("app.name")}</span>
          <LanguageSwitcher />
        </header>
        {match("/public", path) ? (
          <main id="main" className="content public-main">
            <p><a href="/" onClick={(e) => { e.preventDefault(); navigate("/"); }}>{t("login.title")}</a></p>
            <Suspense fallback={<p className="muted" role="status">{t("common.loading")}</p>}><PublicScreen /></Suspense>
          </main>
        ) : (
          <main id="main" className="login-main">
            <div className="stack">
              <LoginScreen />
              <p className="public-link"><a href="/public" onClick={(e) => { e.preventDefault(); navigate("/public"); }}>{t("public.link")}</a></p>
            </div>
          </main>
        )}
      </>
    );
  }

  const items = navItems.filter((i) => i.show(me));
  const current = (p: string) => (p === "/" ? path === "/" : path === p || path.startsWith(`${p}/`));
  return (
    <RealtimeProvider key={me.user.id}>
      <a className="skip-link" href="#main">{t("app.skip")}</a>
      <DemoBanner demo={me.demo} />
      <header className="topbar">
        <span className="brand">{t("app.name")}</span>
        <span className="whoami" data-testid="whoami">
          {me.user.display_name}
          {me.user.party && <span className="party-tag">{me.user.party}</span>}
          <span className="muted"> · {t(`role.${me.user.role}` as MessageKey)}</span>
        </span>
        <LanguageSwitcher />
        <button type="button" className="link-button" onClick={() => { void signOut().then(() => navigate("/")); }}>{t("app.signOut")}</button>
      </header>
      <div className="layout">
        <nav className="sidenav" aria-label={t("nav.label")} data-testid="nav">
          <ul>
            {items.map((i) => (
              <li key={i.path}>
                <a href={i.path} aria-current={current(i.path) ? "page" : undefined} onClick={(e) => { e.preventDefault(); navigate(i.path); }}>
                  {t(i.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" key={path.split("/")[1]}>
          <Suspense fallback={<p className="muted" role="status">{t("common.loading")}</p>}>{screenFor(path, me)}</Suspense>
        </main>
      </div>
    </RealtimeProvider>
  );
}
