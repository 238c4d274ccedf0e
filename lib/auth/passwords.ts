import bcrypt from 'bcryptjs';

const COST = 11;
// A real hash of a random string: comparing against it when the email is unknown keeps timing similar.
const DUMMY_HASH = bcrypt.hashSync('claimdesk-timing-equaliser', COST);

/** bcrypt hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** True when `password` matches `hash`; with no hash, spends the same time and returns false. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && !!hash;
}
