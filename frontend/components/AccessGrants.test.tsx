import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, json } from "@/testing/fakeApi";
import { AccessGrants } from "./AccessGrants";

const grant = { id: "7", subjectType: "role", subjectId: "555", subjectName: "Moderators", scopes: ["view_analytics"], grantedBy: "1", createdAt: "2026-11-26T10:00:00Z", updatedAt: "2026-11-26T10:00:00Z" };

describe("AccessGrants", () => {
  it("grants a member rights and lists them", async () => {
    const { client, sent } = fakeApi((request) =>
      request.method === "GET" ? json([]) : json({ ...grant, id: "8", subjectType: "user", subjectId: "123", subjectName: null, scopes: ["view_analytics", "manage_modules"] }, 201));
    render(<AccessGrants guildId="42" client={client} />);

    fireEvent.change(await screen.findByLabelText("Member id"), { target: { value: "123" } });
    fireEvent.click(screen.getByLabelText("Manage modules"));
    fireEvent.click(screen.getByRole("button", { name: "Grant access" }));

    expect(await screen.findByText(/View analytics, Manage modules/)).toBeTruthy();
    expect(sent[1].body).toEqual({ subjectType: "user", subjectId: "123", scopes: ["view_analytics", "manage_modules"] });
  });

  it("takes a grant back", async () => {
    const { client, sent } = fakeApi((request) => (request.method === "GET" ? json([grant]) : json(null, 204)));
    render(<AccessGrants guildId="42" client={client} />);

    expect((await screen.findByText("Moderators")).nextElementSibling?.textContent).toBe("555");
    fireEvent.click(screen.getByRole("button", { name: "Take back access of role 555" }));

    await waitFor(() => expect(screen.queryByText("555")).toBeNull());
    expect(sent[1]).toMatchObject({ method: "DELETE", url: "http://platform.test/api/guilds/42/access-grants/7" });
  });

  it("shows why a grant was refused", async () => {
    const { client } = fakeApi((request) =>
      request.method === "GET" ? json([]) : json({ title: "One or more validation errors occurred.", status: 400, errors: { scopes: ["You can only grant rights you hold: view_analytics."] } }, 400));
    render(<AccessGrants guildId="42" client={client} />);

    fireEvent.change(await screen.findByLabelText("Member id"), { target: { value: "123" } });
    fireEvent.click(screen.getByLabelText("Manage budgets"));
    fireEvent.click(screen.getByRole("button", { name: "Grant access" }));

    expect(await screen.findByText("You can only grant rights you hold: view_analytics.")).toBeTruthy();
  });
});
