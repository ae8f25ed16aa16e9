/** An RFC 9457 problem as the api writes them, with field errors on validation problems. */
export type Problem = {
  title?: string | null;
  detail?: string | null;
  status?: number | null;
  errors?: Record<string, string[]>;
};

/** One sentence for a failed call: the problem's detail, else its title, else the status. */
export function describeProblem(problem: unknown, response?: Response): string {
  const p = (problem ?? {}) as Problem;
  return p.detail || p.title || (response ? `The API answered ${response.status} ${response.statusText}`.trim() : "The API could not be reached.");
}

/** A validation problem's messages by field (the api names them as the request's JSON does). */
export function fieldErrors(problem: unknown): Record<string, string[]> {
  return (problem as Problem | undefined)?.errors ?? {};
}
