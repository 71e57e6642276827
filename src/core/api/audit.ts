// Wire shapes of the verifiable log's public side: the deployment's signing
// key and the signed checkpoints of the chain head. Shared by server and web.
import { z } from "zod";

export const deploymentKeySchema = z.object({ deployment: z.string(), key_id: z.string(), public_key: z.string() });
export const checkpointSchema = z.object({ seq: z.number(), head_hash: z.string(), at: z.string(), deployment: z.string(), key_id: z.string(), signature: z.string() });
export type CheckpointDto = z.infer<typeof checkpointSchema>;
export const checkpointListSchema = z.object({ items: z.array(checkpointSchema) });
export const newCheckpointSchema = z.object({ checkpoint: checkpointSchema.nullable() });
