"use client";

import { useState, type FormEvent } from "react";
import { api, type Schemas } from "@/lib/api/client";
import { describeProblem, fieldErrors } from "@/lib/api/problem";
import { Field, invalidProps } from "./Field";

type Module = Schemas["ModuleState"];

type FieldSchema = {
  type?: string | string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

type ObjectSchema = { properties?: Record<string, FieldSchema> };

const kindOf = (field: FieldSchema) => (Array.isArray(field.type) ? field.type.find((t) => t !== "null") : field.type) ?? "string";

const labelOf = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).replaceAll("_", " ");

/** A module's settings as a form built from the JSON Schema the bot publishes; the api's validation messages show by their field. */
export function SettingsForm({ guildId, module, disabled, onSaved, client = api }: {
  guildId: string;
  module: Module;
  disabled: boolean;
  onSaved: (module: Module) => void;
  client?: typeof api;
}) {
  const fields = Object.entries((module.settingsSchema as ObjectSchema | null)?.properties ?? {});
  const current = (module.settings ?? {}) as Record<string, unknown>;
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(fields.map(([name, field]) => [name, kindOf(field) === "boolean" ? Boolean(current[name]) : String(current[name] ?? "")])));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<string | null>(null);

  if (fields.length === 0) {
    return null;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    setErrors({});
    const settings = Object.fromEntries(fields.map(([name, field]) => {
      const value = values[name];
      const kind = kindOf(field);
      return [name, kind === "integer" || kind === "number" ? (value === "" ? null : Number(value)) : value];
    }));
    try {
      const { data, error, response } = await client.PUT("/api/guilds/{guildId}/modules/{module}", {
        params: { path: { guildId, module: module.name } },
        body: { enabled: null, settings },
      });
      if (data) {
        setStatus("Saved.");
        onSaved(data);
      } else {
        setErrors(fieldErrors(error));
        setStatus(describeProblem(error, response));
      }
    } catch {
      setStatus("The platform could not be reached.");
    }
  }

  return (
    <form className="settings" onSubmit={save} aria-label={`${module.name} settings`}>
      {fields.map(([name, field]) => {
        const id = `${module.name}-${name}`;
        const kind = kindOf(field);
        const messages = errors[`settings/${name}`] ?? [];
        return (
          <Field key={name} id={id} label={labelOf(name)} hint={field.description} errors={messages}>
            {kind === "boolean" ? (
              <input id={id} type="checkbox" checked={values[name] === true} disabled={disabled}
                onChange={(e) => setValues({ ...values, [name]: e.target.checked })} />
            ) : (
              <input id={id} type={kind === "integer" || kind === "number" ? "number" : "text"} value={String(values[name])} disabled={disabled}
                min={field.minimum} max={field.maximum} step={kind === "integer" ? 1 : "any"} minLength={field.minLength} maxLength={field.maxLength}
                pattern={field.pattern} {...invalidProps(id, messages)}
                onChange={(e) => setValues({ ...values, [name]: e.target.value })} />
            )}
          </Field>
        );
      })}
      <button type="submit" disabled={disabled}>
        Save {module.name} settings
      </button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}
