// Articles in by every way the server takes them besides pasting: a file
// upload (.txt, .md, .html), a web page the server fetches by its address,
// and RSS/Atom feeds the server polls (add, pause or resume, check now).
import { useState, type FormEvent } from "react";
import { feedListSchema, feedPollSchema, feedSchema, ingestSchema, type FeedDto, type IngestResult } from "../../core/api/intake.ts";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { ErrorNote, Field, Loading, Pill } from "../components/common.tsx";

type Done = (firstProposal: string | null) => void;

/** Submits one article source; the outcome is kept as data so a language switch re-words it. */
function useIngest(onDone: Done) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<{ n: number; duplicate: boolean } | null>(null);
  const run = async (send: () => Promise<IngestResult>): Promise<boolean> => {
    setBusy(true); setError(null); setResult(null);
    try {
      const r = await send();
      setResult({ n: r.proposals.length, duplicate: r.duplicate !== null });
      onDone(r.proposals.find((p) => p.status === "pending")?.id ?? null);
      return true;
    } catch (err) { setError(err); return false; } finally { setBusy(false); }
  };
  return { busy, error, result, run };
}

function Outcome({ error, result }: { error: unknown; result: { n: number; duplicate: boolean } | null }) {
  const { t, num } = useI18n();
  return (
    <>
      <ErrorNote error={error} />
      {result && <p className="notice" role="status">{result.duplicate ? t("intake.pastedDuplicate") : t("intake.pasted", { n: num(result.n) })}</p>}
    </>
  );
}

const withPublished = (published: string) => (published ? `&published=${encodeURIComponent(published)}` : "");

export function UploadArticle({ onDone }: { onDone: Done }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [published, setPublished] = useState("");
  const [inputKey, setInputKey] = useState(0);
  const ingest = useIngest(onDone);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const ok = await ingest.run(() => api.upload(`/api/intake/articles/upload?file_name=${encodeURIComponent(file.name)}${withPublished(published)}`, ingestSchema, file));
    if (ok) { setFile(null); setPublished(""); setInputKey((k) => k + 1); }
  };
  return (
    <details className="card paste" data-testid="upload-source">
      <summary>{t("intake.upload")}</summary>
      <form onSubmit={(e) => { void submit(e); }} data-testid="upload-form">
        <Field label={t("intake.uploadFile")} hint={t("intake.uploadHint")}>
          {(id, hint) => <input key={inputKey} id={id} type="file" accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html" aria-describedby={hint} onChange={(e) => setFile(e.target.files?.[0] ?? null)} required />}
        </Field>
        <Field label={t("intake.published")}>{(id) => <input id={id} type="date" dir="ltr" value={published} onChange={(e) => setPublished(e.target.value)} />}</Field>
        <button type="submit" className="primary" disabled={ingest.busy || !file}>{ingest.busy ? t("intake.extracting") : t("intake.uploadSubmit")}</button>
        <Outcome error={ingest.error} result={ingest.result} />
      </form>
    </details>
  );
}

export function FetchArticle({ onDone }: { onDone: Done }) {
  const { t } = useI18n();
  const [url, setUrl] = useState("");
  const [published, setPublished] = useState("");
  const ingest = useIngest(onDone);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await ingest.run(() => api.post("/api/intake/articles/fetch", ingestSchema, { url: url.trim(), ...(published ? { published } : {}) }));
    if (ok) { setUrl(""); setPublished(""); }
  };
  return (
    <details className="card paste" data-testid="fetch-source">
      <summary>{t("intake.fetchUrl")}</summary>
      <form onSubmit={(e) => { void submit(e); }} data-testid="fetch-form">
        <Field label={t("intake.url")} hint={t("intake.urlHint")}>
          {(id, hint) => <input id={id} type="url" dir="ltr" required value={url} onChange={(e) => setUrl(e.target.value)} aria-describedby={hint} placeholder="https://" />}
        </Field>
        <Field label={t("intake.published")}>{(id) => <input id={id} type="date" dir="ltr" value={published} onChange={(e) => setPublished(e.target.value)} />}</Field>
        <button type="submit" className="primary" disabled={ingest.busy || !url.trim()}>{ingest.busy ? t("intake.extracting") : t("intake.fetchSubmit")}</button>
        <Outcome error={ingest.error} result={ingest.result} />
      </form>
    </details>
  );
}

interface PollOutcome { feed: string; items: number; stored: number; duplicates: number; errors: number }

export function Feeds({ onPolled }: { onPolled: () => void }) {
  const { t, dateTime, num } = useI18n();
  const [open, setOpen] = useState(false);
  const feeds = useApi(async () => (open ? api.get("/api/intake/feeds", feedListSchema) : undefined), [open]);
  const [url, setUrl] = useState("");
  const [interval, setInterval] = useState(60);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [polled, setPolled] = useState<PollOutcome | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true); setError(null);
    try { await fn(); feeds.reload(); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => { await api.post("/api/intake/feeds", feedSchema, { url: url.trim(), interval_minutes: interval }); setUrl(""); });
  };
  const toggle = (f: FeedDto) => act(() => api.patch(`/api/intake/feeds/${encodeURIComponent(f.id)}`, feedSchema, { active: !f.active }));
  const poll = (f: FeedDto) => act(async () => {
    setPolled(null);
    const r = await api.post(`/api/intake/feeds/${encodeURIComponent(f.id)}/poll`, feedPollSchema);
    setPolled({ feed: f.title ?? f.url, items: r.items, stored: r.stored, duplicates: r.duplicates, errors: r.errors.length });
    onPolled();
  });
  return (
    <details className="card paste" data-testid="feeds" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("intake.feeds")}</summary>
      {open && feeds.loading && !feeds.data && <Loading />}
      {feeds.data && feeds.data.items.length === 0 && <p className="muted">{t("intake.noFeeds")}</p>}
      {feeds.data && feeds.data.items.length > 0 && (
        <ul className="plain feed-list" data-testid="feed-list">
          {feeds.data.items.map((f) => (
            <li key={f.id} data-testid="feed" data-active={f.active}>
              <strong><bdi>{f.title ?? f.url}</bdi></strong>{" "}
              {f.active ? <Pill tone="ok">{t("intake.feedActive")}</Pill> : <Pill tone="muted">{t("intake.feedPaused")}</Pill>}
              <br />
              <span className="muted small"><span dir="ltr">{f.url}</span> · {t("intake.feedEvery", { n: num(f.interval_minutes) })} · {f.last_polled_at ? t("intake.lastPolled", { when: dateTime(f.last_polled_at) }) : t("intake.neverPolled")}</span>
              {f.last_error && <><br /><span className="small error-text">{t("intake.feedError", { error: f.last_error })}</span></>}
              <div className="row-actions">
                <button type="button" disabled={busy} onClick={() => { void poll(f); }}>{t("intake.pollNow")}</button>
                <button type="button" disabled={busy} onClick={() => { void toggle(f); }}>{f.active ? t("intake.pauseFeed") : t("intake.resumeFeed")}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {polled && <p className="notice" role="status" data-testid="poll-result">{t("intake.polled", { feed: polled.feed, items: num(polled.items), stored: num(polled.stored), duplicates: num(polled.duplicates), errors: num(polled.errors) })}</p>}
      <form onSubmit={add} data-testid="feed-form">
        <Field label={t("intake.feedUrl")}>{(id) => <input id={id} type="url" dir="ltr" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />}</Field>
        <Field label={t("intake.feedInterval")}>{(id) => <input id={id} type="number" min={5} max={1440} step={5} dir="ltr" value={interval} onChange={(e) => setInterval(Number(e.target.value))} />}</Field>
        <button type="submit" disabled={busy || !url.trim()}>{t("intake.addFeed")}</button>
      </form>
      <ErrorNote error={error} />
    </details>
  );
}
