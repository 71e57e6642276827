// Who is signed in. The session itself is an httpOnly cookie; the app only
// keeps what /api/auth/me says (user, party, CSRF token) and drops it on a 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { meSchema, okSchema, type MeDto } from "../../core/api/accounts.ts";
import { api } from "../api/client.ts";

export interface Session {
  me: MeDto | null;
  /** false until the first /api/auth/me answered. */
  ready: boolean;
  signedIn: (me: MeDto) => void;
  signOut: () => Promise<void>;
}

const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeDto | null>(null);
  const [ready, setReady] = useState(false);

  const signedIn = useCallback((m: MeDto) => {
    api.setCsrf(m.csrf_token);
    setMe(m);
  }, []);

  useEffect(() => {
    let alive = true;
    api.get("/api/auth/me", meSchema)
      .then((m) => { if (alive) signedIn(m); })
      .catch(() => { /* not signed in: the login screen shows */ })
      .finally(() => { if (alive) setReady(true); });
    const off = api.onUnauthenticated(() => {
      api.setCsrf(null);
      setMe(null);
    });
    return () => { alive = false; off(); };
  }, [signedIn]);

  const signOut = useCallback(async () => {
    try { await api.post("/api/auth/logout", okSchema); } catch { /* the session may already be gone */ }
    api.setCsrf(null);
    setMe(null);
  }, []);

  const value = useMemo(() => ({ me, ready, signedIn, signOut }), [me, ready, signedIn, signOut]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error("useSession outside SessionProvider");
  return v;
}

/** The signed-in user; screens behind the login gate only. */
export function useMe(): MeDto {
  const { me } = useSession();
  if (!me) throw new Error("useMe without a session");
  return me;
}
