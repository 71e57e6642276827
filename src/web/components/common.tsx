// Small shared pieces: error display, field with label, screen heading that
// takes focus on arrival, status pills.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { ApiError } from "../api/client.ts";
import { useI18n } from "../i18n/i18n.tsx";

export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  let text: string;
  if (error instanceof ApiError) {
    text = error.code === "network" ? t("error.network") : error.message;
    if (error.details.length) text += ` (${error.details.map((d) => `${d.path}: ${d.problem}`).join("; ")})`;
  } else if (error instanceof Error && error.message) text = error.message;
  else text = t("error.unexpected");
  return <p className="error" role="alert">{text}</p>;
}

export function Field({ label, hint, children }: { label: string; hint?: string; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && <small id={hintId} className="hint">{hint}</small>}
    </div>
  );
}

/** The screen's h1; focused when the screen opens so focus never stays on a vanished link. */
export function ScreenTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return (
    <div className="screen-title">
      <h1 ref={ref} tabIndex={-1}>{children}</h1>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" role="status">{t("common.loading")}</p>;
}

export function Pill({ tone, children }: { tone: "ok" | "warn" | "bad" | "info" | "muted"; children: ReactNode }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}
