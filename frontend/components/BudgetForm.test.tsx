import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, json } from "@/testing/fakeApi";
import { BudgetForm } from "./BudgetForm";

const byMethod = (answers: Record<string, () => Response>) => (request: Request) => answers[request.method]();

const budget = { monthlyLimitUsd: 12.5, softThresholdPercent: 75, perUserDailyLimitUsd: null, alertChannelId: null, updatedAt: "2026-11-26T10:00:00Z", updatedBy: "1" };

describe("BudgetForm", () => {
  it("starts empty when the guild has no budget, and saves numbers", async () => {
    const { client, sent } = fakeApi(byMethod({
      GET: () => json({ title: "No budget", status: 404 }, 404),
      PUT: () => json({ ...budget, monthlyLimitUsd: 5 }),
    }));
    render(<BudgetForm guildId="42" canManage client={client} />);

    fireEvent.change(await screen.findByLabelText("Monthly limit (USD)"), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Save budget" }));

    expect((await screen.findByRole("status")).textContent).toContain("Budget saved");
    expect(sent[1]).toMatchObject({ method: "PUT", body: { monthlyLimitUsd: 5, softThresholdPercent: 80, perUserDailyLimitUsd: null, alertChannelId: null } });
    expect(screen.getByRole("button", { name: "Remove budget" })).toBeTruthy();
  });

  it("shows the api's messages by their fields", async () => {
    const { client } = fakeApi(byMethod({
      GET: () => json(budget),
      PUT: () => json({ title: "One or more validation errors occurred.", status: 400, errors: { softThresholdPercent: ["A percentage from 1 to 100."] } }, 400),
    }));
    render(<BudgetForm guildId="42" canManage client={client} />);

    fireEvent.click(await screen.findByRole("button", { name: "Save budget" }));

    expect(await screen.findByText("A percentage from 1 to 100.")).toBeTruthy();
    expect(screen.getByLabelText("Warn at (% of the limit)").getAttribute("aria-invalid")).toBe("true");
  });

  it("is read-only to someone who may only view analytics", async () => {
    const { client } = fakeApi(byMethod({ GET: () => json(budget) }));
    render(<BudgetForm guildId="42" canManage={false} client={client} />);

    expect(((await screen.findByLabelText("Monthly limit (USD)")) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Save budget" })).toBeNull();
  });
});
