import ipaddr from 'ipaddr.js';

/** Addresses cloud providers serve instance metadata (and credentials) on; named so the refusal says so. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192']);

/** Why an address is refused, readable in an error message. */
const RANGE_REASONS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address (this server)',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private network address',
  uniqueLocal: 'a private (unique-local) IPv6 address',
  reserved: 'a reserved address',
};

/**
 * Null when a server may connect to `address` (a public unicast IPv4/IPv6 literal), else the reason it may not:
 * loopback, private, link-local, multicast, CGNAT, unique-local, reserved, cloud metadata, or an IPv6 form that
 * embeds an IPv4 address (mapped, NAT64, 6to4, Teredo) which could smuggle one of those. Junk is refused too.
 * Only the "unicast" range of ipaddr.js passes: an allowlist, so ranges added later are refused by default.
 */
export function refusedAddressReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return 'not an IP address';
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    // ::ffff:127.0.0.1 reaches 127.0.0.1: judge the IPv4 address inside.
    return refusedAddressReason((parsed as ipaddr.IPv6).toIPv4Address().toString());
  }
  const normal = parsed.toNormalizedString();
  const compact = parsed.toString();
  if (METADATA_ADDRESSES.has(compact) || METADATA_ADDRESSES.has(normal)) return 'a cloud metadata address';
  const range = parsed.range();
  if (range === 'unicast') return null;
  return RANGE_REASONS[range] ?? `a special-purpose address (${range})`;
}
