import { Forbidden } from '@/lib/errors';
import { can, type Actor, type Permission } from './permissions';

/** Throws Forbidden unless the actor's role grants `permission`. */
export function assertCan(actor: Actor, permission: Permission, message?: string): void {
  if (!can(actor, permission)) throw Forbidden(message);
}
