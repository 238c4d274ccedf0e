'use client';

import { useRef, useState } from 'react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type NavLink = { href: string; label: string };

/**
 * The top bar's links, search and account area. On a wide screen everything shows in one row; on a narrow one a
 * "Menu" disclosure button (aria-expanded) shows or hides them, and a click on a link closes it again. `menuBadge`
 * shows on the folded button what would otherwise hide inside (the unread count).
 */
export function MainNav({ links, menuBadge, children }: { links: NavLink[]; menuBadge?: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const current = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <>
      <button ref={toggle} type="button" className="menu-toggle" aria-expanded={open} aria-controls="main-menu" onClick={() => setOpen(!open)}>
        {open ? 'Close' : <>Menu{menuBadge}</>}
      </button>
      <div
        id="main-menu"
        className={open ? 'topbar-menu open' : 'topbar-menu'}
        // Any link in the menu (the bell, the account link too) leads away: close it behind them.
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('a')) setOpen(false);
        }}
        // Escape closes an open menu and returns focus to its button, as a disclosure menu should.
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !open) return;
          setOpen(false);
          toggle.current?.focus();
        }}
      >
        <nav aria-label="Main">
          {links.map((l) => (
            <Link key={l.href} href={l.href} aria-current={current(l.href) ? 'page' : undefined} onClick={() => setOpen(false)}>
              {l.label}
            </Link>
          ))}
        </nav>
        {children}
      </div>
    </>
  );
}
