// Errors that name exactly what is wrong: the file, the feature (index and
// id) and the field for a pack; the line or feature for classifier input.
import type { z } from "zod";

export interface PackIssue {
  file: string;
  /** e.g. "features[3] (line_A)" */
  feature?: string;
  /** e.g. "geometry.coordinates[0][5]" */
  field?: string;
  message: string;
}

export function formatIssue(i: PackIssue): string {
  return [i.file, i.feature, i.field].filter(Boolean).join(" › ") + ": " + i.message;
}

export class PackValidationError extends Error {
  constructor(readonly issues: PackIssue[]) {
    super(`invalid pack (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` + issues.slice(0, 50).map((i) => "  " + formatIssue(i)).join("\n"));
    this.name = "PackValidationError";
  }
}

export interface InputIssue {
  /** 1-based input line (CSV, JSON lines) or feature index, when known. */
  line?: number;
  feature?: number;
  id?: string;
  field?: string;
  message: string;
}

/** Bad classifier or activity input: maps to HTTP 400 or a CLI error. */
export class InputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.slice(0, 20).map((i) => {
      const where = [i.line !== undefined ? `line ${i.line}` : "", i.feature !== undefined ? `feature ${i.feature}` : "", i.id !== undefined ? `id ${i.id}` : "", i.field ?? ""].filter(Boolean).join(", ");
      return (where ? where + ": " : "") + i.message;
    }).join("; ") + (issues.length > 20 ? `; and ${issues.length - 20} more` : ""));
    this.name = "InputError";
  }
}

export function pathToField(path: readonly PropertyKey[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : (s ? "." : "") + String(p);
  return s;
}

/** Turns zod issues on a file into PackIssues, pulling out the feature index and id. */
export function zodToPackIssues(file: string, error: z.ZodError, data: unknown, listKey = "features"): PackIssue[] {
  return error.issues.map((iss) => {
    const path = iss.path;
    if (path[0] === listKey && typeof path[1] === "number") {
      const idx = path[1];
      const item = Array.isArray((data as Record<string, unknown> | null)?.[listKey]) ? ((data as Record<string, unknown[]>)[listKey]![idx] as Record<string, unknown> | undefined) : undefined;
      const ident = featureIdent(item);
      return { file, feature: `${listKey}[${idx}]${ident ? ` (${ident})` : ""}`, field: pathToField(path.slice(2)) || undefined, message: iss.message };
    }
    return { file, field: pathToField(path) || undefined, message: iss.message };
  });
}

export function featureIdent(item: unknown): string | undefined {
  if (!item || typeof item !== "object") return undefined;
  const o = item as Record<string, unknown>;
  const props = (o.properties && typeof o.properties === "object" ? o.properties : {}) as Record<string, unknown>;
  for (const v of [props.id, props.iso3, props.iso_3166_2, o.id]) if (typeof v === "string" || typeof v === "number") return String(v);
  return undefined;
}
