// Party notes: the first record type under need-to-know, and the pattern the
// other modules follow (policy → repository in a transaction → audit).
import type { Distribution, Viewer } from "../../../core/access/distribution.ts";
import type { AuditService } from "../../platform/audit/audit.service.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/database.ts";
import { errors } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import { notePolicy } from "./note.policy.ts";
import { noteRepository as repo, type NoteFilter, type NoteRow } from "./note.repository.ts";

export interface NoteInput {
  title: string;
  body: string;
  distribution: Distribution;
  body_distribution?: Distribution | undefined;
}

export class NoteService {
  constructor(private readonly d: { db: Db; audit: AuditService; clock: Clock }) {}

  async create(viewer: Viewer, input: NoteInput): Promise<NoteRow> {
    const bodyDist = input.body_distribution ?? input.distribution;
    notePolicy.create(viewer, input.distribution, bodyDist);
    const now = this.d.clock.now().toISOString();
    const row: NoteRow = {
      id: newId("note"),
      owner_party: viewer.party!,
      author_user: viewer.userId!,
      title: input.title,
      body: input.body,
      body_distribution: bodyDist,
      distribution: input.distribution,
      created_at: now,
      updated_at: now,
    };
    await this.d.db.transaction().execute(async (tx) => {
      await repo.insert(tx, row);
      await this.d.audit.record(tx, { userId: viewer.userId, party: viewer.party }, { action: "note.create", subjectType: "note", subjectId: row.id, distribution: row.distribution as Distribution, ownerParty: row.owner_party });
    });
    return row;
  }

  async get(viewer: Viewer, id: string): Promise<NoteRow> {
    const n = await repo.findVisible(this.d.db, viewer, id);
    if (!n) throw errors.notFound("note");
    return n;
  }

  /** A change of distribution is audited as its own action, as MISP does. */
  async update(viewer: Viewer, id: string, patch: Partial<NoteInput>): Promise<NoteRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const n = await repo.findVisible(tx, viewer, id);
      if (!n) throw errors.notFound("note");
      notePolicy.update(viewer, n);
      const dist = patch.distribution ?? (n.distribution as Distribution);
      const bodyDist = patch.body_distribution ?? (n.body_distribution as Distribution);
      notePolicy.create(viewer, dist, bodyDist);
      await repo.update(tx, id, {
        title: patch.title ?? n.title,
        body: patch.body ?? n.body,
        distribution: dist,
        body_distribution: bodyDist,
        updated_at: this.d.clock.now().toISOString(),
      });
      const distChanged = dist !== n.distribution || bodyDist !== n.body_distribution;
      await this.d.audit.record(tx, { userId: viewer.userId, party: viewer.party }, {
        action: distChanged ? "note.distribution" : "note.update",
        subjectType: "note",
        subjectId: id,
        // The entry is visible to whoever could see the note before or after: the wider of the two.
        distribution: dist,
        ownerParty: n.owner_party,
      });
      return (await repo.findRaw(tx, id))!;
    });
  }

  list(viewer: Viewer, f: NoteFilter, after: string | null, limit: number) {
    return repo.list(this.d.db, viewer, f, after, limit);
  }
  count(viewer: Viewer, f: NoteFilter) {
    return repo.count(this.d.db, viewer, f);
  }
  countByParty(viewer: Viewer, f: NoteFilter) {
    return repo.countByParty(this.d.db, viewer, f);
  }
  iterate(viewer: Viewer, f: NoteFilter) {
    return repo.iterate(this.d.db, viewer, f);
  }
}
