import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Schemas } from "@/lib/api/client";
import { fakeApi, json } from "@/testing/fakeApi";
import { SettingsForm } from "./SettingsForm";

const tags = {
  name: "tags", description: "Text snippets.", enabled: true, canBeDisabled: true, commands: [], updatedAt: null,
  settings: { max_tags: 200 },
  settingsSchema: { type: "object", properties: { max_tags: { type: "integer", minimum: 1, maximum: 1000 } }, additionalProperties: false },
} as unknown as Schemas["ModuleState"];

const answering = (status: number, body: unknown) => fakeApi(() => json(body, status));

describe("SettingsForm", () => {
  it("builds a labelled field with the schema's bounds and saves a number", async () => {
    const saved = vi.fn();
    const { client, sent } = answering(200, { ...tags, settings: { max_tags: 25 } });
    render(<SettingsForm guildId="42" module={tags} disabled={false} onSaved={saved} client={client} />);

    const field = screen.getByLabelText("Max tags") as HTMLInputElement;
    expect([field.type, field.min, field.max, field.value]).toEqual(["number", "1", "1000", "200"]);
    fireEvent.change(field, { target: { value: "25" } });
    fireEvent.click(screen.getByRole("button", { name: "Save tags settings" }));

    await waitFor(() => expect(saved).toHaveBeenCalled());
    expect(sent.map((request) => request.body)).toEqual([{ enabled: null, settings: { max_tags: 25 } }]);
  });

  it("shows the api's validation message by its field", async () => {
    const { client } = answering(400, { title: "One or more validation errors occurred.", status: 400, errors: { "settings/max_tags": ["Value is greater than 1000"] } });
    render(<SettingsForm guildId="42" module={tags} disabled={false} onSaved={() => {}} client={client} />);

    fireEvent.click(screen.getByRole("button", { name: "Save tags settings" }));

    expect((await screen.findByText("Value is greater than 1000")).id).toBe("tags-max_tags-errors");
    expect(screen.getByLabelText("Max tags").getAttribute("aria-invalid")).toBe("true");
  });
});
