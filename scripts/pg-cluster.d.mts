export const PG_INSTALL_HINT: string;
export function pgBin(): string | null;
export type Cluster = { port: number; dir: string; adminUrl: string; stop: () => void };
export function startCluster(options?: { maxConnections?: number }): Promise<Cluster>;
