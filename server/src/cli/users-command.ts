import { Command, Option } from "commander";
import type { UserRole } from "../db/user-repo";
import { cliActor } from "../services/audit-service";
import { addUser, changePassword, changeUserAccess, listUsers, USER_ROLES } from "../services/user-service";
import { CliError, cliContext, openCliDatabase, runAction } from "./context";
import { readNewPassword } from "./read-password";

const DB_HELP = "SQLite database (default $SIFT_DB, else data/sift.db)";

/** Opens the database for one action and closes it afterwards, whatever happens. */
async function withDb<T>(dbOption: string | undefined, action: (db: ReturnType<typeof openCliDatabase>) => Promise<T> | T): Promise<T> {
  const db = openCliDatabase(cliContext(dbOption).dbPath);
  try {
    return await action(db);
  } finally {
    db.close();
  }
}

/** `sift users add|passwd|list`: accounts for the dashboard. Passwords come from stdin or a prompt, never argv. */
export function usersCommand(): Command {
  const users = new Command("users").description("manage dashboard accounts");
  users
    .command("add")
    .description("create an account (password from stdin when piped, else prompted)")
    .argument("<name>", "username: letters, digits, '.', '_' or '-'")
    .addOption(new Option("--role <role>", "what the user may do").choices([...USER_ROLES]).makeOptionMandatory())
    .option("--db <path>", DB_HELP)
    .action(
      runAction(async (name: string, options: { role: UserRole; db?: string }) => {
        const password = await readNewPassword();
        const user = await withDb(options.db, (db) => addUser(db, { username: name, password, role: options.role, actor: cliActor() }));
        process.stdout.write(`created user ${user.username} (${user.role})\n`);
      }),
    );
  users
    .command("passwd")
    .description("set a new password (from stdin when piped, else prompted) and end the user's sessions")
    .argument("<name>", "username")
    .option("--db <path>", DB_HELP)
    .action(
      runAction(async (name: string, options: { db?: string }) => {
        const password = await readNewPassword();
        const user = await withDb(options.db, (db) => changePassword(db, name, password, cliActor()));
        process.stdout.write(`changed the password of ${user.username}\n`);
      }),
    );
  users
    .command("set")
    .description("change a user's role, or disable/enable them (ends their sessions)")
    .argument("<name>", "username")
    .addOption(new Option("--role <role>", "new role").choices([...USER_ROLES]))
    .addOption(new Option("--disable", "refuse their sign-ins and end their sessions").conflicts("enable"))
    .option("--enable", "allow sign-ins again")
    .option("--db <path>", DB_HELP)
    .action(
      runAction(async (name: string, options: { role?: UserRole; disable?: boolean; enable?: boolean; db?: string }) => {
        if (!options.role && !options.disable && !options.enable) throw new CliError("give --role, --disable or --enable");
        const disabled = options.disable ? true : options.enable ? false : undefined;
        const user = await withDb(options.db, (db) => changeUserAccess(db, name, { role: options.role, disabled }, cliActor()));
        process.stdout.write(`${user.username}: ${user.role}, ${user.disabled ? "disabled" : "active"}\n`);
      }),
    );
  users
    .command("list")
    .description("list accounts")
    .option("--json", "print one JSON document")
    .option("--db <path>", DB_HELP)
    .action(
      runAction(async (options: { json?: boolean; db?: string }) => {
        const list = await withDb(options.db, (db) => listUsers(db));
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ users: list })}\n`);
          return;
        }
        const width = Math.max(8, ...list.map((u) => u.username.length));
        process.stdout.write(`${"username".padEnd(width)}  role       created                   status\n`);
        for (const u of list) {
          process.stdout.write(`${u.username.padEnd(width)}  ${u.role.padEnd(9)}  ${u.created_at.padEnd(24)}  ${u.disabled ? "disabled" : "active"}\n`);
        }
      }),
    );
  return users;
}
