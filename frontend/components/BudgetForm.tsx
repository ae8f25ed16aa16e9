"use client";

import { useEffect, useState, type FormEvent } from "react";
import { api, type Schemas } from "@/lib/api/client";
import { describeProblem, fieldErrors } from "@/lib/api/problem";
import { Field, invalidProps } from "./Field";

type Budget = Schemas["BudgetView"];

type Values = { monthlyLimitUsd: string; softThresholdPercent: string; perUserDailyLimitUsd: string; alertChannelId: string };

const empty: Values = { monthlyLimitUsd: "", softThresholdPercent: "80", perUserDailyLimitUsd: "", alertChannelId: "" };

const toValues = (budget: Budget): Values => ({
  monthlyLimitUsd: String(budget.monthlyLimitUsd),
  softThresholdPercent: String(budget.softThresholdPercent),
  perUserDailyLimitUsd: budget.perUserDailyLimitUsd === null ? "" : String(budget.perUserDailyLimitUsd),
  alertChannelId: budget.alertChannelId ?? "",
});

const numberOrNull = (value: string) => (value.trim() === "" ? null : Number(value));

/** The guild's monthly LLM budget: the limit the bot enforces, the early warning, and a per-member daily cap. */
export function BudgetForm({ guildId, canManage, client = api }: { guildId: string; canManage: boolean; client?: typeof api }) {
  const [values, setValues] = useState<Values | null>(null);
  const [exists, setExists] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    client
      .GET("/api/guilds/{guildId}/llm/budget", { params: { path: { guildId } } })
      .then(({ data, response }) => {
        if (current) {
          setExists(Boolean(data));
          setValues(data ? toValues(data) : empty);
          setStatus(data || response.status === 404 ? null : `The budget could not be read (${response.status}).`);
        }
      })
      .catch(() => current && setStatus("The platform could not be reached."));
    return () => {
      current = false;
    };
  }, [client, guildId]);

  if (values === null) {
    return <p role="status">{status ?? "Loading the budget…"}</p>;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const { data, error, response } = await client.PUT("/api/guilds/{guildId}/llm/budget", {
      params: { path: { guildId } },
      body: {
        monthlyLimitUsd: numberOrNull(values!.monthlyLimitUsd),
        softThresholdPercent: numberOrNull(values!.softThresholdPercent),
        perUserDailyLimitUsd: numberOrNull(values!.perUserDailyLimitUsd),
        alertChannelId: values!.alertChannelId.trim() || null,
      },
    });
    setErrors(fieldErrors(error));
    setStatus(data ? "Budget saved; the bot enforces it now." : describeProblem(error, response));
    if (data) {
      setExists(true);
      setValues(toValues(data));
    }
  }

  async function remove() {
    const { error, response } = await client.DELETE("/api/guilds/{guildId}/llm/budget", { params: { path: { guildId } } });
    setStatus(response.ok ? "Budget removed; spending is not capped." : describeProblem(error, response));
    if (response.ok) {
      setExists(false);
      setValues(empty);
    }
  }

  const input = (name: keyof Values, label: string, hint: string, props: Record<string, unknown>) => (
    <Field id={`budget-${name}`} label={label} hint={hint} errors={errors[name]}>
      <input id={`budget-${name}`} value={values[name]} disabled={!canManage} {...props} {...invalidProps(`budget-${name}`, errors[name])}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
    </Field>
  );

  return (
    <form className="settings" onSubmit={save} aria-label="Budget">
      {input("monthlyLimitUsd", "Monthly limit (USD)", "AI commands stop for the month once the server has spent this.", { type: "number", min: 0, step: "any", required: true })}
      {input("softThresholdPercent", "Warn at (% of the limit)", "The alert channel hears once a month when spending passes this.", { type: "number", min: 1, max: 100, step: 1 })}
      {input("perUserDailyLimitUsd", "Per-member daily cap (USD)", "Empty: no cap per member.", { type: "number", min: 0, step: "any" })}
      {input("alertChannelId", "Alert channel id", "Empty: no alerts.", { type: "text", inputMode: "numeric", pattern: "[0-9]*" })}
      {canManage && (
        <div className="actions">
          <button type="submit">Save budget</button>
          {exists && (
            <button type="button" className="secondary" onClick={remove}>
              Remove budget
            </button>
          )}
        </div>
      )}
      {status && <p role="status">{status}</p>}
    </form>
  );
}
