import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StatusPanel } from "./StatusPanel";
import type { PlatformStatus } from "@/lib/platformStatus";

const healthy: PlatformStatus = {
  database: { reachable: true, latestMigration: "20261126024957_InitialCreate", appliedMigrations: 1, pendingMigrations: 0, error: null },
  redis: { reachable: true, latencyMs: 0.42, error: null },
  checkedAt: "2026-11-26T03:00:00Z",
};

describe("StatusPanel", () => {
  it("shows the latest migration and Redis latency", async () => {
    render(<StatusPanel load={() => Promise.resolve(healthy)} />);

    expect(await screen.findByTestId("latest-migration")).toHaveProperty("textContent", "20261126024957_InitialCreate");
    expect(screen.getByText("0.42 ms")).toBeTruthy();
  });

  it("explains an unreachable Redis", async () => {
    const redisDown = { ...healthy, redis: { reachable: false, latencyMs: null, error: "No connection" } };
    render(<StatusPanel load={() => Promise.resolve(redisDown)} />);

    expect(await screen.findByText("Unreachable: No connection")).toBeTruthy();
  });

  it("shows an alert when the API cannot be read", async () => {
    render(<StatusPanel load={() => Promise.reject(new Error("The API answered 503"))} />);

    expect((await screen.findByRole("alert")).textContent).toContain("The API answered 503");
  });
});
