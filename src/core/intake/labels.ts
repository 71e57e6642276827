// The labelled-article format of ../shared/eval/SCHEMA.md, validated with zod
// so a malformed label file fails with a message instead of skewing a score.
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const eventLabelSchema = z.object({
  event_id: z.string(),
  date: isoDate.nullable().default(null),
  date_precision: z.enum(["day", "week", "month"]).nullable().default(null),
  date_start: isoDate.nullable().default(null),
  date_end: isoDate.nullable().default(null),
  actor1: z.string().nullable().default(null),
  actor1_country: z.string().nullable().default(null),
  actor2: z.string().nullable().default(null),
  actor2_country: z.string().nullable().default(null),
  event_type: z.string(),
  sub_event_type: z.string().nullable().default(null),
  plover: z.string().nullable().default(null),
  location: z.string().nullable().default(null),
  admin1: z.string().nullable().default(null),
  country: z.string().nullable().default(null),
  lat: z.number().nullable().default(null),
  lon: z.number().nullable().default(null),
  geo_precision: z.number().nullable().default(null),
  fatalities: z.number().nullable().default(null),
  reported_by_article_as_past_background: z.boolean().default(false),
  optional: z.boolean().default(false),
  evidence: z.array(z.string()).default([]),
}).loose();
export type EventLabel = z.infer<typeof eventLabelSchema>;

export const labelledArticleSchema = z.object({
  id: z.string().optional(),
  url: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  published: isoDate.nullable().default(null),
  reference_date: isoDate.nullable().optional(),
  text: z.string().optional(),
  article: z.string().optional(),
  events: z.array(eventLabelSchema),
}).loose().refine((a) => a.text !== undefined || a.article !== undefined, { message: "give either text or article" });
export type LabelledArticle = z.infer<typeof labelledArticleSchema>;
