import { Command } from "commander";
import { exportCommand } from "./export-command";
import { importCommand } from "./import-command";

// The `sift` command line (CONTRACT.md): an adapter over the services, like the HTTP routes.
const program = new Command("sift")
  .description("Sift: import comment threads, flag them with rules, export moderation reports")
  .showHelpAfterError(false)
  .addCommand(importCommand())
  .addCommand(exportCommand());

await program.parseAsync(process.argv);
