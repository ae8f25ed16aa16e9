import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi, json } from "@/testing/fakeApi";
import { ShardStatus } from "./ShardStatus";

const shard = (shardId: number, state: string, stale = false, unavailableGuildCount = 0, owner = "bot-1", guildCount = 21) => ({
  stale,
  status: { shardId, totalShards: 2, state, owner, publishedAt: "2026-11-26T10:00:00Z", latencyMs: 41.6, guildCount, unavailableGuildCount, resumes: 0, reconnects: 0, eventsPerSecond: 1 },
});

describe("ShardStatus", () => {
  it("reads the shards again and again, and marks one that stopped reporting", async () => {
    let reads = 0;
    const { client } = fakeApi(() => json(++reads === 1 ? [shard(0, "ready"), shard(1, "connecting")] : [shard(0, "ready"), shard(1, "ready", true)]));

    render(<ShardStatus client={client} everyMs={50} />);

    expect((await screen.findByRole("table")).querySelector("caption")?.textContent).toBe("Shards (1 of 2 ready; 42 guilds in 1 process)");
    expect(await screen.findByText("ready (stale)")).toBeTruthy();
    expect(screen.getAllByText("42 ms")).toHaveLength(2);
  });

  it("counts a shard's unavailable guilds apart", async () => {
    const { client } = fakeApi(() => json([shard(0, "ready", false, 2)]));

    render(<ShardStatus client={client} everyMs={60_000} />);

    expect((await screen.findByRole("row", { name: /^0 ready/ })).textContent).toContain("21 (2 unavailable)");
  });

  it("sums a fleet's guilds and processes, as 64 shards in 4 processes serving 100,000 guilds", async () => {
    const guilds = (id: number) => (id < 32 ? 1_563 : 1_562);
    const fleet = Array.from({ length: 64 }, (_, id) => shard(id, "ready", false, 0, `host/${id % 4}`, guilds(id)));
    const { client } = fakeApi(() => json(fleet));

    render(<ShardStatus client={client} everyMs={60_000} />);

    const caption = (await screen.findByRole("table")).querySelector("caption")?.textContent;
    expect(caption).toBe("Shards (64 of 64 ready; 100,000 guilds in 4 processes)");
    expect(screen.getAllByRole("row")).toHaveLength(65);
  });
});
