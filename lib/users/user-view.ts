import { users, type Role } from '@/db/schema';

/** Columns safe to show about a user (never the password hash). */
export const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
} as const;

export type UserView = { id: number; email: string; name: string; role: Role; disabled: boolean; createdAt: Date };
