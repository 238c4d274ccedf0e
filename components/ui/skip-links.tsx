'use client';

import { useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';

/** The id of the layout's skip-link bar, where pages add links of their own. */
const BAR_ID = 'skip-links';

/**
 * A link, hidden until it has keyboard focus, that moves focus to the element with id `target`. A target that is not
 * focusable (main, an aside) is made focusable for that one visit, so screen readers start reading there and the next
 * Tab goes to its first control; without JavaScript it is a plain fragment link.
 */
export function SkipLink({ target, children }: { target: string; children: React.ReactNode }) {
  return (
    <a
      href={`#${target}`}
      className="skip-link"
      onClick={(event) => {
        const el = document.getElementById(target);
        if (!el) return;
        event.preventDefault();
        if (el.tabIndex < 0 && !el.isContentEditable) {
          el.setAttribute('tabindex', '-1');
          el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
        }
        el.focus({ preventScroll: true });
        el.scrollIntoView({ block: 'start' });
      }}
    >
      {children}
    </a>
  );
}

/** The skip-link bar at the top of every page: "Skip to main content", then whatever a page adds (PageSkipLinks). */
export function SkipLinkBar() {
  return (
    <div id={BAR_ID} className="skip-links">
      <SkipLink target="main">Skip to main content</SkipLink>
    </div>
  );
}

/** Adds page-specific skip links (e.g. to the article and to the claims sidebar) after the layout's own. */
export function PageSkipLinks({ links }: { links: { target: string; label: string }[] }) {
  // The bar belongs to the layout: found in the document after hydration (none on the server), where the links join it.
  const bar = useSyncExternalStore(noSubscription, findBar, noBar);
  if (!bar) return null;
  return createPortal(
    links.map((l) => (
      <SkipLink key={l.target} target={l.target}>
        {l.label}
      </SkipLink>
    )),
    bar,
  );
}

const noSubscription = () => () => {};
const findBar = () => document.getElementById(BAR_ID);
const noBar = () => null;
