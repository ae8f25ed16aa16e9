import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Schemas } from "@/lib/api/client";
import { fakeApi, json } from "@/testing/fakeApi";
import { StatusPanel } from "./StatusPanel";

const healthy: Schemas["PlatformStatus"] = {
  database: { reachable: true, latestMigration: "20261126024957_InitialCreate", appliedMigrations: 1, pendingMigrations: 0, error: null },
  redis: { reachable: true, latencyMs: 0.42, error: null },
  checkedAt: "2026-11-26T03:00:00Z",
  detailed: true,
};

const forAnyone: Schemas["PlatformStatus"] = {
  database: { reachable: true, latestMigration: null, appliedMigrations: null, pendingMigrations: null, error: null },
  redis: { reachable: false, latencyMs: null, error: null },
  checkedAt: "2026-11-26T03:00:00Z",
  detailed: false,
};

const answering = (status: number, body: unknown) => fakeApi(() => json(body, status)).client;

describe("StatusPanel", () => {
  it("shows the latest migration and Redis latency", async () => {
    render(<StatusPanel client={answering(200, healthy)} />);

    expect(await screen.findByTestId("latest-migration")).toHaveProperty("textContent", "20261126024957_InitialCreate");
    expect(screen.getByText("0.42 ms")).toBeTruthy();
  });

  it("explains an unreachable Redis", async () => {
    const redisDown = { ...healthy, redis: { reachable: false, latencyMs: null, error: "No connection" } };
    render(<StatusPanel client={answering(200, redisDown)} />);

    expect(await screen.findByText("Unreachable: No connection")).toBeTruthy();
  });

  it("shows up or down only when the api gives no details", async () => {
    render(<StatusPanel client={answering(200, forAnyone)} />);

    expect(await screen.findByText("Reachable")).toBeTruthy();
    expect(screen.getByText("Unreachable")).toBeTruthy();
    expect(screen.queryByTestId("latest-migration")).toBeNull();
    expect(screen.queryByText("Latency")).toBeNull();
  });

  it("shows the api's explanation when the status cannot be read", async () => {
    render(<StatusPanel client={answering(503, { title: "The platform is starting", status: 503 })} />);

    expect((await screen.findByRole("alert")).textContent).toContain("The platform is starting");
  });
});
