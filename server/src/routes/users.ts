import { Router } from "express";
import { z } from "zod";
import type { Db } from "../db/connection";
import { addUser, changeUserAccess, listUsers } from "../services/user-service";
import { requireRole, sessionUser } from "./auth-middleware";

const RoleSchema = z.enum(["admin", "moderator", "viewer"]);

/** Body of POST /api/users. */
export const NewUserBodySchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(1000),
  role: RoleSchema,
});

/** Body of PATCH /api/users/:username: at least one of role and disabled. */
export const UserAccessBodySchema = z
  .object({ role: RoleSchema.optional(), disabled: z.boolean().optional() })
  .refine((b) => b.role !== undefined || b.disabled !== undefined, { message: "give role or disabled" });

/** Account management for admins: list, add, change role, disable. */
export function usersRouter(db: Db): Router {
  const router = Router();
  router.use("/users", requireRole("admin"));
  router.get("/users", (_req, res) => {
    res.json({ users: listUsers(db) });
  });
  router.post("/users", async (req, res) => {
    const body = NewUserBodySchema.parse(req.body ?? {});
    const user = await addUser(db, { ...body, actor: sessionUser(res).username });
    res.status(201).json({ user });
  });
  router.patch("/users/:username", (req, res) => {
    const body = UserAccessBodySchema.parse(req.body ?? {});
    res.json({ user: changeUserAccess(db, req.params.username, body, sessionUser(res).username) });
  });
  return router;
}
