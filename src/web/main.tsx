// Entry point: bundled fonts (served from this origin), styles, providers.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/700.css";
import "@fontsource/noto-sans-arabic/400.css";
import "@fontsource/noto-sans-arabic/700.css";
import "@fontsource/noto-sans-hebrew/400.css";
import "@fontsource/noto-sans-hebrew/700.css";
import "./styles.css";
import { I18nProvider } from "./i18n/i18n.tsx";
import { SessionProvider } from "./app/session.tsx";
import { App } from "./app/App.tsx";
import { prefetchPoints } from "./map/points.ts";

// Arriving on the map: fetch its code and then its points now, not after the
// session check and the first render.
if (/^\/map(\/|$)/.test(location.pathname)) prefetchPoints();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
