import { z } from "zod";

/** The version every pack file carries (they move together, see pack-version.test.ts). */
export const PackVersionSchema = z.string().regex(/^\d+\.\d+\.\d+$/, "a version like 2.0.0");

/** A list of lower-case words or multi-word phrases. */
export const LowerCaseWords = z.array(z.string().min(1).regex(/^[^A-Z]+$/, "lower case only"));

/** Parses a pack file, naming it and the first problem when it is malformed (a broken edit fails loudly at start-up, not silently per comment). */
export function loadPack<T>(name: string, schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`rules pack ${name}: ${issue?.path.join(".") || "(top)"}: ${issue?.message}`);
  }
  return parsed.data;
}
