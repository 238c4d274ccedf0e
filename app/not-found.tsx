import type { Metadata } from 'next';
import { NotFoundCard } from '@/components/ui/status-page';
import { SkipLinkBar } from '@/components/ui/skip-links';

export const metadata: Metadata = { title: 'Page not found' };

/**
 * An unknown address (and a 404 from a page outside the app, such as an unpublished fact check): a page of its own,
 * so it brings its own main landmark. App pages get app/(app)/not-found.tsx, inside the app's top bar and main.
 */
export default function NotFound() {
  return (
    <>
      <SkipLinkBar />
      <main id="main">
        <NotFoundCard />
      </main>
    </>
  );
}
