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
