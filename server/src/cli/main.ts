import { Command } from "commander";
import { exportCommand } from "./export-command";
import { importCommand } from "./import-command";
import { rescanCommand } from "./rescan-command";
import { rulesCommand } from "./rules-command";
import { auditCommand } from "./audit-command";
import { backupCommand, checkCommand } from "./maintenance-commands";
import { usersCommand } from "./users-command";

// The `sift` command line (CONTRACT.md): an adapter over the services, like the HTTP routes.
const program = new Command("sift")
  .description("Sift: import comment threads, flag them with rules, export moderation reports")
  .showHelpAfterError(false)
  .addCommand(importCommand())
  .addCommand(rulesCommand())
  .addCommand(rescanCommand())
  .addCommand(exportCommand())
  .addCommand(usersCommand())
  .addCommand(backupCommand())
  .addCommand(checkCommand())
  .addCommand(auditCommand());

await program.parseAsync(process.argv);
