"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { api, type Schemas } from "@/lib/api/client";
import { usd } from "@/lib/format";
import { useApiData } from "@/lib/useApiData";
import { lastThirtyDays, stackByModel } from "@/lib/usageChart";
import { DiscordName } from "./DiscordName";

type Report = Schemas["UsageReport"];

const Palette = ["#4752c4", "#1f9d6b", "#d9822b", "#c23a6b", "#2f8fd8", "#8a5cc2"];


const tokens = (value: number) => new Intl.NumberFormat("en-US", { notation: "compact" }).format(value);

/** What the server's AI commands cost over a span of days: per day by model, tokens, and who and what spent most. */
export function UsagePanel({ guildId, client = api }: { guildId: string; client?: typeof api }) {
  const [range, setRange] = useState(lastThirtyDays);
  const load = (groupBy: string) => () =>
    client.GET("/api/guilds/{guildId}/llm/usage", { params: { path: { guildId }, query: { from: range.from, to: range.to, groupBy } } });
  const key = `${guildId}:${range.from}:${range.to}`;
  const [daily] = useApiData(`usage:day_by_model:${key}`, load("day_by_model"));
  const [models] = useApiData(`usage:model:${key}`, load("model"));
  const [modules] = useApiData(`usage:module:${key}`, load("module"));
  const [users] = useApiData(`usage:user:${key}`, load("user"));
  const csv = `/api/guilds/${guildId}/llm/usage.csv?from=${range.from}&to=${range.to}&groupBy=day_by_model`;

  return (
    <>
      <div className="actions">
        <label className="check">
          From <input type="date" value={range.from} max={range.to} onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })} />
        </label>
        <label className="check">
          To <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })} />
        </label>
        <a className="button secondary" href={csv} download>
          Export CSV
        </a>
      </div>
      {daily.kind === "loading" && <p role="status">Loading usage…</p>}
      {daily.kind === "error" && (
        <p role="alert" className="bad">
          Usage could not be loaded: {daily.message}
        </p>
      )}
      {daily.kind === "ready" && <DailyCost report={daily.data} />}
      <div className="tables">
        {models.kind === "ready" && <UsageTable caption="By model" report={models.data} showTokens />}
        {modules.kind === "ready" && <UsageTable caption="Top modules" report={modules.data} limit={5} />}
        {users.kind === "ready" && <UsageTable caption="Top members" report={users.data} limit={5} />}
      </div>
    </>
  );
}

function DailyCost({ report }: { report: Report }) {
  if (report.rows.length === 0) {
    return <p className="muted">No AI calls in these days.</p>;
  }

  const { days, models } = stackByModel(report.rows);
  const summary = `${usd(report.totals.costUsd)} in ${report.totals.calls} ${report.totals.calls === 1 ? "call" : "calls"}`;
  return (
    <figure className="chart" aria-label={`Cost per day by model: ${summary}`}>
      <figcaption>
        Cost per day · {summary}
        {report.totals.refusedCalls > 0 && ` · ${report.totals.refusedCalls} refused by the budget`}
        {report.totals.unpricedCalls > 0 && ` · ${report.totals.unpricedCalls} charged at the highest rates: their model has no price`}
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={days}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="day" stroke="var(--muted)" />
          <YAxis stroke="var(--muted)" tickFormatter={(v: number) => usd(v)} width={80} />
          <Tooltip formatter={(v) => usd(Number(v))} contentStyle={{ background: "var(--card)", border: "1px solid var(--border)" }} />
          <Legend />
          {models.map((model, i) => (
            <Bar key={model} dataKey={model} stackId="cost" fill={Palette[i % Palette.length]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

function UsageTable({ caption, report, limit, showTokens = false }: { caption: string; report: Report; limit?: number; showTokens?: boolean }) {
  const rows = limit ? report.rows.slice(0, limit) : report.rows;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{report.groupBy === "user" ? "Member" : report.groupBy === "module" ? "Module" : "Model"}</th>
          <th scope="col">Calls</th>
          {showTokens && <th scope="col">Tokens in / out</th>}
          <th scope="col">Cost</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={showTokens ? 4 : 3} className="muted">
              None
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{report.groupBy === "user" ? <DiscordName name={row.name} id={row.key} /> : row.key}</th>
            <td>
              {row.calls}
              {row.refusedCalls > 0 && <span className="muted"> (+{row.refusedCalls} refused)</span>}
              {row.unpricedCalls > 0 && (
                <span className="bad" title="No price is known for this model: these calls are charged at the highest rates of any model until one is added.">
                  {" "}
                  ({row.unpricedCalls} without a price)
                </span>
              )}
            </td>
            {showTokens && (
              <td>
                {tokens(row.inputTokens)} / {tokens(row.outputTokens)}
              </td>
            )}
            <td>{usd(row.costUsd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
