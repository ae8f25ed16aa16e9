import { describe, expect, it } from "vitest";
import { lastThirtyDays, stackByModel } from "./usageChart";

const row = (key: string, split: string, costUsd: number) => ({ key, split, costUsd, calls: 1, refusedCalls: 0, unpricedCalls: 0, inputTokens: 1, cachedInputTokens: 0, outputTokens: 1 });

describe("stackByModel", () => {
  it("gives one entry per day with each model's cost, days in order", () => {
    const { days, models } = stackByModel([row("2026-11-26", "gpt-4o", 0.06), row("2026-11-25", "gpt-4o-mini", 0.01), row("2026-11-26", "gpt-4o-mini", 0.02)]);

    expect(models).toEqual(["gpt-4o", "gpt-4o-mini"]);
    expect(days).toEqual([
      { day: "2026-11-25", "gpt-4o-mini": 0.01 },
      { day: "2026-11-26", "gpt-4o": 0.06, "gpt-4o-mini": 0.02 },
    ]);
  });
});

describe("lastThirtyDays", () => {
  it("counts today in, in UTC", () => {
    expect(lastThirtyDays(new Date("2026-11-26T23:30:00Z"))).toEqual({ from: "2026-10-28", to: "2026-11-26" });
  });
});
