"use client";

import { useState } from "react";
import { api, type Schemas } from "@/lib/api/client";
import { describeProblem } from "@/lib/api/problem";
import { useApiData } from "@/lib/useApiData";
import { SettingsForm } from "./SettingsForm";

type Module = Schemas["ModuleState"];

/** The bot's modules in a guild, each turned on or off with a switch; the bot applies a change at once. */
export function ModuleList({ guildId, canManage, client = api }: { guildId: string; canManage: boolean; client?: typeof api }) {
  const [state, update] = useApiData(`modules:${guildId}`, () => client.GET("/api/guilds/{guildId}/modules", { params: { path: { guildId } } }));
  const replace = (saved: Module) => update((modules) => modules.map((m) => (m.name === saved.name ? saved : m)));
  const [saving, setSaving] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function toggle(module: Module) {
    setSaving(module.name);
    setFailure(null);
    try {
      const { data, error, response } = await client.PUT("/api/guilds/{guildId}/modules/{module}", {
        params: { path: { guildId, module: module.name } },
        body: { enabled: !module.enabled, settings: null },
      });
      if (data) {
        replace(data);
      } else {
        setFailure(`${module.name} could not be changed: ${describeProblem(error, response)}`);
      }
    } catch {
      setFailure(`${module.name} could not be changed: the platform could not be reached.`);
    } finally {
      setSaving(null);
    }
  }

  if (state.kind === "loading") {
    return <p role="status">Loading modules…</p>;
  }

  if (state.kind === "error") {
    return (
      <p role="alert" className="bad">
        The modules could not be loaded: {state.message}
      </p>
    );
  }

  if (state.data.length === 0) {
    return <p>The bot has not described its modules yet; it does so when it starts.</p>;
  }

  return (
    <>
      {failure && (
        <p role="alert" className="bad">
          {failure}
        </p>
      )}
      <ul className="modules">
        {state.data.map((module) => (
          <li key={module.name}>
            <label className="switch">
              <input
                type="checkbox"
                role="switch"
                checked={module.enabled}
                disabled={!canManage || !module.canBeDisabled || saving !== null}
                onChange={() => toggle(module)}
                aria-describedby={`module-${module.name}-description`}
              />
              <span>{module.name}</span>
            </label>
            <p id={`module-${module.name}-description`} className="muted">
              {module.description}
              {module.commands.length > 0 && <> · {module.commands.map((c) => `/${c}`).join(", ")}</>}
              {!module.canBeDisabled && <> · always on</>}
            </p>
            <SettingsForm guildId={guildId} module={module} disabled={!canManage} client={client}
              onSaved={replace} />
          </li>
        ))}
      </ul>
    </>
  );
}
