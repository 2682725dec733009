import { AuthGate } from "./features/auth/auth-gate";
import { AppRoutes } from "./routes";

/** The dashboard: the signed-in pages, picked by the URL path (see routes.tsx). */
export function App() {
  return (
    <AuthGate>
      <AppRoutes />
    </AuthGate>
  );
}
