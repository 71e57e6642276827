// `truceline hotline key create | send | ack | list | export | verify`: the
// liaison officer's side of the hotline. Everything but `verify` talks to a
// server over HTTP with an API token and signs locally with a key file;
// `verify` needs only an export file (and ideally the deployment's public key).
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { generateSigningKey, signDraft, signingKeyFrom } from "../../core/hotline/client.ts";
import { messageKind, type MessageKind } from "../../core/hotline/protocol.ts";
import { verifyHotlineExport, type HotlineExport } from "../../core/hotline/verify.ts";
import { CliError, type CliCommand, type CliIo } from "../command.ts";
import { parse, str, required, type FlagSpec } from "../args.ts";

const remote: FlagSpec = { url: { type: "string" }, token: { type: "string" } };

interface Remote {
  url: string;
  token: string;
}

function remoteFrom(values: Record<string, unknown>, io: CliIo): Remote {
  const url = str(values.url) ?? io.env.TRUCELINE_URL;
  const token = str(values.token) ?? io.env.TRUCELINE_TOKEN;
  if (!url) throw new CliError("give the server with --url or TRUCELINE_URL");
  if (!token) throw new CliError("give an API token with --token or TRUCELINE_TOKEN (truceline token create)");
  return { url: url.replace(/\/$/, ""), token };
}

async function api<T>(r: Remote, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${r.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${r.token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (e) {
    throw new CliError(`cannot reach ${r.url}: ${(e as Error).message}`);
  }
  const text = await res.text();
  const json = (text ? JSON.parse(text) : null) as T & { code?: string; message?: string; details?: Array<{ path: string; problem: string }> };
  if (!res.ok) throw new CliError(`${res.status} ${json?.code ?? ""}: ${json?.message ?? text}${json?.details?.length ? ` (${json.details.map((d) => `${d.path}: ${d.problem}`).join("; ")})` : ""}`);
  return json;
}

function keyFile(values: Record<string, unknown>, io: CliIo): string {
  const k = str(values.key) ?? io.env.TRUCELINE_HOTLINE_KEY;
  if (!k) throw new CliError("give your private key file with --key or TRUCELINE_HOTLINE_KEY (truceline hotline key create)");
  return k;
}

async function sendSigned(r: Remote, keyPath: string, thread: string, kind: MessageKind, body: unknown, refs: { refers_to?: string | undefined; corrects?: string | undefined }) {
  let key;
  try {
    key = signingKeyFrom(readFileSync(keyPath, "utf8"));
  } catch (e) {
    throw new CliError(`cannot read the key in ${keyPath}: ${(e as Error).message}`);
  }
  const [health, me] = await Promise.all([api<{ deployment: string }>(r, "GET", "/api/health"), api<{ user: { id: string } }>(r, "GET", "/api/auth/me")]);
  const signed = signDraft(key, { deployment: health.deployment, thread_id: thread, sender: me.user.id, kind, body, refers_to: refs.refers_to ?? null, corrects: refs.corrects ?? null });
  // The nonce doubles as the idempotency key: a retry of this very command after a timeout gets the same receipt.
  return api<Record<string, unknown>>(r, "POST", `/api/hotline/threads/${encodeURIComponent(thread)}/messages`, signed, { "idempotency-key": signed.payload.nonce });
}

export const hotlineCommands: CliCommand[] = [
  {
    path: ["hotline", "key", "create"],
    summary: "Generate your hotline signing key pair, keep the private key in a file, register the public key",
    usage: "truceline hotline key create --out my-key.pem [--label laptop] [--url URL --token TOKEN]",
    async run(args, io) {
      const { values } = parse(args, { ...remote, out: { type: "string" }, label: { type: "string" } });
      const out = required(values.out, "out");
      const r = remoteFrom(values, io);
      const k = generateSigningKey();
      writeFileSync(out, k.privateKeyPem, { mode: 0o600, flag: "wx" });
      chmodSync(out, 0o600);
      const reg = await api<{ key_id: string }>(r, "POST", "/api/hotline/keys", { public_key: k.publicKey, ...(str(values.label) ? { label: str(values.label) } : {}) });
      io.out(JSON.stringify({ key_id: reg.key_id, file: out }));
      return 0;
    },
  },
  {
    path: ["hotline", "send"],
    summary: "Sign and send a hotline message; prints the server's countersigned receipt",
    usage: "truceline hotline send --thread ID --kind notification|query|protest|response|answer|closure|acknowledgement (--body body.json | --text TEXT) [--refers-to MSG] [--corrects MSG] --key my-key.pem",
    async run(args, io) {
      const { values } = parse(args, { ...remote, thread: { type: "string" }, kind: { type: "string" }, body: { type: "string" }, text: { type: "string" }, "refers-to": { type: "string" }, corrects: { type: "string" }, key: { type: "string" } });
      const kind = messageKind.safeParse(values.kind);
      if (!kind.success) throw new CliError(`--kind must be one of ${messageKind.options.join(", ")}`);
      const bodyFile = str(values.body);
      let body: unknown;
      if (bodyFile) {
        try {
          body = JSON.parse(readFileSync(bodyFile, "utf8"));
        } catch (e) {
          throw new CliError(`cannot read ${bodyFile}: ${(e as Error).message}`);
        }
      } else body = str(values.text) !== undefined ? { text: str(values.text) } : {};
      const m = await sendSigned(remoteFrom(values, io), keyFile(values, io), required(values.thread, "thread"), kind.data, body, { refers_to: str(values["refers-to"]), corrects: str(values.corrects) });
      io.out(JSON.stringify({ id: m.id, seq: m.seq, received_at: m.received_at, receipt: m.receipt, timing: m.timing, deadlines: m.deadlines }));
      return 0;
    },
  },
  {
    path: ["hotline", "ack"],
    summary: "Acknowledge a message (a signed acknowledgement that refers to it)",
    usage: "truceline hotline ack <message-id> [--text TEXT] --key my-key.pem",
    async run(args, io) {
      const { values, positionals } = parse(args, { ...remote, text: { type: "string" }, key: { type: "string" } });
      const id = positionals[0];
      if (!id) throw new CliError("give the id of the message to acknowledge");
      const r = remoteFrom(values, io);
      const orig = await api<{ thread_id: string }>(r, "GET", `/api/hotline/messages/${encodeURIComponent(id)}`);
      const text = str(values.text);
      const m = await sendSigned(r, keyFile(values, io), orig.thread_id, "acknowledgement", text ? { text } : {}, { refers_to: id });
      io.out(JSON.stringify({ id: m.id, seq: m.seq, received_at: m.received_at, receipt: m.receipt }));
      return 0;
    },
  },
  {
    path: ["hotline", "list"],
    summary: "List your threads, or the messages of one thread (one JSON line each)",
    usage: "truceline hotline list [--thread ID]",
    async run(args, io) {
      const { values } = parse(args, { ...remote, thread: { type: "string" } });
      const r = remoteFrom(values, io);
      const thread = str(values.thread);
      if (!thread) {
        for (const t of (await api<{ items: unknown[] }>(r, "GET", "/api/hotline/threads")).items) io.out(JSON.stringify(t));
        return 0;
      }
      for (let after = 0; ; ) {
        const page = (await api<{ items: Array<{ id: string; seq: number; kind: string; sender: unknown; received_at: string; refers_to: string | null; body: unknown; timing: unknown }> }>(r, "GET", `/api/hotline/threads/${encodeURIComponent(thread)}/messages?after_seq=${after}&limit=500`)).items;
        for (const m of page) io.out(JSON.stringify({ id: m.id, seq: m.seq, kind: m.kind, sender: m.sender, received_at: m.received_at, refers_to: m.refers_to, timing: m.timing, body: m.body }));
        if (page.length < 500) break;
        after = page.at(-1)!.seq;
      }
      return 0;
    },
  },
  {
    path: ["hotline", "export"],
    summary: "Export a thread with every signature and receipt, for offline verification",
    usage: "truceline hotline export --thread ID --out thread.json",
    async run(args, io) {
      const { values } = parse(args, { ...remote, thread: { type: "string" }, out: { type: "string" } });
      const exp = await api<HotlineExport>(remoteFrom(values, io), "GET", `/api/hotline/threads/${encodeURIComponent(required(values.thread, "thread"))}/export`);
      const out = required(values.out, "out");
      writeFileSync(out, JSON.stringify(exp, null, 1));
      io.out(JSON.stringify({ file: out, messages: exp.messages.length, receipts: exp.receipts.length }));
      return 0;
    },
  },
  {
    path: ["hotline", "verify"],
    summary: "Check a hotline export offline: who sent what, when it was received, when it was acknowledged",
    usage: "truceline hotline verify <export.json> [--public-key deployment.pem]",
    async run(args, io) {
      const { values, positionals } = parse(args, { "public-key": { type: "string" } });
      const file = positionals[0];
      if (!file) throw new CliError("give the export file");
      let exp: HotlineExport;
      try {
        exp = JSON.parse(readFileSync(file, "utf8")) as HotlineExport;
      } catch (e) {
        throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
      }
      const keyFile = str(values["public-key"]);
      let report;
      try {
        report = verifyHotlineExport(exp, keyFile ? readFileSync(keyFile, "utf8") : null);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      io.out(JSON.stringify(report));
      for (const m of report.messages) {
        const ack = m.acknowledged ? `; ${m.acknowledged.kind} by ${m.acknowledged.party ?? "?"} received ${m.acknowledged.received_at ?? "?"}` : "";
        const late = m.late ? ` LATE by ${m.shortfall_minutes} min` : "";
        io.err(`#${m.seq} ${m.kind} from ${m.sender.username ?? m.sender.user_id} (${m.sender.party ?? "?"}) received ${m.received_at ?? "UNVERIFIED"}${late}${ack}`);
      }
      if (!report.ok) {
        for (const p of report.problems) io.err(`BAD: ${p}`);
        return 1;
      }
      if (!keyFile) io.err(`OK, checked with the key inside the export (${report.key_id}); compare it with the deployment's published key id.`);
      return 0;
    },
  },
];
