// Plain SQL for hot write paths (a hotline send, its audit entries, its event
// and timers), the same text on both dialects with `?` placeholders. Kysely
// builds, compiles and (on SQLite) prepares every query anew, which costs
// more than the statement itself; here SQLite reuses one prepared statement
// per text on its one connection, and PostgreSQL gets the text as is.
// Statements are bound to an open transaction: on SQLite that is when the
// caller holds the connection (Kysely serialises it), so a native statement
// can neither slip into another caller's transaction nor see its uncommitted
// rows.
import type SQLite from "better-sqlite3";
import { CompiledQuery } from "kysely";
import { sqliteConnection, type Db, type Dialect, type Tx } from "./database.ts";

export interface Statements {
  readonly dialect: Dialect;
  /** First row, or undefined. */
  get<T>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  all<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Number of rows changed. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
}

const prepared = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * The connection's one prepared statement for `text`, made on first use. Any
 * native SQLite path reuses statements through here; a caller that needs a
 * mode (pluck, raw) sets it at each use, since its text is its own.
 */
export function preparedOn(conn: SQLite.Database, text: string): SQLite.Statement {
  let byText = prepared.get(conn);
  if (!byText) prepared.set(conn, (byText = new Map<string, SQLite.Statement>()));
  let st = byText.get(text);
  if (!st) byText.set(text, (st = conn.prepare(text)));
  return st;
}

const numbered = new Map<string, string>();
/** `?` → `$1, $2, …` for PostgreSQL (the texts here never hold a literal question mark). */
function pgText(text: string): string {
  let t = numbered.get(text);
  if (t === undefined) {
    let n = 0;
    t = text.replace(/\?/g, () => `$${++n}`);
    numbered.set(text, t);
  }
  return t;
}

const bound = new WeakMap<Tx, Statements>();

function nativeStatements(dialect: Dialect, conn: SQLite.Database, check: () => void): Statements {
  return {
    dialect,
    get: async <T>(text: string, params: readonly unknown[] = []) => (check(), preparedOn(conn, text).get(...params) as T | undefined),
    all: async <T>(text: string, params: readonly unknown[] = []) => (check(), preparedOn(conn, text).all(...params) as T[]),
    run: async (text: string, params: readonly unknown[] = []) => (check(), preparedOn(conn, text).run(...params).changes),
  };
}

function kyselyStatements(dialect: Dialect, db: Db | Tx): Statements {
  const exec = <T>(text: string, params: readonly unknown[]) => db.executeQuery<T>(CompiledQuery.raw(dialect === "postgres" ? pgText(text) : text, [...params]));
  return {
    dialect,
    get: async <T>(text: string, params: readonly unknown[] = []) => (await exec<T>(text, params)).rows[0],
    all: async <T>(text: string, params: readonly unknown[] = []) => (await exec<T>(text, params)).rows,
    run: async (text: string, params: readonly unknown[] = []) => Number((await exec(text, params)).numAffectedRows ?? 0),
  };
}

/** Statements inside `tx`, an open transaction on `root`. */
export function statementsIn(root: Db, dialect: Dialect, tx: Tx): Statements {
  let st = bound.get(tx);
  if (st) return st;
  if (!tx.isTransaction) throw new Error("statements: pass the open transaction, not the database");
  const conn = dialect === "sqlite" ? sqliteConnection(root) : null;
  st = conn
    ? nativeStatements(dialect, conn, () => {
        if (!conn.inTransaction) throw new Error("statements: SQLite statements run only inside the caller's transaction");
      })
    : kyselyStatements(dialect, tx);
  bound.set(tx, st);
  return st;
}

const outside = new WeakMap<Db, Statements>();

/**
 * Statements outside any transaction: reads, and writes that stand alone
 * (each commits by itself). On SQLite each call runs a native statement at
 * once when no transaction is open on the one connection; while one is (a
 * caller between its statements) it waits for Kysely to hand the connection
 * over, so it never reads another caller's uncommitted rows. PostgreSQL runs
 * the text on a pooled connection. Never call it from inside a transaction:
 * on SQLite it would wait for that transaction, which waits for it.
 */
export function statementsOutside(root: Db, dialect: Dialect): Statements {
  let st = outside.get(root);
  if (st) return st;
  const conn = dialect === "sqlite" ? sqliteConnection(root) : null;
  const queued = kyselyStatements(dialect, root);
  if (!conn) st = queued;
  else {
    const native = nativeStatements(dialect, conn, () => undefined);
    st = {
      dialect,
      get: <T>(text: string, params?: readonly unknown[]) => (conn.inTransaction ? queued : native).get<T>(text, params),
      all: <T>(text: string, params?: readonly unknown[]) => (conn.inTransaction ? queued : native).all<T>(text, params),
      run: (text: string, params?: readonly unknown[]) => (conn.inTransaction ? queued : native).run(text, params),
    };
  }
  outside.set(root, st);
  return st;
}

/** Serialise writers of a shared sequence across processes (PostgreSQL; SQLite serialises writers itself). */
export async function lockSequenceWith(st: Statements, name: string): Promise<void> {
  if (st.dialect === "postgres") await st.run("select pg_advisory_xact_lock(hashtext(?))", [name]);
}

/** Insert one row's `columns` into `table`; `suffix` may add e.g. an ON CONFLICT clause. Returns rows inserted. */
export function insertRow<R extends object>(st: Statements, table: string, columns: ReadonlyArray<keyof R & string>, row: R, suffix = ""): Promise<number> {
  return st.run(`insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})${suffix}`, columns.map((c) => row[c]));
}
