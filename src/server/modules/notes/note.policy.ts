// Who may write notes. Reading is decided by the access module alone.
import { canAssign, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import { errors } from "../../platform/http/errors.ts";
import type { NoteRow } from "./note.repository.ts";

export const notePolicy = {
  create(viewer: Viewer, dist: Distribution, bodyDist: Distribution): void {
    if (viewer.party === null) throw errors.forbidden("Notes belong to a party; administrators hold none.");
    for (const [path, d] of [["distribution", dist], ["body_distribution", bodyDist]] as const) {
      if (!canAssign(viewer, d)) throw errors.validation(`A ${path} of ${d} would hide the note from your own party.`, [{ path, problem: "must include your own party" }]);
    }
  },
  /** Only the owning party edits its notes; the other party sees 404 through the read filter first. */
  update(viewer: Viewer, note: NoteRow): void {
    if (viewer.party !== note.owner_party) throw errors.forbidden("Only the party that wrote this note can change it.");
  },
};
