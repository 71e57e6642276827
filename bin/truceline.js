#!/usr/bin/env node
// Entry point of the `truceline` command. TypeScript sources run through tsx's
// loader so the operator needs no build step for the server or the CLI.
import { register } from "tsx/esm/api";
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
