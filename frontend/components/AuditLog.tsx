"use client";

import { useEffect, useState } from "react";
import { api, type Schemas } from "@/lib/api/client";
import { describeProblem } from "@/lib/api/problem";
import { DiscordName } from "./DiscordName";

type Entry = Schemas["AuditEntryView"];

const Actions = ["module.update", "llm_budget.update", "llm_budget.delete", "access_grant.create", "access_grant.update", "access_grant.delete"];

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** Every change made to the server through the platform, newest first, filtered by action, a page at a time. */
export function AuditLog({ guildId, client = api }: { guildId: string; client?: typeof api }) {
  const [action, setAction] = useState("");
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    void load(action, null);
    // Load runs again only when the filter or the guild changes; "older" pages are asked for by the button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action, guildId]);

  async function load(filter: string, before: string | null) {
    const { data, error, response } = await client.GET("/api/guilds/{guildId}/audit-log", {
      params: { path: { guildId }, query: { action: filter || undefined, before: before ?? undefined, limit: 20 } },
    });
    if (!data) {
      setStatus(describeProblem(error, response));
      return;
    }
    setStatus(null);
    setEntries((previous) => (before && previous ? [...previous, ...data.items] : data.items));
    setCursor(data.nextCursor);
  }

  return (
    <>
      <label className="check">
        Action
        <select value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">All</option>
          {Actions.map((a) => (
            <option key={a} value={a}>{a}</option>
          ))}
        </select>
      </label>
      {status && <p role="alert" className="bad">{status}</p>}
      {entries !== null && entries.length === 0 && <p className="muted">No changes yet.</p>}
      {entries !== null && entries.length > 0 && (
        <table>
          <caption>Changes, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{when.format(new Date(entry.occurredAt))}</td>
                <td><DiscordName name={entry.actorName} id={entry.actorId} /></td>
                <td>{entry.action}{entry.targetId ? ` · ${entry.targetId}` : ""}</td>
                <td><code>{JSON.stringify(entry.before ?? null)} → {JSON.stringify(entry.after ?? null)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" className="secondary" onClick={() => load(action, cursor)}>
          Show older changes
        </button>
      )}
    </>
  );
}
