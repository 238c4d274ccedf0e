export function trustProxyHops(env?: Record<string, string | undefined>): number;
export function resolveForwarded(req: {
  remoteAddress?: string;
  encrypted?: boolean;
  headers: Record<string, string | string[] | undefined>;
  hops: number;
}): { address: string; host: string; proto: 'http' | 'https' };
