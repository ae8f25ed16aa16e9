"use client";

import { api } from "@/lib/api/client";
import { usd } from "@/lib/format";
import { useApiData } from "@/lib/useApiData";
import { AccessGrants } from "./AccessGrants";
import { AuditLog } from "./AuditLog";
import { BudgetForm } from "./BudgetForm";
import { ModuleList } from "./ModuleList";
import { UsagePanel } from "./UsagePanel";


/** A guild at a glance: the month's LLM spend against its budget, and its modules. */
export function GuildOverview({ guildId, client = api }: { guildId: string; client?: typeof api }) {
  const [state] = useApiData(`guild:${guildId}`, () => client.GET("/api/guilds/{guildId}", { params: { path: { guildId } } }));

  if (state.kind === "loading") {
    return <p role="status">Loading the server…</p>;
  }

  if (state.kind === "error") {
    return (
      <p role="alert" className="bad">
        {state.message}
      </p>
    );
  }

  const guild = state.data;
  const budget = guild.llmMonthlyBudgetUsd;
  return (
    <>
      <h1>{guild.name}</h1>
      <section className="card" aria-labelledby="spend-heading">
        <h2 id="spend-heading">AI spend this month</h2>
        <p>
          {usd(guild.llmSpentThisMonthUsd)}
          {budget === null ? " · no budget set" : ` of ${usd(budget)}`}
        </p>
        {budget !== null && budget > 0 && (
          <progress max={budget} value={Math.min(guild.llmSpentThisMonthUsd, budget)} aria-label="Share of the monthly budget spent" />
        )}
      </section>
      {guild.rights.includes("view_analytics") && (
        <section className="card" aria-labelledby="usage-heading">
          <h2 id="usage-heading">AI usage</h2>
          <UsagePanel guildId={guild.id} client={client} />
        </section>
      )}
      {guild.rights.includes("view_analytics") && (
        <section className="card" aria-labelledby="budget-heading">
          <h2 id="budget-heading">Budget</h2>
          <BudgetForm guildId={guild.id} canManage={guild.rights.includes("manage_budgets")} client={client} />
        </section>
      )}
      <section className="card" aria-labelledby="modules-heading">
        <h2 id="modules-heading">Modules</h2>
        <ModuleList guildId={guild.id} canManage={guild.rights.includes("manage_modules")} client={client} />
      </section>
      {guild.rights.includes("manage_access") && (
        <section className="card" aria-labelledby="access-heading">
          <h2 id="access-heading">Access</h2>
          <AccessGrants guildId={guild.id} client={client} />
        </section>
      )}
      {guild.rights.includes("manage_access") && (
        <section className="card" aria-labelledby="audit-heading">
          <h2 id="audit-heading">Audit log</h2>
          <AuditLog guildId={guild.id} client={client} />
        </section>
      )}
    </>
  );
}
