import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { sessionQuery } from "./queries";
import { SignInPage } from "./sign-in-page";

/**
 * Shows the dashboard to a signed-in user and the sign-in page to anyone else. Any 401 from the
 * API clears the session (query-client.ts), which brings the sign-in page back.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQuery);
  if (session.isPending) return <p className="auth-loading">Loading…</p>;
  if (session.isError) {
    return (
      <p className="auth-loading" role="alert">
        Could not reach the Sift server: {session.error.message}
      </p>
    );
  }
  if (!session.data) return <SignInPage />;
  return children;
}
