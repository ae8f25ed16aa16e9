"use client";

import { useState, type FormEvent } from "react";
import { api, type Schemas } from "@/lib/api/client";
import { describeProblem, fieldErrors } from "@/lib/api/problem";
import { useApiData } from "@/lib/useApiData";
import { Field, invalidProps } from "./Field";
import { DiscordName } from "./DiscordName";

type Grant = Schemas["AccessGrantView"];

export const Rights: { name: string; label: string }[] = [
  { name: "view_analytics", label: "View analytics" },
  { name: "manage_modules", label: "Manage modules" },
  { name: "manage_budgets", label: "Manage budgets" },
  { name: "manage_access", label: "Manage access" },
  { name: "manage_content", label: "Manage content" },
];

const labelOf = (right: string) => Rights.find((r) => r.name === right)?.label ?? right;

/** Rights delegated to members or roles who lack Manage Server in Discord. */
export function AccessGrants({ guildId, client = api }: { guildId: string; client?: typeof api }) {
  const [state, update] = useApiData(`grants:${guildId}`, () => client.GET("/api/guilds/{guildId}/access-grants", { params: { path: { guildId } } }));
  const [subjectType, setSubjectType] = useState("user");
  const [subjectId, setSubjectId] = useState("");
  const [scopes, setScopes] = useState<string[]>(["view_analytics"]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    const { data, error, response } = await client.POST("/api/guilds/{guildId}/access-grants", {
      params: { path: { guildId } },
      body: { subjectType, subjectId: subjectId.trim(), scopes },
    });
    setErrors(fieldErrors(error));
    setStatus(data ? "Access granted." : describeProblem(error, response));
    if (data) {
      update((grants) => [...grants, data]);
      setSubjectId("");
    }
  }

  async function remove(grant: Grant) {
    const { error, response } = await client.DELETE("/api/guilds/{guildId}/access-grants/{grantId}", { params: { path: { guildId, grantId: grant.id } } });
    setStatus(response.ok ? "Access taken back." : describeProblem(error, response));
    if (response.ok) {
      update((grants) => grants.filter((g) => g.id !== grant.id));
    }
  }

  if (state.kind === "loading") {
    return <p role="status">Loading access…</p>;
  }

  if (state.kind === "error") {
    return (
      <p role="alert" className="bad">
        Access could not be loaded: {state.message}
      </p>
    );
  }

  return (
    <>
      {state.data.length === 0 ? (
        <p className="muted">Only members with Manage Server can manage this server here.</p>
      ) : (
        <ul className="grants">
          {state.data.map((grant) => (
            <li key={grant.id}>
              <span>
                {grant.subjectType === "role" ? "Role" : "Member"} <DiscordName name={grant.subjectName} id={grant.subjectId} />: {grant.scopes.map(labelOf).join(", ")}
              </span>
              <button type="button" className="secondary" onClick={() => remove(grant)} aria-label={`Take back access of ${grant.subjectType} ${grant.subjectId}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="settings" onSubmit={add} aria-label="Grant access">
        <Field id="grant-subject-type" label="Grant to" errors={errors.subjectType}>
          <select id="grant-subject-type" value={subjectType} onChange={(e) => setSubjectType(e.target.value)}>
            <option value="user">A member</option>
            <option value="role">Everyone with a role</option>
          </select>
        </Field>
        <Field id="grant-subject-id" label={subjectType === "role" ? "Role id" : "Member id"} hint="Right-click the member or role in Discord, with developer mode on, to copy its id." errors={errors.subjectId}>
          <input id="grant-subject-id" type="text" value={subjectId} required inputMode="numeric" pattern="[0-9]+" {...invalidProps("grant-subject-id", errors.subjectId)}
            onChange={(e) => setSubjectId(e.target.value)} />
        </Field>
        <fieldset {...invalidProps("grant-scopes", errors.scopes)}>
          <legend>Rights</legend>
          {Rights.map((right) => (
            <label key={right.name} className="check">
              <input type="checkbox" checked={scopes.includes(right.name)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, right.name] : scopes.filter((s) => s !== right.name))} />
              {right.label}
            </label>
          ))}
          {errors.scopes && <p id="grant-scopes-errors" className="bad">{errors.scopes.join(" ")}</p>}
        </fieldset>
        <button type="submit">Grant access</button>
        {status && <p role="status">{status}</p>}
      </form>
    </>
  );
}
