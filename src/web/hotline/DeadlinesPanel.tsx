// Home: what needs me now on the hotline — open reply deadlines with live
// countdowns, overdue ones first, and escalations as they arrive.
import { useState } from "react";
import { api } from "../api/client.ts";
import { useApi } from "../api/use-api.ts";
import { useRealtime } from "../api/realtime.tsx";
import { navigate } from "../app/router.ts";
import { useMe } from "../app/session.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/en.ts";
import { ErrorNote, Pill } from "../components/common.tsx";
import { countdown, deadlineList, msUntil, threadList } from "./common.ts";
import { useNow } from "./useNow.ts";

interface Escalation { level: number; thread_id: string; thread_title: string; sender_party: string; reply_kind: string; overdue_minutes: number; parties: string[] }

export default function DeadlinesPanel() {
  const { t } = useI18n();
  const me = useMe();
  const now = useNow();
  const deadlines = useApi(() => api.get("/api/hotline/deadlines", deadlineList), []);
  const threads = useApi(() => api.get("/api/hotline/threads", threadList), []);
  const [escalations, setEscalations] = useState<Escalation[]>([]);
  useRealtime(["hotline.message", "hotline.deadline"], () => deadlines.reload());
  useRealtime(["hotline.escalation"], (ev) => {
    threads.reload();
    setEscalations((cur) => [ev.payload as Escalation, ...cur].slice(0, 20));
    deadlines.reload();
  });
  const mediatorOf = (id: string) => threads.data?.items.find((x) => x.id === id)?.mediator ?? null;
  const title = (id: string) => threads.data?.items.find((x) => x.id === id)?.title ?? id;
  const items = [...(deadlines.data?.items ?? [])].sort((a, b) => a.due_at.localeCompare(b.due_at));
  return (
    <article className="card wide" data-testid="deadlines-panel">
      <h2>{t("home.needsMe")}</h2>
      {escalations.length > 0 && (
        <div role="alert" className="escalations" data-testid="escalations">
          {escalations.map((e, i) => (
            <p key={i}>
              <Pill tone="bad">{t("hotline.escalated", { level: e.level })}</Pill>{" "}
              {t("home.escalationText", { party: e.parties.filter((p) => p !== e.sender_party && p !== mediatorOf(e.thread_id)).join(", "), kind: t(`kind.${e.reply_kind}` as MessageKey), title: e.thread_title, minutes: e.overdue_minutes })}
            </p>
          ))}
        </div>
      )}
      <ErrorNote error={deadlines.error} />
      {deadlines.data && items.length === 0 && <p className="muted">{t("home.nothingDue")}</p>}
      <ul className="plain">
        {items.map((d) => {
          const left = msUntil(d.due_at, now);
          const mine = me.user.party !== null; // the API lists deadlines in my party's threads
          return (
            <li key={d.id} data-testid="due-item">
              {left >= 0 ? <Pill tone="warn">{countdown(left)}</Pill> : <Pill tone="bad">{t("home.overdue", { time: countdown(left) })}</Pill>}{" "}
              {d.escalation_level > 0 && <><Pill tone="bad">{t("hotline.escalated", { level: d.escalation_level })}</Pill>{" "}</>}
              {t("home.dueText", { kind: t(`kind.${d.reply_kind}` as MessageKey) })}{" — "}
              <a href={`/hotline/${d.thread_id}`} onClick={(e) => { e.preventDefault(); navigate(`/hotline/${d.thread_id}`); }}>{mine ? title(d.thread_id) : d.thread_id}</a>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
