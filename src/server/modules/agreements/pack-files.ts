// The only place agreement packs touch the disk: read a pack folder into the
// file map buildPack() expects, and keep built packs (and their classifiers,
// whose index takes a moment) cached per folder.
import { readdir, readFile } from "node:fs/promises";
import { resolve, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPack } from "../../../core/agreement/build.ts";
import type { Pack } from "../../../core/agreement/build.ts";
import { classifierFor } from "../../../core/agreement/classify.ts";
import type { Classifier } from "../../../core/agreement/classify.ts";
import { PackValidationError } from "../../../core/agreement/errors.ts";
import type { PackIssue } from "../../../core/agreement/errors.ts";
import { packMetaSchema } from "../../../core/agreement/schema.ts";
import type { PackListing } from "../../../core/api/packs.ts";

/** packs/ at the repository root, found from this file rather than the working directory. */
export const BUNDLED_PACKS_DIR = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../../packs");

const PACK_ID = /^[a-z0-9][a-z0-9-]*$/;

/** No such pack (bad id or no folder): a 404, where PackValidationError is a broken pack. */
export class PackNotFoundError extends Error {
  constructor(readonly packId: string) {
    super(`no agreement pack "${packId}"`);
    this.name = "PackNotFoundError";
  }
}

/** Reads every *.json / *.geojson in a folder; JSON syntax errors name the file and position. */
export async function readPackFiles(dir: string): Promise<Record<string, unknown>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new PackNotFoundError(dir);
    throw new PackValidationError([{ file: dir, message: `cannot read pack folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
  const files: Record<string, unknown> = {};
  const issues: PackIssue[] = [];
  for (const name of names.sort()) {
    if (!/\.(json|geojson)$/.test(name)) continue;
    const text = await readFile(join(dir, name), "utf8");
    try {
      files[name] = JSON.parse(text);
    } catch (e) {
      issues.push({ file: name, message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  if (issues.length) throw new PackValidationError(issues);
  return files;
}

const packCache = new Map<string, Promise<Pack>>();
const classifierCache = new Map<string, Promise<Classifier>>();

/** Builds (once) the pack in a folder. A failed build is not cached, so a fixed pack loads on the next call. */
export function loadPackFolder(dir: string): Promise<Pack> {
  const key = resolve(dir);
  let p = packCache.get(key);
  if (!p) {
    p = readPackFiles(key).then(buildPack);
    packCache.set(key, p);
    p.catch(() => packCache.delete(key));
  }
  return p;
}

export function classifierForFolder(dir: string): Promise<Classifier> {
  const key = resolve(dir);
  let c = classifierCache.get(key);
  if (!c) {
    c = loadPackFolder(key).then(classifierFor);
    classifierCache.set(key, c);
    c.catch(() => classifierCache.delete(key));
  }
  return c;
}

function bundledDir(id: string, root = BUNDLED_PACKS_DIR): string {
  if (!PACK_ID.test(id)) throw new PackNotFoundError(id);
  return join(root, id);
}

const withId = async <T>(id: string, p: () => Promise<T>): Promise<T> => {
  try {
    return await p();
  } catch (e) {
    throw e instanceof PackNotFoundError ? new PackNotFoundError(id) : e;
  }
};

/** A bundled pack by id (packs/<id>). Throws PackNotFoundError or PackValidationError. */
export async function loadBundledPack(id: string, root?: string): Promise<Pack> {
  return withId(id, () => loadPackFolder(bundledDir(id, root)));
}

export async function loadBundledClassifier(id: string, root?: string): Promise<Classifier> {
  return withId(id, () => classifierForFolder(bundledDir(id, root)));
}

export type { PackListing };

/** Lists bundled packs from their pack.json alone (cheap: no geometry is derived). Folders without a valid pack.json are skipped. */
export async function listBundledPacks(root = BUNDLED_PACKS_DIR): Promise<PackListing[]> {
  const out: PackListing[] = [];
  let entries: string[];
  try { entries = await readdir(root); } catch { return out; }
  for (const id of entries.sort()) {
    if (!PACK_ID.test(id)) continue;
    try {
      const meta = packMetaSchema.parse(JSON.parse(await readFile(join(root, id, "pack.json"), "utf8")));
      out.push({
        id: meta.id, title: meta.title, version: meta.version, approximate: meta.approximate, accuracy_m: meta.accuracy_m, disclaimer: meta.disclaimer,
        parties: meta.parties.map((p) => ({ id: p.id, name: p.name, side: p.side, line: p.line })),
      });
    } catch { /* not a pack folder */ }
  }
  return out;
}

/** For tests: forget cached packs. */
export function clearPackCache(): void {
  packCache.clear();
  classifierCache.clear();
}
