"use client";

import { api, type Schemas } from "@/lib/api/client";
import { useApiData } from "@/lib/useApiData";

type Guild = Schemas["GuildListItem"];

/** The servers the user can manage where the bot is, and those they could invite it to. */
export function GuildPicker({ client = api }: { client?: typeof api }) {
  const [state] = useApiData("guilds", () => client.GET("/api/guilds"));

  if (state.kind === "loading") {
    return <p role="status">Loading your servers…</p>;
  }

  if (state.kind === "error") {
    return (
      <p role="alert" className="bad">
        Your servers could not be loaded: {state.message}
      </p>
    );
  }

  const managed = state.data.filter((g) => g.botPresent);
  const invitable = state.data.filter((g) => !g.botPresent);
  if (state.data.length === 0) {
    return (
      <section className="card">
        <p>You do not manage any server the bot is in, and none where you could add it. A server admin can grant you access on the dashboard.</p>
      </section>
    );
  }

  return (
    <>
      {managed.length > 0 && (
        <section className="card" aria-labelledby="managed-heading">
          <h2 id="managed-heading">Your servers</h2>
          <ul className="guilds">
            {managed.map((guild) => (
              <li key={guild.id}>
                <GuildIcon guild={guild} />
                <a href={`/guilds/${guild.id}`}>{guild.name}</a>
                <span className="muted">{guild.rights.length === 5 ? "Full access" : guild.rights.map((r) => r.replaceAll("_", " ")).join(", ")}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {invitable.length > 0 && (
        <section className="card" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Add the bot</h2>
          <ul className="guilds">
            {invitable.map((guild) => (
              <li key={guild.id}>
                <GuildIcon guild={guild} />
                <span>{guild.name}</span>
                <a className="button" href={guild.inviteUrl ?? "#"} target="_blank" rel="noopener noreferrer" aria-label={`Invite the bot to ${guild.name}`}>
                  Invite
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function GuildIcon({ guild }: { guild: Guild }) {
  return guild.iconUrl ? (
    // Discord's CDN serves the icon; Next's image optimizer would fetch it from the server, which has no way out in some deployments.
    // eslint-disable-next-line @next/next/no-img-element
    <img className="guild-icon" src={guild.iconUrl} alt="" width={32} height={32} />
  ) : (
    <span className="guild-icon" aria-hidden="true">
      {guild.name.slice(0, 1).toUpperCase()}
    </span>
  );
}
