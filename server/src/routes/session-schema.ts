import { z } from "zod";

/** Body of POST /api/session. Lengths are capped so a huge password cannot make scrypt the bottleneck. */
export const SignInBodySchema = z.object({
  username: z.string().trim().min(1, "username is required").max(100),
  password: z.string().min(1, "password is required").max(1000),
});
