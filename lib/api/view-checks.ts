/**
 * Compile-time only: each response schema of views.ts / admin-views.ts must describe exactly what its service returns
 * once sent as JSON. When a service gains, loses or retypes a field, `tsc` fails here until the schema follows.
 * Return types are read through Awaited<ReturnType<...>> so synchronous and async services are checked alike.
 */
import { assignArticle } from '@/lib/articles/assign-article';
import { suggestTags } from '@/lib/claims/suggest-tags';
import type { z } from 'zod';
import type { listArticles } from '@/lib/articles/list-articles';
import type { getArticle } from '@/lib/articles/get-article';
import type { refreshArticle } from '@/lib/articles/refresh-article';
import type { createArticleVersion } from '@/lib/articles/create-article-version';
import type { suggestForArticle, suggestWithPeople } from '@/lib/suggest/suggest-for-article';
import type { listClaims } from '@/lib/claims/list-claims';
import type { getClaim } from '@/lib/claims/get-claim';
import type { listEventPage, listEvents } from '@/lib/review/list-events';
import type { findTextMatches } from '@/lib/matching/find-matches';
import type { linkClaims } from '@/lib/matching/link-claims';
import type { searchEverything } from '@/lib/search/search-everything';
import type { getSource } from '@/lib/sources/get-source';
import type { listSources } from '@/lib/sources/list-sources';
import type { attachSource } from '@/lib/sources/attach-source';
import type { createSource } from '@/lib/sources/create-source';
import type { listVerdicts } from '@/lib/verdicts/list-verdicts';
import type { listUsers } from '@/lib/users/list-users';
import type { createUser } from '@/lib/users/create-user';
import type { resetPassword } from '@/lib/users/reset-password';
import type { createApiToken } from '@/lib/users/create-api-token';
import type { listApiTokens } from '@/lib/users/list-api-tokens';
import type { listAudit } from '@/lib/audit/list-audit';
import type { claimJson } from '@/lib/export/formats/json';
import type { listNotifications } from '@/lib/notifications/list-notifications';
import type { markNotificationsRead } from '@/lib/notifications/mark-notifications-read';
import type { getNotifyPrefs } from '@/lib/notifications/get-notify-prefs';
import type { previewUrlImport } from '@/lib/articles/import-url';
import type { updateSettings } from '@/lib/settings/update-settings';
import type { updateShortcuts } from '@/lib/shortcuts/update-shortcuts';
import type { setPasswordWithLink } from '@/lib/users/set-password-with-link';
import type { suggestMentions } from '@/lib/notifications/suggest-mentions';
import type * as v from './views';
import type * as nv from './notification-views';
import type * as a from './admin-views';
import type { exportedClaimView } from './raw-content';

/** A value as JSON.parse(JSON.stringify(value)) gives it back (dates become strings). */
type Json<T> = 0 extends 1 & T
  ? T
  : T extends Date
    ? string
    : T extends readonly (infer U)[]
      ? Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Returns<F extends (...args: any) => unknown> = Json<Awaited<ReturnType<F>>>;
type Describes<S extends z.ZodType, T> = Same<z.output<S>, T>;
type AllTrue<T extends true[]> = T;

export type ViewChecks = AllTrue<
  [
    Describes<typeof v.articleListView, Returns<typeof listArticles>>,
    Describes<typeof v.articleView, Returns<typeof getArticle>>,
    Describes<typeof v.refreshResultView, Returns<typeof refreshArticle>>,
    Describes<typeof v.versionResultView, Returns<typeof createArticleVersion>>,
    Describes<typeof v.urlImportPreviewView, Returns<typeof previewUrlImport>>,
    Describes<typeof v.suggestionListView, Returns<typeof suggestForArticle>>,
    Describes<typeof v.suggestionsWithPeopleView, Returns<typeof suggestWithPeople>>,
    Describes<typeof v.claimView, Returns<typeof getClaim>>,
    Describes<typeof v.articleAssignmentView, Returns<typeof assignArticle>>,
    Describes<typeof v.tagSuggestionsView, Returns<typeof suggestTags>>,
    Describes<typeof v.claimPageView, Returns<typeof listClaims>>,
    Describes<typeof v.claimEventListView, Returns<typeof listEvents>>,
    Describes<typeof v.claimEventPageView, Returns<typeof listEventPage>>,
    Describes<typeof v.matchListView, Returns<typeof findTextMatches>>,
    Describes<typeof v.familyChangeView, Returns<typeof linkClaims>>,
    Describes<typeof v.searchResultView, Returns<typeof searchEverything>>,
    Describes<typeof v.sourceView, Returns<typeof createSource>['source']>,
    Describes<typeof v.sourceListView, Returns<typeof listSources>>,
    Describes<typeof v.sourceDetailView, Returns<typeof getSource>>,
    Describes<typeof v.sourceLinkView, Returns<typeof attachSource>>,
    Describes<typeof exportedClaimView, Returns<typeof claimJson>>,
    Describes<typeof a.verdictListView, Returns<typeof listVerdicts>>,
    Describes<typeof a.userListView, Returns<typeof listUsers>>,
    Describes<typeof a.createdUserView, Returns<typeof createUser>>,
    Describes<typeof a.passwordResetView, Returns<typeof resetPassword>>,
    Describes<typeof a.apiTokenListView, Returns<typeof listApiTokens>>,
    Describes<typeof a.createdApiTokenView, Returns<typeof createApiToken>>,
    Describes<typeof a.auditPageView, Returns<typeof listAudit>>,
    Describes<typeof a.settingsView, Returns<typeof updateSettings>>,
    Describes<typeof a.keymapView, Returns<typeof updateShortcuts>>,
    Describes<typeof a.passwordSetView, Returns<typeof setPasswordWithLink>>,
    Describes<typeof nv.notificationPageView, Returns<typeof listNotifications>>,
    Describes<typeof nv.markedReadView, Returns<typeof markNotificationsRead>>,
    Describes<typeof nv.notifyPrefsView, Returns<typeof getNotifyPrefs>>,
    Describes<typeof nv.mentionSuggestionListView, Returns<typeof suggestMentions>>,
  ]
>;
