/**
 * zod descriptions of the answers about what the Admin and Account pages manage: the verdict scale, users, API tokens
 * and the audit trail (see views.ts for the rest; view-checks.ts ties both to the services' return types).
 */
import { z } from 'zod';
import { ROLES } from '@/db/schema';
import { SHORTCUT_IDS } from '@/lib/shortcuts/keymap';
import { dateTime, id, page, view } from './view-registry';

export const verdictView = view(
  'Verdict',
  'One step of the verdict scale; `rating` is the ClaimReview ratingValue, `unrated` steps are exported without one.',
  z.object({
    id,
    label: z.string(),
    rating: z.number().int(),
    color: z.string(),
    sort: z.number().int(),
    retired: z.boolean(),
    unrated: z.boolean(),
    claimCount: z.number().int(),
  }),
);
export const verdictListView = view('VerdictList', 'The verdict scale in display order, retired steps included.', z.array(verdictView));

export const userView = view(
  'User',
  'A user account (never its password).',
  z.object({ id, email: z.string(), name: z.string(), role: z.enum(ROLES), disabled: z.boolean(), createdAt: dateTime }),
);
export const userListView = view('UserList', 'Every user, enabled first, then by name.', z.array(userView));
export const createdUserView = view(
  'CreatedUser',
  'The new user; `setPasswordLink` (a path, shown only here, once) when no password was given.',
  z.object({ user: userView, setPasswordLink: z.string().optional() }),
);
export const passwordResetView = view(
  'PasswordReset',
  'Empty when a password was set; otherwise the one-time `setPasswordLink` path to pass on.',
  z.object({ setPasswordLink: z.string().optional() }),
);

export const apiTokenView = view(
  'ApiToken',
  'A live API token: its name and dates, never the secret.',
  z.object({ id, name: z.string(), createdAt: dateTime, lastUsedAt: dateTime.nullable() }),
);
export const apiTokenListView = view('ApiTokenList', 'Live tokens, newest first.', z.array(apiTokenView));
export const createdApiTokenView = view(
  'CreatedApiToken',
  'The new token with its secret `token` (`cdk_...`): the only time it is shown. Send it as `Authorization: Bearer <token>`.',
  apiTokenView.extend({ token: z.string() }),
);

export const auditPageView = view(
  'AuditPage',
  'Audit events, newest first, one page at a time.',
  page(
    z.object({
      id,
      actorId: id.nullable(),
      actorName: z.string().nullable(),
      actorEmail: z.string().nullable(),
      action: z.string(),
      entityType: z.string(),
      entityId: id.nullable(),
      summary: z.string(),
      diff: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
      ip: z.string().nullable(),
      createdAt: dateTime,
    }),
  ),
);

export const countView = view('Count', 'How many claims an export with the same filters would contain.', z.object({ count: z.number().int() }));

export const settingsView = view(
  'Settings',
  'The organisation settings: ClaimReview author, draft visibility for editors, public fact-check pages, content language.',
  z.object({ orgName: z.string(), orgUrl: z.string(), editorsSeeDrafts: z.boolean(), publishFactChecks: z.boolean(), contentLanguage: z.string() }),
);
export const keymapView = view(
  'Keymap',
  'The key of each single-key shortcut for you, or null for every one when you turned them off.',
  z.record(z.enum(SHORTCUT_IDS), z.string().nullable()),
);
export const passwordSetView = view(
  'PasswordSet',
  'Whose password the one-time link set (to greet them at sign-in).',
  z.object({ email: z.string() }),
);
