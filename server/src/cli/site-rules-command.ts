import { Command, Option } from "commander";
import { cliActor } from "../services/audit-service";
import { addRuleException, createSiteRule, listRules, updateSiteRule, type PresentedSiteRule } from "../services/rule-service";
import { cliContext, openCliDatabase, runAction } from "./context";
import type { Db } from "../db/connection";

/** Opens the database named by --db, runs `fn`, closes it. */
function withDatabase<T>(dbOption: string | undefined, fn: (db: Db) => T): T {
  const db = openCliDatabase(cliContext(dbOption).dbPath);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

async function print(text: string): Promise<void> {
  await new Promise<void>((done, fail) => process.stdout.write(text, (err) => (err ? fail(err) : done())));
}

function describeRule(r: PresentedSiteRule & { hits?: number }): string {
  const state = r.enabled ? "enabled" : "disabled";
  const hits = r.hits === undefined ? "" : `, ${r.hits} flagged`;
  return `${r.id}  ${r.kind} ${JSON.stringify(r.pattern)}  ${r.category}  ${r.action}  ${state}${hits}${r.note ? `  (${r.note})` : ""}`;
}

const dbOption = () => new Option("--db <path>", "SQLite database (default $SIFT_DB, else data/sift.db)");

/** `sift rules list|add|enable|disable|except`: the site's own rules, as on the Rules page; every change is audited. */
export function siteRuleCommands(): Command[] {
  const list = new Command("list")
    .description("list the site's rules (with how many stored comments each flagged) and exceptions")
    .option("--json", "print one JSON document on stdout")
    .addOption(dbOption())
    .action(
      runAction(async (options: { json?: boolean; db?: string }) => {
        const rules = withDatabase(options.db, listRules);
        if (options.json) return print(`${JSON.stringify({ site: rules.site, exceptions: rules.exceptions })}\n`);
        const lines = [
          rules.site.length ? rules.site.map(describeRule).join("\n") : "no site rules",
          ...rules.exceptions.map((e) => `exception ${e.id}: "${e.word}" is fine for ${e.rule}`),
        ];
        return print(`${lines.join("\n")}\n`);
      }),
    );

  const add = new Command("add")
    .description("add a site rule (then `sift rescan` applies it to stored comments)")
    .requiredOption("--id <id>", "rule id (letters, digits, . _ -); its flags are named site.<id>")
    .addOption(new Option("--kind <kind>", "what the pattern is").choices(["word", "phrase", "regex"]).makeOptionMandatory())
    .requiredOption("--pattern <pattern>", "the word, the words in a row, or a JavaScript regular expression (case-insensitive)")
    .requiredOption("--category <category>", "threat, slur, insult, profanity, spam or off_topic")
    .addOption(new Option("--action <action>", "on a match").choices(["flag", "hold", "remove"]).default("flag"))
    .option("--note <note>", "why the rule exists, shown in its flags")
    .addOption(dbOption())
    .action(
      runAction(async (options: { id: string; kind: string; pattern: string; category: string; action: string; note?: string; db?: string }) => {
        const { db: dbPath, ...rule } = options;
        const created = withDatabase(dbPath, (db) => createSiteRule(db, rule, cliActor()));
        await print(`added ${describeRule(created)}\n`);
      }),
    );

  const toggle = (name: "enable" | "disable") =>
    new Command(name)
      .description(`${name} a site rule (then \`sift rescan\` applies the change to stored comments)`)
      .argument("<id>", "rule id")
      .addOption(dbOption())
      .action(
        runAction(async (id: string, options: { db?: string }) => {
          const rule = withDatabase(options.db, (db) => updateSiteRule(db, id, { enabled: name === "enable" }, cliActor()));
          await print(`${describeRule(rule)}\n`);
        }),
      );

  const except = new Command("except")
    .description("say a word is fine for a rule on this site (clears that rule's flags on the word at import and rescan)")
    .argument("<rule>", "a built-in rule id (e.g. profanity.lexicon) or site.<id>")
    .argument("<word>", "the word")
    .addOption(dbOption())
    .action(
      runAction(async (rule: string, word: string, options: { db?: string }) => {
        const added = withDatabase(options.db, (db) => addRuleException(db, { rule, word }, cliActor()));
        await print(`exception ${added.id}: "${added.word}" is fine for ${added.rule}\n`);
      }),
    );

  return [list, add, toggle("enable"), toggle("disable"), except];
}
