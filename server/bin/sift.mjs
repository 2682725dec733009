#!/usr/bin/env node
// The `sift` bin: runs the TypeScript CLI through tsx, so there is no separate build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
