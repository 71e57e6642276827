// A tiny history router: the app has a handful of top-level screens and
// record pages (/incidents/:id), which does not warrant a routing library.
import { useEffect, useSyncExternalStore, type RefObject } from "react";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((fn) => fn());
window.addEventListener("popstate", notify);

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export function useSearch(): URLSearchParams {
  const s = useSyncExternalStore(subscribe, () => location.search);
  return new URLSearchParams(s);
}

/** Matches "/incidents/:id" against a path; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/");
  const a = path.replace(/\/+$/, "").split("/");
  if (p.length !== a.length && !(path === "/" && pattern === "/")) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    const val = a[i] ?? "";
    if (seg.startsWith(":")) {
      if (!val) return null;
      out[seg.slice(1)] = decodeURIComponent(val);
    } else if (seg !== val) return null;
  }
  return out;
}

/** Moves focus to the screen's main heading after navigation, so keyboard and screen-reader users land on the new content. */
export function useFocusHeading(ref: RefObject<HTMLElement | null>, key: string): void {
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [ref, key]);
}
