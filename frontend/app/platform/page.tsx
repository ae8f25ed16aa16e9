"use client";

import { ShardStatus } from "@/components/ShardStatus";
import { SignedInPage } from "@/components/SignedInPage";

export default function PlatformPage() {
  return (
    <SignedInPage title="The bot" backToServers>
      {(user) =>
        user.isBotOwner ? (
          <section className="card" aria-labelledby="shards-heading">
            <h2 id="shards-heading">Shards</h2>
            <ShardStatus />
          </section>
        ) : (
          <p>Only the bot&apos;s owners see its shards.</p>
        )
      }
    </SignedInPage>
  );
}
