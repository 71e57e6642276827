// Agreement as code: pack formats, the pack builder, the classifier and the activity check.
export * from "./schema.ts";
export * from "./errors.ts";
export * from "./build.ts";
export * from "./classify.ts";
export * from "./activity.ts";
export * from "./export.ts";
export * from "./gazetteer.ts";
export * from "./channel.ts";
export * from "./api.ts";
