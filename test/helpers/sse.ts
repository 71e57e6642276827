// A minimal server-sent events client over node:http for tests and the
// benchmark: collects frames, lets a test wait for a condition, and closes.
import { request, type IncomingMessage } from "node:http";

export interface SseFrame {
  id: string | null;
  event: string;
  data: string;
}

export interface SseClient {
  frames: SseFrame[];
  comments: number;
  status: number;
  ended: boolean;
  /** Resolves when pred holds on the frames so far (checked on each new frame). */
  until(pred: (frames: SseFrame[]) => boolean, what?: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

export function connectSse(url: string, headers: Record<string, string>, onFrame?: (f: SseFrame) => void): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const waiters: Array<() => void> = [];
    const client: SseClient = {
      frames: [],
      comments: 0,
      status: 0,
      ended: false,
      until(pred, what = "condition", timeoutMs = 10_000) {
        return new Promise<void>((res, rej) => {
          if (pred(client.frames)) return res();
          const timer = setTimeout(() => rej(new Error(`SSE: timed out waiting for ${what}; got ${client.frames.map((f) => f.event).join(",")}`)), timeoutMs);
          const check = () => {
            if (pred(client.frames)) {
              clearTimeout(timer);
              res();
              return true;
            }
            if (client.ended) {
              clearTimeout(timer);
              rej(new Error(`SSE: stream ended before ${what}`));
              return true;
            }
            return false;
          };
          const w = () => {
            if (!check()) waiters.push(w);
          };
          waiters.push(w);
        });
      },
      close() {
        req.destroy();
      },
    };
    const notify = () => {
      const list = waiters.splice(0);
      for (const w of list) w();
    };
    const req = request(url, { headers: { accept: "text/event-stream", ...headers } }, (res: IncomingMessage) => {
      client.status = res.statusCode ?? 0;
      res.setEncoding("utf8");
      let buf = "";
      res.on("data", (chunk: string) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const f: SseFrame = { id: null, event: "message", data: "" };
          let any = false;
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) client.comments++;
            else if (line.startsWith("id: ")) { f.id = line.slice(4); any = true; }
            else if (line.startsWith("event: ")) { f.event = line.slice(7); any = true; }
            else if (line.startsWith("data: ")) { f.data += line.slice(6); any = true; }
          }
          if (any && !(f.event === "message" && f.data === "" && f.id === null)) {
            client.frames.push(f);
            onFrame?.(f);
          }
        }
        notify();
      });
      res.on("end", () => {
        client.ended = true;
        notify();
      });
      res.on("error", () => {
        client.ended = true;
        notify();
      });
      resolve(client);
    });
    req.on("error", (e) => {
      client.ended = true;
      notify();
      reject(e);
    });
    req.end();
  });
}
