/**
 * Query parameters that only track where a click came from; two links differing only in these are the same source.
 * utm_* is matched by prefix; the rest are the click ids of the large ad and mail platforms.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
]);

const MAX_URL = 2000;

function isTracking(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

/**
 * The canonical form under which a source URL is stored and compared: http(s) only, lower-case scheme and host,
 * no credentials, default port or fragment, tracking parameters removed (other parameters keep their order).
 * Returns null for anything that is not an absolute http(s) URL (javascript:, data:, relative, junk).
 */
export function normaliseUrl(raw: string): string | null {
  const value = raw.trim();
  if (!value || value.length > MAX_URL) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  url.username = '';
  url.password = '';
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  // Deleting through URLSearchParams re-serialises the query, so it is only touched when a tracking parameter is there.
  for (const name of [...new Set(url.searchParams.keys())]) {
    if (isTracking(name)) url.searchParams.delete(name);
  }
  let out = url.toString();
  if (out.endsWith('?')) out = out.slice(0, -1);
  return out;
}
