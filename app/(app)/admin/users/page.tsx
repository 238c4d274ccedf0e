import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';
import { listUsers } from '@/lib/users/list-users';
import { listUserApiTokens } from '@/lib/users/list-api-tokens';
import { CreateUserForm } from './create-user-form';
import { UserRow } from './user-row';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await pageActor();
  if (!can(actor, 'user:manage')) forbidden();
  const users = await listUsers({ actor });
  const tokens = await Promise.all(users.map((u) => listUserApiTokens({ actor, userId: u.id })));
  return (
    <div className="page">
      <p className="crumbs">
        <Link href="/admin">Admin</Link>
      </p>
      <div className="page-head">
        <h1>Users</h1>
      </div>
      {/* The table scrolls inside its box on a phone instead of widening the page. */}
      <div className="table-scroll">
        <table className="data-table users-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>API tokens</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u, i) => (
              <UserRow
                key={u.id}
                user={{ id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled }}
                isSelf={u.id === actor.id}
                tokens={tokens[i].map((t) => ({ id: t.id, name: t.name, lastUsedAt: t.lastUsedAt?.toISOString() ?? null }))}
              />
            ))}
          </tbody>
        </table>
      </div>
      <section className="panel-box">
        <h2>Add a user</h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
