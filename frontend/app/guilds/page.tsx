"use client";

import { GuildPicker } from "@/components/GuildPicker";
import { SignedInPage } from "@/components/SignedInPage";

export default function GuildsPage() {
  return (
    <SignedInPage title="Your servers">
      {(user) => (
        <>
          {user.isBotOwner && (
            <p>
              <a href="/platform">Shards and the bot&apos;s health</a>
            </p>
          )}
          <GuildPicker />
        </>
      )}
    </SignedInPage>
  );
}
