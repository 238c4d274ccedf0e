import crypto from 'node:crypto';

/** Prefix that makes Claimdesk tokens recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'cdk_';

/** A new random token; only its hash is ever stored. */
export function generateToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
}

/** SHA-256 of a token (tokens are long and random, so a slow hash adds nothing). */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
