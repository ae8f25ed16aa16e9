import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Schemas } from "@/lib/api/client";
import { fakeApi, json } from "@/testing/fakeApi";
import { GuildPicker } from "./GuildPicker";

const clientAnswering = (status: number, body: unknown) => fakeApi(() => json(body, status)).client;

const managed: Schemas["GuildListItem"] = {
  id: "1", name: "Book Club", iconUrl: null, botPresent: true, rights: ["view_analytics", "manage_modules", "manage_budgets", "manage_access", "manage_content"], inviteUrl: null,
};
const invitable: Schemas["GuildListItem"] = {
  id: "2", name: "Chess Night", iconUrl: null, botPresent: false, rights: ["view_analytics"], inviteUrl: "https://discord.com/oauth2/authorize?client_id=9&guild_id=2",
};

describe("GuildPicker", () => {
  it("links the servers the bot is in and offers an invite where it is not", async () => {
    render(<GuildPicker client={clientAnswering(200, [managed, invitable])} />);

    expect((await screen.findByRole("link", { name: "Book Club" })).getAttribute("href")).toBe("/guilds/1");
    expect(screen.getByText("Full access")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Invite the bot to Chess Night" }).getAttribute("href")).toBe(invitable.inviteUrl);
  });

  it("says what to do when there is no server", async () => {
    render(<GuildPicker client={clientAnswering(200, [])} />);

    expect(await screen.findByText(/do not manage any server/)).toBeTruthy();
  });

  it("shows the api's explanation when the list cannot be read", async () => {
    render(<GuildPicker client={clientAnswering(503, { title: "Service unavailable", detail: "The platform cannot reach Redis right now.", status: 503 })} />);

    expect((await screen.findByRole("alert")).textContent).toContain("The platform cannot reach Redis right now.");
  });
});
