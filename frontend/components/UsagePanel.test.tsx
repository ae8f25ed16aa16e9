import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, json } from "@/testing/fakeApi";
import { UsagePanel } from "./UsagePanel";

const row = (key: string, costUsd: number, split: string | null = null, name: string | null = null, refusedCalls = 0, unpricedCalls = 0) => ({
  key, split, name, calls: 2, refusedCalls, unpricedCalls, inputTokens: 1200, cachedInputTokens: 0, outputTokens: 800, costUsd,
});

function reportFor(groupBy: string) {
  const rows = {
    day_by_model: [row("2026-11-26", 0.06, "gpt-4o")],
    model: [row("gpt-4o", 0.06, null, null, 3, 1)],
    module: [row("ask", 0.05), row("summary", 0.01)],
    user: [row("900", 0.04, null, "Owner 0"), row("901", 0.02)],
  }[groupBy] ?? [];
  return {
    from: "2026-10-28", to: "2026-11-26", groupBy, rows, totals: row("total", 0.06, null, null, groupBy === "day_by_model" ? 3 : 0),
    monthToDate: { since: "2026-11-01", spentUsd: 0.06, budgetUsd: null, percentOfBudget: null },
  };
}

describe("UsagePanel", () => {
  it("shows the span's cost, the tables by model, module and member, and a CSV link for the same days", async () => {
    const asked: string[] = [];
    const { client } = fakeApi((request) => {
      const groupBy = new URL(request.url).searchParams.get("groupBy")!;
      asked.push(groupBy);
      return json(reportFor(groupBy));
    });

    render(<UsagePanel guildId="42" client={client} />);

    expect((await screen.findByRole("figure")).getAttribute("aria-label")).toBe("Cost per day by model: $0.06 in 2 calls");
    const byModel = await screen.findByRole("table", { name: "By model" });
    expect(within(byModel).getByText("1.2K / 800")).toBeTruthy();
    expect(within(byModel).getByRole("row", { name: /^gpt-4o/ }).textContent).toContain("2 (+3 refused) (1 without a price)");
    expect(screen.getByRole("figure").querySelector("figcaption")?.textContent).toBe("Cost per day · $0.06 in 2 calls · 3 refused by the budget");
    expect(within(await screen.findByRole("table", { name: "Top modules" })).getByText("ask")).toBeTruthy();
    const members = await screen.findByRole("table", { name: "Top members" });
    expect(within(members).getByText("Owner 0").nextElementSibling?.textContent).toBe("900");
    expect(within(members).getByText("901")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toMatch(/usage\.csv\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&groupBy=day_by_model$/);
    expect(asked.sort()).toEqual(["day_by_model", "model", "module", "user"]);
  });
});
