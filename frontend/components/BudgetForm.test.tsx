import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createApiClient } from "@/lib/api/client";
import { BudgetForm } from "./BudgetForm";

type Sent = { method: string; body: unknown };

function fakeApi(answers: Record<string, () => Response>) {
  const sent: Sent[] = [];
  const client = createApiClient("http://platform.test");
  client.use({
    async onRequest({ request }) {
      sent.push({ method: request.method, body: request.method === "PUT" ? await request.clone().json() : null });
      return answers[request.method]() as never;
    },
  });
  return { client, sent };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" } });

const budget = { monthlyLimitUsd: 12.5, softThresholdPercent: 75, perUserDailyLimitUsd: null, alertChannelId: null, updatedAt: "2026-11-26T10:00:00Z", updatedBy: "1" };

describe("BudgetForm", () => {
  it("starts empty when the guild has no budget, and saves numbers", async () => {
    const { client, sent } = fakeApi({
      GET: () => json({ title: "No budget", status: 404 }, 404),
      PUT: () => json({ ...budget, monthlyLimitUsd: 5 }),
    });
    render(<BudgetForm guildId="42" canManage client={client} />);

    fireEvent.change(await screen.findByLabelText("Monthly limit (USD)"), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Save budget" }));

    expect((await screen.findByRole("status")).textContent).toContain("Budget saved");
    expect(sent[1]).toEqual({ method: "PUT", body: { monthlyLimitUsd: 5, softThresholdPercent: 80, perUserDailyLimitUsd: null, alertChannelId: null } });
    expect(screen.getByRole("button", { name: "Remove budget" })).toBeTruthy();
  });

  it("shows the api's messages by their fields", async () => {
    const { client } = fakeApi({
      GET: () => json(budget),
      PUT: () => json({ title: "One or more validation errors occurred.", status: 400, errors: { softThresholdPercent: ["A percentage from 1 to 100."] } }, 400),
    });
    render(<BudgetForm guildId="42" canManage client={client} />);

    fireEvent.click(await screen.findByRole("button", { name: "Save budget" }));

    expect(await screen.findByText("A percentage from 1 to 100.")).toBeTruthy();
    expect(screen.getByLabelText("Warn at (% of the limit)").getAttribute("aria-invalid")).toBe("true");
  });

  it("is read-only to someone who may only view analytics", async () => {
    const { client } = fakeApi({ GET: () => json(budget) });
    render(<BudgetForm guildId="42" canManage={false} client={client} />);

    expect(((await screen.findByLabelText("Monthly limit (USD)")) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Save budget" })).toBeNull();
  });
});
