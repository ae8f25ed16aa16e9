import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { setCsrfToken, type Schemas } from "@/lib/api/client";
import { fakeApi, json } from "@/testing/fakeApi";
import { ModuleList } from "./ModuleList";

const tags: Schemas["ModuleState"] = {
  name: "tags", description: "Text snippets for this server.", enabled: true, canBeDisabled: true,
  commands: ["tag get", "tag set"], settings: { max_tags: 200 }, settingsSchema: {}, updatedAt: null,
};
const core: Schemas["ModuleState"] = { ...tags, name: "core", description: "Always there.", canBeDisabled: false, commands: ["ping"] };

describe("ModuleList", () => {
  it("turns a module off with the CSRF token and shows the api's answer", async () => {
    setCsrfToken("csrf-123");
    const { client, sent } = fakeApi((request) => (request.method === "GET" ? json([core, tags]) : json({ ...tags, enabled: false })));
    render(<ModuleList guildId="42" canManage client={client} />);

    const toggle = await screen.findByRole("switch", { name: "tags" });
    fireEvent.click(toggle);

    await waitFor(() => expect((screen.getByRole("switch", { name: "tags" }) as HTMLInputElement).checked).toBe(false));
    expect(sent[1]).toEqual({ method: "PUT", url: "http://platform.test/api/guilds/42/modules/tags", csrf: "csrf-123", body: { enabled: false, settings: null } });
    expect((screen.getByRole("switch", { name: "core" }) as HTMLInputElement).disabled).toBe(true);
  });

  it("explains a refused change and leaves the switch as it was", async () => {
    const { client } = fakeApi((request) =>
      request.method === "GET" ? json([tags]) : json({ title: "Not allowed", detail: "This needs the ManageModules right in this guild.", status: 403 }, 403));
    render(<ModuleList guildId="42" canManage client={client} />);

    fireEvent.click(await screen.findByRole("switch", { name: "tags" }));

    expect((await screen.findByRole("alert")).textContent).toContain("This needs the ManageModules right");
    expect((screen.getByRole("switch", { name: "tags" }) as HTMLInputElement).checked).toBe(true);
  });

  it("shows modules read-only to someone who cannot manage them", async () => {
    const { client } = fakeApi(() => json([tags]));
    render(<ModuleList guildId="42" canManage={false} client={client} />);

    expect(((await screen.findByRole("switch", { name: "tags" })) as HTMLInputElement).disabled).toBe(true);
  });
});
