/** What went wrong fetching a URL; each kind has one user-facing meaning (see GuardedFetchError.message). */
export type FetchFailure =
  | 'bad_url' // not an absolute http(s) URL, or a port not allowed
  | 'not_allowed' // the host resolves to an address a server must not reach (SSRF guard)
  | 'not_found' // the site answered 404 / 410
  | 'http_status' // any other 4xx / 5xx answer
  | 'too_many_redirects'
  | 'too_large' // the body passed the size cap
  | 'timeout' // connect or total time budget spent
  | 'unsupported_type' // not HTML, XHTML or plain text
  | 'network'; // DNS failure, refused connection, reset, TLS error

/** A refused or failed outgoing request; the message is written for the person who pasted the link. */
export class GuardedFetchError extends Error {
  constructor(
    readonly kind: FetchFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GuardedFetchError';
  }
}
