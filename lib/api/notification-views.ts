/**
 * zod descriptions of the answers about notifications, mentions and notification settings (issue 18; see views.ts
 * for the rest; view-checks.ts ties them to the services' return types).
 */
import { z } from 'zod';
import { NOTIFICATION_TYPES } from '@/db/enums';
import { dateTime, id, page, view } from './view-registry';

export const notificationView = view(
  'Notification',
  'Why you were notified (`type`), about which claim or article, by whom; `excerpt` is the review comment or the line that mentions you.',
  z.object({
    id,
    type: z.enum(NOTIFICATION_TYPES),
    claimId: id.nullable(),
    articleId: id.nullable(),
    read: z.boolean(),
    excerpt: z.string(),
    actorName: z.string().nullable(),
    claimText: z.string().nullable(),
    articleTitle: z.string().nullable(),
    createdAt: dateTime,
  }),
);
export const notificationPageView = view(
  'NotificationPage',
  'Your notifications, newest first, one page at a time, with how many are unread in all.',
  page(notificationView).extend({ unread: z.number().int() }),
);
export const markedReadView = view(
  'MarkedRead',
  'How many notifications this call marked read, and how many are still unread.',
  z.object({ marked: z.number().int(), unread: z.number().int() }),
);
export const notifyPrefsView = view(
  'NotifyPrefs',
  'The notification kinds you turned off (none by default).',
  z.object({ off: z.array(z.enum(NOTIFICATION_TYPES)) }),
);
export const mentionSuggestionListView = view(
  'MentionSuggestionList',
  'People to @mention: `handle` is the local part of their email.',
  z.array(z.object({ handle: z.string(), name: z.string() })),
);
