import type { SourceView } from '@/lib/sources/source-view';
import type { SourceListItem } from '@/lib/sources/list-sources';
import type { Verdict } from '@/lib/verdicts/list-verdicts';

/** A source as the browser receives it (dates serialised to strings). */
export type SourceDto = Omit<SourceView, 'createdAt'> & { createdAt: string };
export type SourceListItemDto = Omit<SourceListItem, 'createdAt'> & { createdAt: string };
/** One step of the verdict scale as the browser receives it. */
export type VerdictDto = Verdict;

/** The host of a URL for compact display ("example.com"), or the URL itself if it cannot be parsed. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
