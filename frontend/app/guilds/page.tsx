"use client";

import { GuildPicker } from "@/components/GuildPicker";
import { UserMenu } from "@/components/UserMenu";
import { useCurrentUser } from "@/lib/useCurrentUser";

export default function GuildsPage() {
  const me = useCurrentUser();
  return (
    <main>
      {me.kind === "ready" && <UserMenu user={me.user} />}
      <h1>Your servers</h1>
      {me.kind === "ready" && me.user.isBotOwner && (
        <p>
          <a href="/platform">Shards and the bot's health</a>
        </p>
      )}
      {me.kind === "loading" && <p role="status">Checking your sign-in…</p>}
      {me.kind === "error" && (
        <p role="alert" className="bad">
          {me.message}
        </p>
      )}
      {me.kind === "ready" && <GuildPicker />}
    </main>
  );
}
