import type { Metadata } from 'next';
import { NotFoundCard } from '@/components/ui/status-page';

export const metadata: Metadata = { title: 'Page not found' };

/** A 404 from an app page (a claim, article or source that does not exist or is hidden), inside the app's main. */
export default function AppNotFound() {
  return <NotFoundCard />;
}
