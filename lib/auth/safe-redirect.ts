/**
 * Where to send the browser after sign-in: `target` resolved against `origin` if the result is on exactly that origin
 * (scheme, host, port), else `origin + '/'`. Parsing with the WHATWG URL parser, as the browser will, is what catches
 * `/\evil.example`, `/%09/evil.example`, `//evil.example` and `javascript:` (a prefix check does not).
 * No server imports: the login form uses it too.
 */
export function safeRedirect(target: string | null | undefined, origin: string): string {
  const home = `${origin}/`;
  if (!target) return home;
  try {
    const url = new URL(target, home);
    return url.origin === new URL(home).origin ? url.href : home;
  } catch {
    return home;
  }
}
