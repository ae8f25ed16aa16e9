"use client";

import { api } from "@/lib/api/client";
import { useApiData } from "@/lib/useApiData";

/** The platform's own health: up or down for anyone, with the schema, latency and errors for the bot's owners. */
export function StatusPanel({ client = api }: { client?: typeof api }) {
  const [state] = useApiData("platform-status", () => client.GET("/api/platform/status", { cache: "no-store" }));

  if (state.kind === "loading") {
    return <p role="status">Checking the platform…</p>;
  }

  if (state.kind === "error") {
    return (
      <p role="alert" className="bad">
        The platform status could not be read: {state.message}
      </p>
    );
  }

  const { database, redis, detailed } = state.data;
  return (
    <>
      <section className="card" aria-labelledby="database-heading">
        <h2 id="database-heading">Database</h2>
        <dl>
          <dt>State</dt>
          <dd className={database.reachable ? "ok" : "bad"}>{describe(database.reachable, database.error)}</dd>
          {detailed && (
            <>
              <dt>Latest migration</dt>
              <dd data-testid="latest-migration">{database.latestMigration ?? "none applied"}</dd>
              <dt>Applied</dt>
              <dd>{database.appliedMigrations}</dd>
              <dt>Pending</dt>
              <dd>{database.pendingMigrations}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="redis-heading">
        <h2 id="redis-heading">Redis</h2>
        <dl>
          <dt>State</dt>
          <dd className={redis.reachable ? "ok" : "bad"}>{describe(redis.reachable, redis.error)}</dd>
          {detailed && (
            <>
              <dt>Latency</dt>
              <dd>{redis.latencyMs == null ? "–" : `${redis.latencyMs.toFixed(2)} ms`}</dd>
            </>
          )}
        </dl>
      </section>
      {!detailed && <p className="muted">The bot&apos;s owners see the schema version, latency and errors here once signed in.</p>}
    </>
  );
}

function describe(reachable: boolean, error: string | null | undefined): string {
  return reachable ? "Reachable" : error ? `Unreachable: ${error}` : "Unreachable";
}
