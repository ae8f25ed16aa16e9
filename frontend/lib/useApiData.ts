"use client";

import { useEffect, useRef, useState } from "react";
import { describeProblem } from "@/lib/api/problem";

export type Loaded<T> = { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; data: T };

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Reads one thing from the api when <paramref name="key"/> changes: loading, then the data or the
 * api's explanation of why not. The setter lets a component show what a later write returned.
 */
export function useApiData<T>(key: string, load: () => Promise<ApiResult<T>>): [Loaded<T>, (update: (data: T) => T) => void] {
  const [state, setState] = useState<Loaded<T>>({ kind: "loading" });
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });

  useEffect(() => {
    let current = true;
    setState({ kind: "loading" });
    latestLoad
      .current()
      .then(({ data, error, response }) => {
        if (current) {
          setState(data !== undefined ? { kind: "ready", data } : { kind: "error", message: describeProblem(error, response) });
        }
      })
      .catch(() => current && setState({ kind: "error", message: "The platform could not be reached." }));
    return () => {
      current = false;
    };
  }, [key]);

  const update = (change: (data: T) => T) => setState((previous) => (previous.kind === "ready" ? { kind: "ready", data: change(previous.data) } : previous));
  return [state, update];
}
