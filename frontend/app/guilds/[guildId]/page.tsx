"use client";

import { use } from "react";
import { GuildOverview } from "@/components/GuildOverview";
import { UserMenu } from "@/components/UserMenu";
import { useCurrentUser } from "@/lib/useCurrentUser";

export default function GuildPage({ params }: { params: Promise<{ guildId: string }> }) {
  const { guildId } = use(params);
  const me = useCurrentUser();
  return (
    <main>
      {me.kind === "ready" && <UserMenu user={me.user} />}
      <p>
        <a href="/guilds">← Your servers</a>
      </p>
      {me.kind === "loading" && <p role="status">Checking your sign-in…</p>}
      {me.kind === "error" && (
        <p role="alert" className="bad">
          {me.message}
        </p>
      )}
      {me.kind === "ready" && <GuildOverview guildId={guildId} />}
    </main>
  );
}
