export function trustProxyHops(env?: NodeJS.ProcessEnv): number;
export function resolveForwarded(req: {
  remoteAddress?: string;
  encrypted?: boolean;
  headers: Record<string, string | string[] | undefined>;
  hops: number;
}): { address: string; host: string; proto: 'http' | 'https' };
