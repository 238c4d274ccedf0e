import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';

export const metadata = { title: 'Admin' };

const SECTIONS = [
  { href: '/admin/users', title: 'Users', text: 'Create accounts, change roles, disable people who left, reset passwords.' },
  { href: '/admin/verdicts', title: 'Verdict scale', text: 'The ratings reviewers choose from and their order in ClaimReview exports.' },
  { href: '/admin/settings', title: 'Settings', text: 'Organisation name and URL for exports; whether editors see each other’s drafts.' },
  {
    href: '/admin/webhooks',
    title: 'Webhooks',
    text: 'Send verified and rejected claims and new article versions to other systems, with a delivery log.',
  },
  {
    href: '/admin/activity',
    title: 'Activity',
    text: 'Who changed what and when: articles, sources, verdicts, settings, users, tokens, failed sign-ins.',
  },
];

export default async function AdminPage() {
  const actor = await pageActor();
  if (!can(actor, 'user:manage')) forbidden();
  return (
    <div className="page narrow">
      <div className="page-head">
        <h1>Admin</h1>
      </div>
      <ul className="admin-cards">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href}>{s.title}</Link>
            <p className="muted">{s.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
