// What a note looks like to one reader: fields whose distribution excludes
// the reader are dropped here, and only here.
import { canSeeField, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import { z } from "zod";
import type { NoteRow } from "./note.repository.ts";

export const noteSchema = z.object({
  id: z.string(),
  owner_party: z.string(),
  title: z.string(),
  body: z.string().nullable().describe("null when the body's own distribution excludes you"),
  body_redacted: z.boolean(),
  distribution: z.string(),
  body_distribution: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type NoteView = z.infer<typeof noteSchema>;

export function presentNote(viewer: Viewer, n: NoteRow): NoteView {
  const bodyVisible = canSeeField(viewer, n.distribution as Distribution, n.body_distribution as Distribution, n.owner_party);
  return {
    id: n.id,
    owner_party: n.owner_party,
    title: n.title,
    body: bodyVisible ? n.body : null,
    body_redacted: !bodyVisible,
    distribution: n.distribution,
    body_distribution: bodyVisible ? n.body_distribution : null,
    created_at: n.created_at,
    updated_at: n.updated_at,
  };
}
