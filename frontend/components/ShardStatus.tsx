"use client";

import { useEffect, useState } from "react";
import { api, type Schemas } from "@/lib/api/client";
import { describeProblem } from "@/lib/api/problem";

type Shard = Schemas["ShardView"];

/** A fleet at a glance: shards ready, the guilds they serve between them, and the processes running them. */
function summary(shards: Shard[]) {
  const ready = shards.filter((s) => s.status.state === "ready" && !s.stale).length;
  const guilds = shards.reduce((sum, s) => sum + (s.status.guildCount ?? 0), 0);
  const processes = new Set(shards.map((s) => s.status.owner)).size;
  const running = `${processes} ${processes === 1 ? "process" : "processes"}`;
  return `Shards (${ready} of ${shards.length} ready; ${guilds.toLocaleString("en-US")} guilds in ${running})`;
}

/** Every shard as the bot last published it, read again every two seconds, as the bot publishes. */
export function ShardStatus({ client = api, everyMs = 2_000 }: { client?: typeof api; everyMs?: number }) {
  const [shards, setShards] = useState<Shard[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const read = () =>
      client
        .GET("/api/platform/shards")
        .then(({ data, error: problem, response }) => {
          if (current) {
            setError(data ? null : describeProblem(problem, response));
            if (data) {
              setShards(data);
            }
          }
        })
        .catch(() => current && setError("The platform could not be reached."));
    void read();
    const timer = setInterval(read, everyMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [client, everyMs]);

  return (
    <>
      {error && <p role="alert" className="bad">{error}</p>}
      {shards === null && !error && <p role="status">Loading shards…</p>}
      {shards !== null && shards.length === 0 && <p className="muted">No shard has reported yet.</p>}
      {shards !== null && shards.length > 0 && (
        <table>
          <caption>{summary(shards)}</caption>
          <thead>
            <tr>
              <th scope="col">Shard</th>
              <th scope="col">State</th>
              <th scope="col">Latency</th>
              <th scope="col">Guilds</th>
              <th scope="col">Process</th>
            </tr>
          </thead>
          <tbody>
            {shards.map(({ status, stale }) => (
              <tr key={status.shardId}>
                <th scope="row">{status.shardId}</th>
                <td className={stale || status.state !== "ready" ? "bad" : "ok"}>{stale ? `${status.state} (stale)` : status.state}</td>
                <td>{status.latencyMs == null ? "–" : `${status.latencyMs.toFixed(0)} ms`}</td>
                <td>
                  {status.guildCount ?? 0}
                  {(status.unavailableGuildCount ?? 0) > 0 && <span className="bad"> ({status.unavailableGuildCount} unavailable)</span>}
                </td>
                <td><code>{status.owner}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
