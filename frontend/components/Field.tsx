import type { ReactNode } from "react";

/** The attributes that tie an input to its label's error messages, for screen readers too. */
export function invalidProps(id: string, errors: string[] | undefined) {
  return errors && errors.length > 0 ? { "aria-invalid": true, "aria-describedby": `${id}-errors` } : {};
}

/** A labelled form field with its hint and the api's validation messages for it. */
export function Field({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="muted">{hint}</p>}
      {errors && errors.length > 0 && (
        <p id={`${id}-errors`} className="bad">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
