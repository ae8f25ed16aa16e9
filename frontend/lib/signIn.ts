/** Where the sign-in starts: the api redirects to Discord and comes back to returnTo, a path of this site. */
export function signInHref(returnTo: string): string {
  const safe = returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/";
  return `/api/auth/login?returnTo=${encodeURIComponent(safe)}`;
}

export function loginPageHref(returnTo: string): string {
  return `/login?returnTo=${encodeURIComponent(returnTo)}`;
}
