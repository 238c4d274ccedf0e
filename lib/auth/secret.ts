import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { databasePath, readEnv } from '@/lib/env';

/** Path of the generated secret, kept beside the database so a backup of the folder keeps sessions valid. */
function secretFilePath(): string {
  return path.join(path.dirname(databasePath()), 'auth-secret');
}

/** NEXTAUTH_SECRET if set, else the persisted generated secret (created on first use). */
export function getAuthSecret(): string {
  const fromEnv = readEnv().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = secretFilePath();
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = crypto.randomBytes(32).toString('base64url');
    // 'wx' so two processes starting together cannot overwrite each other's secret.
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}
