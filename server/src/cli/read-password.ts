import { CliError } from "./context";

/** Reads all of standard input and returns its first line (scripts: `echo "$PW" | sift users add ...`). */
async function readPasswordFromPipe(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const line = text.split(/\r?\n/)[0] ?? "";
  if (!line) throw new CliError("no password on standard input");
  return line;
}

// Typed-ahead input (e.g. both answers pasted at once) that the previous prompt did not consume.
let pending = "";

/** Prompts on the terminal without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let value = "";
    const finish = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener("data", onData);
      process.stderr.write("\n");
      if (err) reject(err);
      else resolve(value);
    };
    /** Consumes typed characters; true once the line is complete. */
    const take = (chunk: string): boolean => {
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk[i]!;
        if (ch === "\r" || ch === "\n") {
          pending = chunk.slice(i + (ch === "\r" && chunk[i + 1] === "\n" ? 2 : 1));
          finish();
          return true;
        }
        if (ch === "\u0003") {
          finish(new CliError("cancelled"));
          return true;
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
      return false;
    };
    const onData = (chunk: string) => void take(chunk);
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    stdin.on("data", onData);
    const typedAhead = pending;
    pending = "";
    if (!take(typedAhead)) stdin.resume();
  });
}

/** The new password: from stdin when it is not a terminal, else prompted twice. */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPasswordFromPipe();
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Repeat password: ");
  if (first !== second) throw new CliError("the passwords do not match");
  return first;
}
