// Evidence files on disk: received as a stream into the data folder under a
// generated name (never a client-supplied path), hashed and measured on the
// way in, refused past the size limit, and re-hashed on every read.
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { sniffContentType } from "../../../core/incidents/sniff.ts";
import { AppError } from "../../platform/http/errors.ts";

export interface StoredFile {
  name: string;
  sha256: string;
  size: number;
  contentType: string;
}

const NAME = /^[a-f0-9]{2}\/[a-f0-9]{32}$/;

export class EvidenceStore {
  readonly root: string;
  constructor(dataDir: string, readonly maxBytes: number) {
    this.root = join(dataDir, "evidence");
  }

  private path(name: string): string {
    if (!NAME.test(name)) throw new Error(`evidence: bad stored name ${name}`);
    return join(this.root, name);
  }

  async receive(body: AsyncIterable<Uint8Array>): Promise<StoredFile> {
    const id = randomBytes(16).toString("hex");
    const name = `${id.slice(0, 2)}/${id}`;
    await mkdir(join(this.root, id.slice(0, 2)), { recursive: true });
    const tmp = join(this.root, `.upload-${id}`);
    const hash = createHash("sha256");
    const out = createWriteStream(tmp, { flags: "wx", mode: 0o600 });
    let size = 0;
    const head: Buffer[] = [];
    let headLen = 0;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        if (size > this.maxBytes) {
          throw new AppError("payload_too_large", `The file is larger than the limit of ${this.maxBytes} bytes (TRUCELINE_EVIDENCE_MAX_BYTES).`, [{ path: "body", problem: `larger than ${this.maxBytes} bytes` }]);
        }
        hash.update(chunk);
        if (headLen < 4096) { head.push(Buffer.from(chunk.subarray(0, 4096 - headLen))); headLen += Math.min(chunk.length, 4096 - headLen); }
        if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      }
      await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
      if (size === 0) throw new AppError("validation_failed", "The file is empty.", [{ path: "body", problem: "empty" }]);
      await rename(tmp, this.path(name));
    } catch (e) {
      out.destroy();
      await rm(tmp, { force: true });
      throw e;
    }
    return { name, sha256: hash.digest("hex"), size, contentType: sniffContentType(Buffer.concat(head)) };
  }

  async read(name: string, sha256: string): Promise<Buffer> {
    let data: Buffer;
    try {
      data = await readFile(this.path(name));
    } catch {
      throw new AppError("internal", "The evidence file is missing from the data folder.");
    }
    const got = createHash("sha256").update(data).digest("hex");
    if (got !== sha256) throw new AppError("conflict", `The stored file no longer matches the SHA-256 recorded at upload (${sha256.slice(0, 12)}…, now ${got.slice(0, 12)}…): it was altered or damaged on disk. Nothing was sent.`, [{ path: "sha256", problem: "mismatch" }]);
    return data;
  }

  async discard(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }
}
