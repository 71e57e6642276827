// The OpenAPI 3.1 document, generated from the same zod schemas the routes
// validate with, so the contract cannot drift from the code.
import { z } from "zod";
import type { OpenApiOperation } from "./route.ts";

function toSchema(s: z.ZodType, io: "input" | "output"): unknown {
  try {
    const js = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
    delete js.$schema;
    return js;
  } catch {
    return {};
  }
}

const errorSchema = {
  type: "object",
  required: ["code", "message", "request_id"],
  properties: {
    code: { type: "string" },
    message: { type: "string" },
    details: { type: "array", items: { type: "object", properties: { path: { type: "string" }, problem: { type: "string" } } } },
    request_id: { type: "string" },
  },
};

export function buildOpenApi(operations: readonly OpenApiOperation[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, url, spec } of operations) {
    const path = url.replace(/:([A-Za-z_]+)/g, "{$1}");
    const parameters: unknown[] = [];
    for (const [where, schema] of [["path", spec.params], ["query", spec.query]] as const) {
      if (!schema) continue;
      const js = toSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema: s });
      }
    }
    const responses: Record<string, unknown> = {
      [String(spec.status ?? 200)]: {
        description: "Success",
        ...(spec.response ? { content: { "application/json": { schema: toSchema(spec.response, "output") } } } : {}),
      },
      default: { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    };
    const op: Record<string, unknown> = {
      summary: spec.summary,
      tags: spec.tags,
      parameters,
      responses,
      security: spec.auth === "none" ? [] : spec.auth === "optional" ? [{}, { session: [] }, { token: [] }] : [{ session: [] }, { token: [] }],
    };
    if (spec.body) op.requestBody = { required: true, content: { "application/json": { schema: toSchema(spec.body, "input") } } };
    (paths[path] ??= {})[method.toLowerCase()] = op;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Truceline API", version, description: "The security channel across a ceasefire line. Every read obeys need-to-know." },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "tl_session", description: "Browser session; state-changing requests also need the x-csrf-token header." },
        token: { type: "http", scheme: "bearer", description: "API token created with `truceline token create`." },
      },
    },
  };
}
