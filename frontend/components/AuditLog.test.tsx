import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, json } from "@/testing/fakeApi";
import { AuditLog } from "./AuditLog";

const entry = (id: string, action: string) => ({
  id, actorId: "900", actorName: "Owner 0", action, targetType: "module", targetId: "tags", before: { enabled: true }, after: { enabled: false }, occurredAt: "2026-11-26T10:00:00Z",
});

describe("AuditLog", () => {
  it("pages back with the cursor and filters by action", async () => {
    const asked: string[] = [];
    const { client } = fakeApi((request) => {
      const query = new URL(request.url).searchParams;
      asked.push(query.toString());
      return json(query.get("before") ? { items: [entry("1", "module.update")], nextCursor: null }
        : query.get("action") === "llm_budget.update" ? { items: [], nextCursor: null }
        : { items: [entry("3", "module.update"), entry("2", "module.update")], nextCursor: "2" });
    });

    render(<AuditLog guildId="42" client={client} />);
    const table = await screen.findByRole("table", { name: "Changes, newest first" });
    expect(within(table).getAllByText("module.update · tags")).toHaveLength(2);
    expect(within(table).getAllByText('{"enabled":true} → {"enabled":false}')).toHaveLength(2);
    expect(within(table).getAllByText("Owner 0")).toHaveLength(2);

    fireEvent.click(screen.getByRole("button", { name: "Show older changes" }));
    await screen.findByText((_, element) => element?.tagName === "TBODY" && element.children.length === 3);
    expect(screen.queryByRole("button", { name: "Show older changes" })).toBeNull();

    fireEvent.change(screen.getByLabelText("Action"), { target: { value: "llm_budget.update" } });
    expect(await screen.findByText("No changes yet.")).toBeTruthy();
    expect(asked).toEqual(["limit=20", "before=2&limit=20", "action=llm_budget.update&limit=20"]);
  });
});
