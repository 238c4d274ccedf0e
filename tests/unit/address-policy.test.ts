import { describe, expect, it } from 'vitest';
import { refusedAddressReason } from '@/lib/net/address-policy';

// [address, expected reason fragment] written from the IANA special-purpose registries, not from the code.
const REFUSED: [string, RegExp][] = [
  ['127.0.0.1', /loopback/],
  ['127.255.255.254', /loopback/],
  ['0.0.0.0', /unspecified/],
  ['10.0.0.1', /private/],
  ['10.255.255.255', /private/],
  ['172.16.0.1', /private/],
  ['172.31.255.255', /private/],
  ['192.168.1.1', /private/],
  ['169.254.1.1', /link-local/],
  ['169.254.169.254', /metadata/],
  ['169.254.170.2', /metadata/],
  ['100.64.0.1', /carrier-grade NAT/],
  ['100.127.255.255', /carrier-grade NAT/],
  ['100.100.100.200', /metadata/],
  ['224.0.0.1', /multicast/],
  ['239.255.255.250', /multicast/],
  ['255.255.255.255', /broadcast/],
  ['192.0.2.10', /reserved/],
  ['198.18.0.1', /reserved/],
  ['240.0.0.1', /reserved/],
  ['192.0.0.192', /metadata/],
  ['::1', /loopback/],
  ['::', /unspecified/],
  ['fe80::1', /link-local/],
  ['fe80::1%eth0', /link-local/],
  ['fc00::1', /unique-local/],
  ['fd12:3456:789a::1', /unique-local/],
  ['fd00:ec2::254', /metadata/],
  ['ff02::1', /multicast/],
  ['::ffff:127.0.0.1', /loopback/],
  ['::ffff:7f00:1', /loopback/],
  ['::ffff:10.1.2.3', /private/],
  ['::ffff:169.254.169.254', /metadata/],
  ['[::ffff:192.168.0.1]', /private/],
  ['64:ff9b::7f00:1', /special-purpose/],
  ['2002:7f00:1::', /special-purpose/],
  ['2001:db8::1', /reserved/],
  ['not-an-ip', /not an IP/],
  ['', /not an IP/],
];

const ALLOWED = [
  '93.184.216.34',
  '8.8.8.8',
  '1.1.1.1',
  '151.101.1.69',
  '100.63.255.255',
  '100.128.0.1',
  '172.32.0.1',
  '11.0.0.1',
  '2606:4700::6810:84e5',
  '2a00:1450:4001:82a::200e',
  '::ffff:93.184.216.34',
];

describe('refusedAddressReason', () => {
  it.each(REFUSED)('refuses %s', (address, reason) => {
    expect(refusedAddressReason(address)).toMatch(reason);
  });

  it.each(ALLOWED)('allows the public address %s', (address) => {
    expect(refusedAddressReason(address)).toBeNull();
  });
});
