// The hotline: threads my party is in, one thread's signed messages with
// their receipts and reply deadlines (live), and the composer: draw the area
// on the map, give the window and forces, see the agreement check, sign in
// the browser and send.
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { z } from "zod";
import type { Receipt, Timing } from "../../core/hotline/protocol.ts";
import { partySchema, listOf } from "../../core/api/accounts.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useRealtime } from "../api/realtime.tsx";
import { match, navigate, usePath } from "../app/router.ts";
import { useMe } from "../app/session.tsx";
import { useI18n, type I18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { ErrorNote, Field, Loading, Pill, ScreenTitle } from "../components/common.tsx";
import { LazyMap } from "../map/LazyMap.tsx";
import { loadBasemap } from "../map/basemap.ts";
import { checkResultSchema, countdown, deadlineList, deploymentId, messageList, msUntil, receiptSchema, sendResponse, threadList, threadSchema, type DeadlineView, type MessageView } from "./common.ts";
import { signMessage } from "./keys.ts";
import { useNow } from "./useNow.ts";
import { findingWords } from "./findings.ts";
import { useZoneLabel } from "../app/zones.ts";

type Thread = z.infer<typeof threadSchema>;
type CheckResult = z.infer<typeof checkResultSchema>;

export default function HotlineScreen() {
  const { t } = useI18n();
  const path = usePath();
  const threadId = match("/hotline/:id", path)?.id ?? null;
  const threads = useApi(() => api.get("/api/hotline/threads", threadList), []);
  useRealtime(["hotline.thread", "hotline.message"], () => threads.reload());
  return (
    <section>
      <ScreenTitle>{t("hotline.title")}</ScreenTitle>
      <div className="hotline-layout">
        <aside className="thread-list" aria-label={t("hotline.threads")}>
          <h2>{t("hotline.threads")}</h2>
          {threads.loading && !threads.data && <Loading />}
          <ErrorNote error={threads.error} />
          {threads.data && threads.data.items.length === 0 && <p className="muted">{t("hotline.noThreads")}</p>}
          <ul className="plain" data-testid="threads">
            {threads.data?.items.map((th) => (
              <li key={th.id}>
                <a href={`/hotline/${th.id}`} aria-current={th.id === threadId ? "page" : undefined} onClick={(e) => { e.preventDefault(); navigate(`/hotline/${th.id}`); }}>
                  <strong><bdi>{th.title}</bdi></strong>
                  <span className="muted small"> {th.parties.join(" · ")} · {t("hotline.messagesCount", { n: th.last_seq })}</span>
                </a>
              </li>
            ))}
          </ul>
          <NewThread onCreated={(th) => { threads.reload(); navigate(`/hotline/${th.id}`); }} />
        </aside>
        <div className="thread-main">
          {threadId ? <ThreadView key={threadId} threadId={threadId} /> : <p className="muted">{t("hotline.pickThread")}</p>}
        </div>
      </div>
    </section>
  );
}

function NewThread({ onCreated }: { onCreated: (t: Thread) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const parties = useApi(() => api.get("/api/parties", listOf(partySchema)), []);
  const others = (parties.data?.items ?? []).filter((p) => p.kind === "party" && p.id !== me.user.party);
  const [title, setTitle] = useState("");
  const [party, setParty] = useState("");
  const [via, setVia] = useState<"mediator" | "direct">("mediator");
  const [error, setError] = useState<unknown>(null);
  if (me.party_kind !== "party" && me.party_kind !== "mediator") return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const th = await api.post("/api/hotline/threads", threadSchema, { title, parties: [party || others[0]?.id].filter(Boolean), via });
      setTitle("");
      onCreated(th);
    } catch (err) { setError(err); }
  };
  return (
    <details className="new-thread">
      <summary>{t("hotline.newThread")}</summary>
      <form onSubmit={(e) => { void submit(e); }}>
        <Field label={t("hotline.threadTitle")}>{(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />}</Field>
        <Field label={t("hotline.otherParty")}>
          {(id) => <select id={id} value={party || others[0]?.id || ""} onChange={(e) => setParty(e.target.value)}>{others.map((p) => <option key={p.id} value={p.id}>{p.id} — {p.name}</option>)}</select>}
        </Field>
        <Field label={t("hotline.via")}>
          {(id) => (
            <select id={id} value={via} onChange={(e) => setVia(e.target.value === "direct" ? "direct" : "mediator")}>
              <option value="mediator">{t("hotline.viaMediator")}</option>
              <option value="direct">{t("hotline.viaDirect")}</option>
            </select>
          )}
        </Field>
        <button type="submit">{t("hotline.open")}</button>
        <ErrorNote error={error} />
      </form>
    </details>
  );
}

interface ReceiptState { delivered: Record<string, string>; read: Record<string, string> }

function ThreadView({ threadId }: { threadId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const thread = useApi(() => api.get(`/api/hotline/threads/${threadId}`, threadSchema), [threadId]);
  const [messages, setMessages] = useState<MessageView[]>([]);
  const [receipts, setReceipts] = useState<Record<string, ReceiptState>>({});
  const deadlines = useApi(() => api.get("/api/hotline/deadlines?open=false", deadlineList), [threadId]);
  const [error, setError] = useState<unknown>(null);

  const addReceipt = useCallback((r: Receipt) => {
    const b = r.body;
    if (b.event === "received" || !b.party) return;
    const ev = b.event;
    const party = b.party;
    setReceipts((cur) => {
      const s = cur[b.message_id] ?? { delivered: {}, read: {} };
      return { ...cur, [b.message_id]: { ...s, [ev]: { ...s[ev], [party]: b.at } } };
    });
  }, []);

  const markRead = useCallback(async (ms: MessageView[]) => {
    for (const m of ms) {
      if (m.sender.party === me.user.party || !me.user.party) continue;
      try { addReceipt(await api.post(`/api/hotline/messages/${m.id}/read`, receiptSchema)); } catch { /* read receipts are best effort */ }
    }
  }, [me.user.party, addReceipt]);

  useEffect(() => {
    let alive = true;
    api.get(`/api/hotline/threads/${threadId}/messages?limit=500`, messageList)
      .then((r) => { if (alive) { setMessages(r.items); void markRead(r.items); } })
      .catch((e: unknown) => { if (alive) setError(e); });
    return () => { alive = false; };
  }, [threadId, markRead]);

  // Receipts to other parties are not pushed to everyone: read them from the thread's export when the thread moves.
  const loadReceipts = useCallback(() => {
    api.get(`/api/hotline/threads/${threadId}/export`, z.object({ receipts: z.array(receiptSchema) }).passthrough())
      .then((x) => x.receipts.forEach(addReceipt))
      .catch(() => { /* receipts stay as pushed */ });
  }, [threadId, addReceipt]);
  useEffect(() => {
    loadReceipts();
    const id = setInterval(loadReceipts, 30_000);
    return () => clearInterval(id);
  }, [loadReceipts]);

  // The event is a summary; the message itself (signature, receipt, checks) is fetched, which also records delivery.
  useRealtime(["hotline.message"], (ev) => {
    const summary = ev.payload as { id: string; thread_id: string };
    if (summary.thread_id !== threadId) return;
    api.get(`/api/hotline/messages/${encodeURIComponent(summary.id)}`, sendResponse)
      .then((m) => {
        setMessages((cur) => (cur.some((x) => x.id === m.id) ? cur : [...cur, m].sort((a, b) => a.seq - b.seq)));
        void markRead([m]);
        deadlines.reload();
        loadReceipts();
      })
      .catch((e: unknown) => setError(e));
  });
  useRealtime(["hotline.receipt"], (ev) => {
    const r = receiptSchema.safeParse(ev.payload);
    if (r.success && r.data.body.thread_id === threadId) addReceipt(r.data);
  });
  useRealtime(["hotline.deadline", "hotline.escalation"], () => deadlines.reload());

  const byMessage = useMemo(() => {
    const m = new Map<string, DeadlineView[]>();
    for (const d of deadlines.data?.items ?? []) if (d.thread_id === threadId) m.set(d.message_id, [...(m.get(d.message_id) ?? []), d]);
    return m;
  }, [deadlines.data, threadId]);

  const sent = (m: MessageView) => {
    setMessages((cur) => (cur.some((x) => x.id === m.id) ? cur : [...cur, m].sort((a, b) => a.seq - b.seq)));
    deadlines.reload();
  };

  if (thread.error) return <ErrorNote error={thread.error} />;
  if (!thread.data) return <Loading />;
  const th = thread.data;
  const canSend = me.user.party !== null && th.parties.includes(me.user.party) && (me.user.role === "liaison" || me.user.role === "mediator");
  return (
    <div data-testid="thread">
      <h2><bdi>{th.title}</bdi></h2>
      <p className="muted small">{th.parties.join(" · ")} · {th.via === "mediator" ? t("hotline.viaMediator") : t("hotline.viaDirect")}</p>
      <ErrorNote error={error} />
      <ol className="messages" aria-label={t("hotline.messages")}>
        {messages.map((m) => (
          <MessageCard key={m.id} m={m} receipts={receipts[m.id]} deadlines={byMessage.get(m.id) ?? []} canReply={canSend && m.sender.party !== me.user.party} onSent={sent} />
        ))}
      </ol>
      {canSend && <Composer threadId={threadId} onSent={sent} />}
    </div>
  );
}

function ForcesSummary({ body }: { body: Record<string, unknown> }) {
  const { t, num } = useI18n();
  const f = (body.forces ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of ["troops", "brigades", "tanks", "sam", "aircraft", "police"] as const) {
    const v = f[k];
    if (typeof v === "number" && v > 0) parts.push(`${t(`forces.${k}`)}: ${num(v)}`);
  }
  const art = Array.isArray(f.artillery) ? (f.artillery as { count: number }[]).reduce((s, a) => s + a.count, 0) : 0;
  if (art) parts.push(`${t("forces.artillery")}: ${num(art)}`);
  return <span>{parts.length ? parts.join(" · ") : t("forces.none")}</span>;
}

/** How far ahead a notification came against what the procedure asks, in hours (as received by the server). */
function leadText(t: I18n["t"], num: I18n["num"], timing: Timing): string {
  return t("hotline.lead", { have: num(Math.round((timing.lead_minutes / 60) * 10) / 10), need: num(timing.required_lead_minutes / 60) });
}

function MessageCard({ m, receipts, deadlines, canReply, onSent }: { m: MessageView; receipts: ReceiptState | undefined; deadlines: DeadlineView[]; canReply: boolean; onSent: (m: MessageView) => void }) {
  const { t, dateTime, num } = useI18n();
  const now = useNow();
  const body = (m.body ?? {}) as Record<string, unknown>;
  const win = body.window as { start: string; end: string } | undefined;
  const text = typeof body.text === "string" ? body.text : typeof body.description === "string" ? body.description : null;
  const open = deadlines.filter((d) => !d.met_at);
  return (
    <li className={`message card kind-${m.kind}`} data-testid={`message-${m.seq}`} data-kind={m.kind}>
      <div className="message-head">
        <Pill tone="info">{t(`kind.${m.kind}` as MessageKey)}</Pill>
        <strong>{m.sender.party}</strong>
        <span className="muted small">#{m.seq} · {dateTime(m.received_at)}</span>
        {m.timing?.late && <Pill tone="warn">{t("hotline.lateNotice")}</Pill>}
        {m.checks && m.checks.status !== "compliant" && <Pill tone={m.checks.status === "breach" ? "bad" : "warn"}>{t(`check.${m.checks.status}` as MessageKey)}</Pill>}
      </div>
      {win && <p>{t("hotline.window")}: <bdi>{dateTime(win.start)}</bdi> – <bdi>{dateTime(win.end)}</bdi></p>}
      {m.kind === "notification" && <p><ForcesSummary body={body} /></p>}
      {m.timing && <p className="muted small" data-testid="lead">{leadText(t, num, m.timing)}</p>}
      {text && <p className="message-text"><bdi>{text}</bdi></p>}
      {m.refers_to && <p className="muted small">{t("hotline.refersTo", { id: m.refers_to })}</p>}
      <p className="receipts small" data-testid="receipts">
        <span title={m.receipt.body.at}>✓ {t("hotline.received")}</span>
        {Object.entries(receipts?.delivered ?? {}).map(([p, at]) => <span key={`d${p}`} title={at}> · ✓✓ {t("hotline.deliveredTo", { party: p })}</span>)}
        {Object.entries(receipts?.read ?? {}).map(([p, at]) => <span key={`r${p}`} title={at} data-testid="read-receipt"> · ✓✓✓ {t("hotline.readBy", { party: p })}</span>)}
        <span className="muted"> · {t("hotline.signed")}</span>
      </p>
      {deadlines.map((d) => {
        const left = msUntil(d.due_at, now);
        return (
          <p key={d.id} className="deadline small" data-testid="deadline">
            {d.met_at ? <Pill tone="ok">{t("hotline.replied", { kind: t(`kind.${d.reply_kind}` as MessageKey) })}</Pill>
              : left >= 0 ? <Pill tone="warn">{t("hotline.dueIn", { kind: t(`kind.${d.reply_kind}` as MessageKey), time: countdown(left) })}</Pill>
              : <Pill tone="bad">{t("hotline.overdueBy", { kind: t(`kind.${d.reply_kind}` as MessageKey), time: countdown(left) })}</Pill>}
            {d.escalation_level > 0 && <> <Pill tone="bad">{t("hotline.escalated", { level: d.escalation_level })}</Pill></>}
          </p>
        );
      })}
      {canReply && open.length > 0 && <ReplyForm m={m} kinds={[...new Set(open.map((d) => d.reply_kind))]} onSent={onSent} />}
    </li>
  );
}

function ReplyForm({ m, kinds, onSent }: { m: MessageView; kinds: string[]; onSent: (m: MessageView) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reply = async (kind: "acknowledgement" | "answer" | "response") => {
    setBusy(true);
    setError(null);
    try {
      const body = kind === "acknowledgement" ? (text ? { text } : {}) : { text: text || "—" };
      const signed = await signMessage({ deployment: await deploymentId(), threadId: m.thread_id, userId: me.user.id, kind, body, refersTo: m.id });
      onSent(await api.post(`/api/hotline/threads/${m.thread_id}/messages`, sendResponse, signed));
      setText("");
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <div className="reply">
      <Field label={t("hotline.replyText")}>{(id) => <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} />}</Field>
      <div className="row-actions">
        {kinds.map((k) => (
          <button key={k} type="button" className="primary" disabled={busy} onClick={() => { void reply(k as "acknowledgement"); }}>
            {t("hotline.signAndSendKind", { kind: t(`kind.${k}` as MessageKey) })}
          </button>
        ))}
      </div>
      <ErrorNote error={error} />
    </div>
  );
}

const toLocalInput = (d: Date) => d.toISOString().slice(0, 16);
const fromLocalInput = (s: string) => new Date(`${s}:00.000Z`).toISOString();

function Composer({ threadId, onSent }: { threadId: string; onSent: (m: MessageView) => void }) {
  const { t, num, dateTime } = useI18n();
  const zoneName = useZoneLabel();
  const me = useMe();
  const basemap = useApi(() => loadBasemap(), []);
  const [kind, setKind] = useState<"notification" | "query" | "closure">("notification");
  const [points, setPoints] = useState<[number, number][]>([]);
  const [drawing, setDrawing] = useState(true);
  const [start, setStart] = useState(() => toLocalInput(new Date(Date.now() + 8 * 3600_000)));
  const [end, setEnd] = useState(() => toLocalInput(new Date(Date.now() + 12 * 3600_000)));
  const [forces, setForces] = useState({ troops: 0, tanks: 0, artillery: 0, sam: 0, aircraft: 0 });
  const [text, setText] = useState("");
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [sendAnyway, setSendAnyway] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);

  const body = () => {
    if (kind !== "notification") return kind === "closure" ? (text ? { text } : {}) : { text };
    const ring = [...points, points[0]!];
    return {
      area: points.length >= 3 ? { type: "Polygon", coordinates: [ring] } : { type: "Point", coordinates: points[0] ?? [0, 0] },
      window: { start: fromLocalInput(start), end: fromLocalInput(end) },
      forces: { troops: forces.troops, tanks: forces.tanks, sam: forces.sam, aircraft: forces.aircraft, artillery: forces.artillery ? [{ count: forces.artillery }] : [] },
      ...(text ? { description: text } : {}),
    };
  };
  const invalidate = () => { setCheck(null); setSendAnyway(false); };

  const runCheck = async (): Promise<CheckResult | null> => {
    setError(null);
    try {
      const r = await api.post("/api/hotline/check", checkResultSchema, { thread_id: threadId, body: body() });
      setCheck(r);
      return r;
    } catch (e) { setError(e); return null; }
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      if (kind === "notification") {
        if (points.length < 1) { setError(new Error(t("hotline.drawFirst"))); return; }
        const r = check ?? (await runCheck());
        if (!r) return;
        if (r.status === "breach" && !sendAnyway) { setStatus(t("hotline.breachConfirm")); return; }
      }
      setStatus(t("hotline.signing"));
      const signed = await signMessage({ deployment: await deploymentId(), threadId, userId: me.user.id, kind, body: body() });
      const m = await api.post(`/api/hotline/threads/${threadId}/messages`, sendResponse, signed);
      onSent(m);
      setStatus(t("hotline.sent", { seq: m.seq }));
      setPoints([]);
      setText("");
      invalidate();
    } catch (err) { setStatus(null); setError(err); } finally { setBusy(false); }
  };

  const forceField = (k: keyof typeof forces) => (
    <Field key={k} label={t(`forces.${k}`)}>
      {(id) => <input id={id} type="number" min={0} step={1} value={forces[k]} onChange={(e) => { setForces({ ...forces, [k]: Math.max(0, Math.floor(Number(e.target.value) || 0)) }); invalidate(); }} />}
    </Field>
  );

  return (
    <form className="card composer" onSubmit={(e) => { void send(e); }} aria-label={t("hotline.compose")}>
      <h3>{t("hotline.compose")}</h3>
      <Field label={t("hotline.kind")}>
        {(id) => (
          <select id={id} value={kind} onChange={(e) => { setKind(e.target.value as typeof kind); invalidate(); }}>
            <option value="notification">{t("kind.notification")}</option>
            <option value="query">{t("kind.query")}</option>
            <option value="closure">{t("kind.closure")}</option>
          </select>
        )}
      </Field>
      {kind === "notification" && (
        <>
          <fieldset>
            <legend>{t("hotline.area")}</legend>
            <p className="muted small" id="draw-help">{t("hotline.drawHelp")}</p>
            {basemap.data && (
              <div className="composer-map">
                <LazyMap basemap={basemap.data} label={t("hotline.drawLabel")} draft={points} onMapClick={drawing ? (p) => { setPoints((cur) => [...cur, p]); invalidate(); } : undefined} />
              </div>
            )}
            <div className="row-actions">
              <button type="button" onClick={() => setDrawing(!drawing)} aria-pressed={drawing}>{t("hotline.drawMode")}</button>
              <button type="button" onClick={() => { setPoints((cur) => cur.slice(0, -1)); invalidate(); }} disabled={!points.length}>{t("hotline.undoPoint")}</button>
              <button type="button" onClick={() => { setPoints([]); invalidate(); }} disabled={!points.length}>{t("hotline.clearArea")}</button>
              <span className="muted small" data-testid="vertex-count" aria-live="polite">{t("hotline.vertices", { n: points.length })}</span>
            </div>
          </fieldset>
          <div className="grid-form">
            <Field label={t("hotline.start")} hint={t("hotline.utc")}>{(id, h) => <input id={id} type="datetime-local" value={start} onChange={(e) => { setStart(e.target.value); invalidate(); }} aria-describedby={h} dir="ltr" />}</Field>
            <Field label={t("hotline.end")} hint={t("hotline.utc")}>{(id, h) => <input id={id} type="datetime-local" value={end} onChange={(e) => { setEnd(e.target.value); invalidate(); }} aria-describedby={h} dir="ltr" />}</Field>
            {(["troops", "tanks", "artillery", "sam", "aircraft"] as const).map(forceField)}
          </div>
        </>
      )}
      <Field label={kind === "notification" ? t("hotline.description") : t("hotline.replyText")}>
        {(id) => <textarea id={id} rows={3} value={text} onChange={(e) => { setText(e.target.value); invalidate(); }} required={kind === "query"} />}
      </Field>
      {kind === "notification" && (
        <div className="row-actions">
          <button type="button" onClick={() => { void runCheck(); }} disabled={points.length < 1}>{t("hotline.check")}</button>
        </div>
      )}
      {check && (
        <div className={`check check-${check.status}`} role="status" data-testid="check-result" data-status={check.status}>
          <p><strong>{t(`check.${check.status}` as MessageKey)}</strong></p>
          <ul>
            {check.findings.filter((f) => f.status !== "compliant").map((f, i) => {
              const w = findingWords({ t, num }, f, zoneName);
              return <li key={i} data-testid="finding"><Pill tone={f.status === "breach" ? "bad" : "warn"}>{t(`check.${f.status}` as MessageKey)}</Pill> {w.english ? <span lang="en" dir="ltr">{w.text}</span> : <span>{w.text}</span>}</li>;
            })}
            {check.overlaps.map((o) => <li key={o.message_id}><Pill tone="warn">{t("check.overlap")}</Pill> {t("check.overlapWith", { party: o.party, start: dateTime(o.start), end: dateTime(o.end) })}</li>)}
            {check.timing && <li>{check.timing.late ? <Pill tone="warn">{t("hotline.lateNotice")}</Pill> : <Pill tone="ok">{t("hotline.noticeOk")}</Pill>} {leadText(t, num, check.timing)}</li>}
          </ul>
          {check.status === "breach" && (
            <label className="confirm"><input type="checkbox" checked={sendAnyway} onChange={(e) => setSendAnyway(e.target.checked)} /> {t("hotline.sendAnyway")}</label>
          )}
        </div>
      )}
      <div className="row-actions">
        <button type="submit" className="primary" disabled={busy}>{t("hotline.signAndSend")}</button>
        {status && <span role="status" className="small">{status}</span>}
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
