// One server-sent event stream per signed-in tab (GET /api/events); screens
// subscribe by event type. EventSource reconnects by itself and resends
// Last-Event-ID, so the server replays what was missed.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

export interface RealtimeEvent {
  id: number;
  type: string;
  at: string;
  payload: unknown;
}
type Handler = (ev: RealtimeEvent) => void;

interface Realtime {
  subscribe: (types: string[], fn: Handler) => () => void;
  connected: boolean;
}

const Ctx = createContext<Realtime | null>(null);
const TYPES = ["hotline.message", "hotline.receipt", "hotline.deadline", "hotline.escalation", "hotline.thread", "incident.created", "incident.updated", "intake.proposed", "commitment.changed", "inspection.overdue", "inspection.completed", "meeting.created", "window.scheduled"];

export function RealtimeProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<string, Set<Handler>>());
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const es = new EventSource("/api/events");
    const dispatch = (e: MessageEvent<string>) => {
      let ev: RealtimeEvent;
      try { ev = JSON.parse(e.data) as RealtimeEvent; } catch { return; }
      handlers.current.get(ev.type)?.forEach((fn) => fn(ev));
      handlers.current.get("*")?.forEach((fn) => fn(ev));
    };
    for (const t of TYPES) es.addEventListener(t, dispatch);
    es.onmessage = dispatch;
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    return () => es.close();
  }, []);
  const value = useMemo<Realtime>(() => ({
    connected,
    subscribe: (types, fn) => {
      for (const t of types) {
        let s = handlers.current.get(t);
        if (!s) handlers.current.set(t, (s = new Set()));
        s.add(fn);
      }
      return () => { for (const t of types) handlers.current.get(t)?.delete(fn); };
    },
  }), [connected]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** Calls fn for each event of these types while the component is mounted. */
export function useRealtime(types: string[], fn: Handler): void {
  const rt = useContext(Ctx);
  const latest = useRef(fn);
  latest.current = fn;
  const key = types.join(",");
  useEffect(() => {
    if (!rt) return;
    return rt.subscribe(key.split(","), (ev) => latest.current(ev));
  }, [rt, key]);
}

export function useRealtimeConnected(): boolean {
  return useContext(Ctx)?.connected ?? false;
}
