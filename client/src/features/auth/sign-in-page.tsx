import { useId, useState, type FormEvent } from "react";
import { useSignIn } from "./mutations";
import "./auth.css";

/** The sign-in form: the only page someone without a session sees. */
export function SignInPage() {
  const signIn = useSignIn();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    signIn.mutate({ username: username.trim(), password });
  };

  return (
    <main className="sign-in">
      <form className="sign-in-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <p className="sign-in-brand">Sift</p>
        <h1 id={`${id}-title`} className="sign-in-title">
          Sign in
        </h1>
        <label htmlFor={`${id}-username`}>Username</label>
        <input
          id={`${id}-username`}
          name="username"
          autoComplete="username"
          autoFocus
          required
          maxLength={100}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1000}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {signIn.isError && (
          <p className="sign-in-error" role="alert">
            {signIn.error.message}
          </p>
        )}
        <button type="submit" className="button sign-in-submit" disabled={signIn.isPending}>
          Sign in
        </button>
      </form>
    </main>
  );
}
