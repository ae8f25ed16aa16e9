"use client";

import { use } from "react";
import { GuildOverview } from "@/components/GuildOverview";
import { SignedInPage } from "@/components/SignedInPage";

export default function GuildPage({ params }: { params: Promise<{ guildId: string }> }) {
  const { guildId } = use(params);
  return <SignedInPage backToServers>{() => <GuildOverview guildId={guildId} />}</SignedInPage>;
}
