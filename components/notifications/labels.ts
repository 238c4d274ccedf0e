import type { NotificationType } from '@/db/enums';

/** What each kind of notification says, for the list and the account settings (no server imports). */
export const NOTIFICATION_LABELS: Record<NotificationType, { setting: string; verb: string }> = {
  assigned: { setting: 'A claim or article is assigned to me', verb: 'assigned you' },
  sent_back: { setting: 'My claim is sent back to me', verb: 'sent back your claim' },
  verified: { setting: 'My claim is verified', verb: 'verified your claim' },
  rejected: { setting: 'My claim is rejected', verb: 'rejected your claim' },
  mentioned: { setting: 'Someone @mentions me', verb: 'mentioned you on' },
};

/** The bell's accessible name, e.g. "Notifications, 3 unread". */
export const bellLabel = (unread: number) => (unread > 0 ? `Notifications, ${unread} unread` : 'Notifications, none unread');
