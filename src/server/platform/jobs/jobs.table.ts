// Stored timers. A job row is the only state of a pending deadline, so a
// restart loses nothing; `key` makes scheduling the same timer twice a no-op.
export interface JobsTable {
  id: string;
  kind: string;
  /** Unique when set: scheduling the same key again does nothing. */
  key: string | null;
  due_at: string;
  payload: string;
  status: "pending" | "done" | "failed";
  attempts: number;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
  /** Which process ran it (for diagnosis of multi-process deployments). */
  done_by: string | null;
}

export interface JobsTables {
  jobs: JobsTable;
}
