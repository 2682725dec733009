import { expect, request, type APIRequestContext } from "@playwright/test";
import { ADMIN_PASSWORD } from "./sign-in-page";

interface ApiComment {
  id: string;
  version: number;
  status: string;
  body: string;
}

/**
 * Another moderator's session, straight against the API (no browser): used to change things
 * behind an open page's back, as a colleague at another desk would.
 */
export class ApiSession {
  private constructor(readonly api: APIRequestContext) {}

  static async signIn(baseURL: string, username = "admin", password = ADMIN_PASSWORD): Promise<ApiSession> {
    // X-Sift-CSRF: the server refuses state changes without it, as it would a cross-site form.
    const api = await request.newContext({ baseURL, extraHTTPHeaders: { "X-Sift-CSRF": "1" } });
    const response = await api.post("/api/session", { data: { username, password } });
    expect(response.status(), await response.text()).toBe(200);
    return new ApiSession(api);
  }

  /** The one comment of the All view whose body contains `text`. */
  async findComment(text: string): Promise<ApiComment> {
    const response = await this.api.get("/api/comments", { params: { view: "all", q: text, limit: 50 } });
    expect(response.ok()).toBe(true);
    const { comments } = (await response.json()) as { comments: ApiComment[] };
    const found = comments.filter((c) => c.body.includes(text));
    expect(found, `comments containing "${text}"`).toHaveLength(1);
    return found[0]!;
  }

  async decide(text: string, action: "approve" | "remove" | "undo"): Promise<void> {
    const comment = await this.findComment(text);
    const response = await this.api.post(`/api/comments/${encodeURIComponent(comment.id)}/decision`, { data: { action, version: comment.version } });
    expect(response.status(), await response.text()).toBe(200);
  }

  async dispose(): Promise<void> {
    await this.api.dispose();
  }
}
