import { AuthGate } from "./features/auth/auth-gate";
import { QueuePage } from "./features/queue/queue-page";

/** The dashboard. One page for now; routing arrives with the thread, rules and reports features. */
export function App() {
  return (
    <AuthGate>
      <QueuePage />
    </AuthGate>
  );
}
