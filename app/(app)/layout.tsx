import Link from 'next/link';
import { pageActor } from '@/lib/auth/page-actor';
import { can } from '@/lib/auth/permissions';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { MainNav } from '@/components/ui/main-nav';
import { SkipLinkBar } from '@/components/ui/skip-links';
import { FeedbackProvider } from '@/components/ui/feedback';
import { KeymapProvider } from '@/components/ui/keymap-context';
import { getShortcuts } from '@/lib/shortcuts/get-shortcuts';
import { countUnreadNotifications } from '@/lib/notifications/count-unread-notifications';
import { MenuUnreadCount, NotificationBell } from '@/components/notifications/notification-bell';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageActor();
  const links = [
    { href: '/', label: 'Dashboard' },
    { href: '/articles', label: 'Articles' },
    { href: '/claims', label: 'Claims' },
    ...(can(actor, 'claim:review') ? [{ href: '/review', label: 'Review queue' }] : []),
    { href: '/sources', label: 'Sources' },
    { href: '/export', label: 'Export' },
    ...(can(actor, 'user:manage') ? [{ href: '/admin', label: 'Admin' }] : []),
  ];
  const unread = await countUnreadNotifications({ actor });
  return (
    <div className="app-shell">
      <SkipLinkBar />
      <header className="topbar">
        <Link href="/" className="brand">
          Claim<span>desk</span>
        </Link>
        <MainNav links={links} menuBadge={<MenuUnreadCount initialUnread={unread} />}>
          <form className="topbar-search" method="get" action="/search" role="search">
            <input type="search" name="q" placeholder="Search claims and sources" aria-label="Search claims and sources" />
          </form>
          <div className="whoami">
            <NotificationBell initialUnread={unread} />
            <Link href="/account" title={`${actor.email}: your account, password and API tokens`}>
              {actor.name} <span className="role">{actor.role}</span>
            </Link>
            <SignOutButton />
          </div>
        </MainNav>
      </header>
      <FeedbackProvider>
        <KeymapProvider keymap={(await getShortcuts({ actor })).keymap}>
          <main id="main" className="content">
            {children}
          </main>
        </KeymapProvider>
      </FeedbackProvider>
    </div>
  );
}
