/**
 * The path itself when it is a path of this site, else "/". Browsers drop tabs and newlines from a URL
 * and read "\" as "/", so "/\t/evil.example" would leave the site: a path is printable ASCII with no
 * backslash, and never "//" (another host). The api applies the same rule to returnTo.
 */
export function sitePath(path: string): string {
  return path.startsWith("/") && !path.startsWith("//") && path.length < 512 && /^[\x21-\x5b\x5d-\x7e]+$/.test(path) ? path : "/";
}

/** Where the sign-in starts: the api redirects to Discord and comes back to returnTo, a path of this site. */
export function signInHref(returnTo: string): string {
  return `/api/auth/login?returnTo=${encodeURIComponent(sitePath(returnTo))}`;
}

export function loginPageHref(returnTo: string): string {
  return `/login?returnTo=${encodeURIComponent(returnTo)}`;
}
