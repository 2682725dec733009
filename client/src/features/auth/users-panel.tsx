import { useQuery } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import type { UserRole } from "./queries";
import { useAddUser, useChangeUserAccess } from "./users-mutations";
import { usersQuery } from "./users-queries";
import "./auth.css";

const ROLES: UserRole[] = ["admin", "moderator", "viewer"];

function AddUserForm() {
  const add = useAddUser();
  const id = useId();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<UserRole>("moderator");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ username: username.trim(), password, role }, { onSuccess: () => (setUsername(""), setPassword("")) });
  };
  return (
    <form className="users-add" onSubmit={submit} aria-label="Add a user">
      <label htmlFor={`${id}-name`}>New username</label>
      <input id={`${id}-name`} required maxLength={64} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
      <label htmlFor={`${id}-password`}>New password</label>
      <input id={`${id}-password`} type="password" required minLength={10} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <label htmlFor={`${id}-role`}>Role</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as UserRole)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={add.isPending}>
        Add user
      </button>
      {add.isError && (
        <p className="users-error" role="alert">
          {add.error.message}
        </p>
      )}
    </form>
  );
}

/** The admins' user management: every account with its role and status, and a form to add one. */
export function UsersPanel({ onClose }: { onClose: () => void }) {
  const users = useQuery(usersQuery);
  const change = useChangeUserAccess();
  return (
    <div className="users-backdrop">
      <section className="users-panel" role="dialog" aria-modal="true" aria-label="Users">
        <header className="users-header">
          <h2>Users</h2>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close
          </button>
        </header>
        {users.isPending && <p>Loading…</p>}
        {users.isError && <p role="alert">Could not load the users: {users.error.message}</p>}
        {users.data && (
          <table className="users-table">
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <td>{u.username}</td>
                  <td>
                    <select
                      aria-label={`Role of ${u.username}`}
                      value={u.role}
                      disabled={change.isPending}
                      onChange={(e) => change.mutate({ username: u.username, role: e.target.value as UserRole })}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={change.isPending}
                      onClick={() => change.mutate({ username: u.username, disabled: !u.disabled })}
                    >
                      {u.disabled ? `Enable ${u.username}` : `Disable ${u.username}`}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {change.isError && (
          <p className="users-error" role="alert">
            {change.error.message}
          </p>
        )}
        <AddUserForm />
      </section>
    </div>
  );
}
