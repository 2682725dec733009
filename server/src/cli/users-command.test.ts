import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./run-cli";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/connection";
import { signIn } from "../services/auth-service";


let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-cli-users-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from `dir` with `input` on stdin. */
const run = (args: string[], input = "") => runCli(args, { cwd: dir, input });
const sift = (args: string[], input = "") => run([...args, "--db", "t.db"], input);

async function canSignIn(username: string, password: string): Promise<boolean> {
  const db = openDatabase(join(dir, "t.db"));
  try {
    await signIn(db, { username, password }, { idleMs: 60_000 });
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

describe("sift users", { timeout: 90_000 }, () => {
  it("adds a user with the password from stdin, lists it, and refuses a duplicate with one line", async () => {
    const add = sift(["users", "add", "ann", "--role", "moderator"], "first-password-1\n");
    expect(add).toMatchObject({ code: 0, stderr: "", stdout: "created user ann (moderator)\n" });
    expect(await canSignIn("ann", "first-password-1")).toBe(true);

    const dup = sift(["users", "add", "ANN", "--role", "viewer"], "other-password-2\n");
    expect(dup.code).toBe(1);
    expect(dup.stderr).toBe("sift: user ANN already exists\n");

    const list = sift(["users", "list", "--json"]);
    expect(JSON.parse(list.stdout)).toEqual({
      users: [{ id: 1, username: "ann", role: "moderator", created_at: expect.any(String), disabled: false }],
    });
    expect(sift(["users", "list"]).stdout).toMatch(/^username\s+role.*\nann\s+moderator/);
  });

  it("refuses a bad role, a missing or short password and a bad name, creating nothing", () => {
    expect(sift(["users", "add", "bob", "--role", "root"], "long-enough-pass\n").code).not.toBe(0);
    expect(sift(["users", "add", "bob"], "long-enough-pass\n").code).not.toBe(0);
    expect(sift(["users", "add", "bob", "--role", "viewer"], "")).toMatchObject({ code: 1, stderr: "sift: no password on standard input\n" });
    expect(sift(["users", "add", "bob", "--role", "viewer"], "short\n").stderr).toMatch(/at least 10 characters/);
    expect(sift(["users", "add", "<script>", "--role", "viewer"], "long-enough-pass\n").stderr).toMatch(/invalid username/);
    expect(JSON.parse(sift(["users", "list", "--json"]).stdout)).toEqual({ users: [] });
  });

  it("changes a password: the old one stops working", async () => {
    sift(["users", "add", "ann", "--role", "admin"], "first-password-1\n");
    const passwd = sift(["users", "passwd", "ann"], "second-password-2\n");
    expect(passwd).toMatchObject({ code: 0, stdout: "changed the password of ann\n" });
    expect(await canSignIn("ann", "first-password-1")).toBe(false);
    expect(await canSignIn("ann", "second-password-2")).toBe(true);
    expect(sift(["users", "passwd", "nobody"], "second-password-2\n")).toMatchObject({ code: 1, stderr: "sift: no user named nobody\n" });
  });
});

describe("sift users set", { timeout: 90_000 }, () => {
  it("changes a role, disables and enables, and refuses to remove the last admin", async () => {
    sift(["users", "add", "boss", "--role", "admin"], "first-password-1\n");
    sift(["users", "add", "ann", "--role", "viewer"], "first-password-1\n");
    expect(sift(["users", "set", "ann", "--role", "moderator"])).toMatchObject({ code: 0, stdout: "ann: moderator, active\n" });
    expect(sift(["users", "set", "ann", "--disable"]).stdout).toBe("ann: moderator, disabled\n");
    expect(await canSignIn("ann", "first-password-1")).toBe(false);
    expect(sift(["users", "set", "ann", "--enable"]).stdout).toBe("ann: moderator, active\n");
    expect(await canSignIn("ann", "first-password-1")).toBe(true);
    expect(sift(["users", "set", "boss", "--role", "viewer"])).toMatchObject({ code: 1, stderr: expect.stringMatching(/only active admin/) });
    expect(sift(["users", "set", "ann"])).toMatchObject({ code: 1, stderr: "sift: give --role, --disable or --enable\n" });
  });
});

describe("sift backup and check", { timeout: 90_000 }, () => {
  it("copies the database to a new file that passes the check, and refuses to overwrite", () => {
    sift(["users", "add", "ann", "--role", "admin"], "first-password-1\n");
    const backup = sift(["backup", "copy.db"]);
    expect(backup.code).toBe(0);
    expect(existsSync(join(dir, "copy.db"))).toBe(true);
    const check = run(["check", "--db", "copy.db"]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/copy\.db: ok/);
    const copy = openDatabase(join(dir, "copy.db"));
    expect(copy.prepare("SELECT username FROM users").all()).toEqual([{ username: "ann" }]);
    copy.close();
    expect(sift(["backup", "copy.db"]).stderr).toBe("sift: copy.db: already exists; choose a new file name\n");
  });

  it("check fails on a missing database", () => {
    const check = run(["check", "--db", "missing.db"]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/missing\.db: no such database/);
  });
});
