import type { Express } from "express";
import request from "supertest";
import type { Db } from "../db/connection";
import type { UserRole } from "../db/user-repo";
import { addUser } from "../services/user-service";
import { CSRF_HEADER } from "./csrf";

/** The password test users get. */
export const TEST_PASSWORD = "correct horse battery";

/** A supertest agent signed in as a new user with `role`, sending the CSRF header like the client does. */
export async function signedInAgent(app: Express, db: Db, role: UserRole = "moderator", username = `test-${role}`): Promise<ReturnType<typeof request.agent>> {
  await addUser(db, { username, password: TEST_PASSWORD, role });
  const agent = request.agent(app).set(CSRF_HEADER, "1");
  await agent.post("/api/session").send({ username, password: TEST_PASSWORD }).expect(200);
  return agent;
}
