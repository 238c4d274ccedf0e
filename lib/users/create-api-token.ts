import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { runInTransaction } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { generateToken, hashToken } from '@/lib/auth/tokens';
import { Conflict } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput, textField } from '@/lib/validation';
import { TOKEN_NAME_MAX } from './limits';
import { tokenColumns, type ApiTokenView } from './api-token-view';

/** At most this many live tokens per user (a leak is easier to spot among few). */
const MAX_TOKENS_PER_USER = 20;

export const createApiTokenInput = z.strictObject({ name: textField(TOKEN_NAME_MAX).min(1, 'Name the token (what will use it?).') });

/** Creates a named token for the actor; the returned `token` is shown once (only its hash is stored). Throws Invalid/Conflict. */
export async function createApiToken({ actor, input }: { actor: Actor; input: unknown }): Promise<ApiTokenView & { token: string }> {
  const { name } = parseInput(createApiTokenInput, input);
  const token = generateToken();
  return runInTransaction(async (tx) => {
    const live = await tx.$count(apiTokens, and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)));
    if (live >= MAX_TOKENS_PER_USER) throw Conflict(`You already have ${MAX_TOKENS_PER_USER} tokens; revoke one first.`);
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.id, name, tokenHash: hashToken(token) })
      .returning(tokenColumns);
    await recordAudit(tx, { actorId: actor.id, action: 'token.created', entityId: row.id, summary: `API token “${name}” created` });
    return { ...row, token };
  });
}
