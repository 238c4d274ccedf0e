import { apiTokens } from '@/db/schema';

export type ApiTokenView = { id: number; name: string; createdAt: Date; lastUsedAt: Date | null };

/** The columns of an ApiTokenView: never the hash. */
export const tokenColumns = { id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt };
