import type { Metadata } from 'next';
import { StatusPage } from '@/components/ui/status-page';

export const metadata: Metadata = { title: 'Page not found' };

/** Every 404: an unknown address, and a page whose article, claim or source does not exist or is not visible to you. */
export default function NotFound() {
  return (
    <StatusPage code={404} title="Page not found">
      <p>There is nothing at this address, or it is not visible to you. Check the link, or find what you need from the dashboard.</p>
    </StatusPage>
  );
}
