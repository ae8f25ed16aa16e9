"use client";

import { ShardStatus } from "@/components/ShardStatus";
import { UserMenu } from "@/components/UserMenu";
import { useCurrentUser } from "@/lib/useCurrentUser";

export default function PlatformPage() {
  const me = useCurrentUser();
  return (
    <main>
      {me.kind === "ready" && <UserMenu user={me.user} />}
      <p>
        <a href="/guilds">← Your servers</a>
      </p>
      <h1>The bot</h1>
      {me.kind === "loading" && <p role="status">Checking your sign-in…</p>}
      {me.kind === "error" && <p role="alert" className="bad">{me.message}</p>}
      {me.kind === "ready" && !me.user.isBotOwner && <p>Only the bot's owners see its shards.</p>}
      {me.kind === "ready" && me.user.isBotOwner && (
        <section className="card" aria-labelledby="shards-heading">
          <h2 id="shards-heading">Shards</h2>
          <ShardStatus />
        </section>
      )}
    </main>
  );
}
