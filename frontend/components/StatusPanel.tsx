"use client";

import { useEffect, useState } from "react";
import { fetchPlatformStatus, type PlatformStatus } from "@/lib/platformStatus";

type State =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; status: PlatformStatus };

export function StatusPanel({ load = fetchPlatformStatus }: { load?: typeof fetchPlatformStatus }) {
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal)
      .then((status) => setState({ kind: "ready", status }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ kind: "error", message: error instanceof Error ? error.message : String(error) });
        }
      });
    return () => controller.abort();
  }, [load]);

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

  const { database, redis } = state.status;
  return (
    <>
      <section className="card" aria-labelledby="database-heading">
        <h2 id="database-heading">Database</h2>
        <dl>
          <dt>State</dt>
          <dd className={database.reachable ? "ok" : "bad"}>{database.reachable ? "Reachable" : `Unreachable: ${database.error}`}</dd>
          <dt>Latest migration</dt>
          <dd data-testid="latest-migration">{database.latestMigration ?? "none applied"}</dd>
          <dt>Applied</dt>
          <dd>{database.appliedMigrations}</dd>
          <dt>Pending</dt>
          <dd>{database.pendingMigrations}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="redis-heading">
        <h2 id="redis-heading">Redis</h2>
        <dl>
          <dt>State</dt>
          <dd className={redis.reachable ? "ok" : "bad"}>{redis.reachable ? "Reachable" : `Unreachable: ${redis.error}`}</dd>
          <dt>Latency</dt>
          <dd>{redis.latencyMs === null ? "–" : `${redis.latencyMs.toFixed(2)} ms`}</dd>
        </dl>
      </section>
    </>
  );
}
