/**
 * The JSON API's one list of operations, from which openapi-document.ts builds `GET /api/openapi.json`. Request
 * bodies and query parameters are the zod schemas the services parse with; responses are the views of views.ts and
 * admin-views.ts. tests/integration/openapi.test.ts fails when a route handler under app/api has no entry here, or
 * an entry has no handler.
 */
import type { z } from 'zod';
import { createArticleInput } from '@/lib/articles/create-article';
import { importUrlInput, previewUrlInput } from '@/lib/articles/import-url';
import { createVersionInput } from '@/lib/articles/create-article-version';
import { dismissSuggestionInput } from '@/lib/suggest/dismiss-suggestion';
import { suggestionsQuery } from '@/lib/suggest/suggest-for-article';
import { listAuditInput } from '@/lib/audit/list-audit';
import { createClaimInput } from '@/lib/claims/create-claim';
import { listClaimsInput } from '@/lib/claims/list-claims';
import { suggestTagsInput } from '@/lib/claims/suggest-tags';
import { assignArticleInput } from '@/lib/articles/assign-article';
import { updateClaimInput } from '@/lib/claims/update-claim';
import { listEventPageInput } from '@/lib/review/list-events';
import { commentInput } from '@/lib/review/comment-claim';
import { transitionInput } from '@/lib/review/transition-claim';
import { claimMatchesInput, textMatchesInput } from '@/lib/matching/find-matches';
import { linkClaimsInput } from '@/lib/matching/link-claims';
import { reuseVerdictInput } from '@/lib/matching/reuse-verdict';
import { attachSourceInput } from '@/lib/sources/attach-source';
import { detachSourceInput } from '@/lib/sources/detach-source';
import { listSourcesInput } from '@/lib/sources/list-sources';
import { createSourceInput, updateSourceInput } from '@/lib/sources/source-input';
import { exportClaimsInput } from '@/lib/export/export-claims';
import { searchClaimsInput } from '@/lib/search/search-claims';
import { createVerdictInput, reorderVerdictsInput, updateVerdictInput } from '@/lib/verdicts/verdict-input';
import { createUserInput } from '@/lib/users/create-user';
import { updateUserInput } from '@/lib/users/update-user';
import { resetPasswordInput } from '@/lib/users/reset-password';
import { createApiTokenInput } from '@/lib/users/create-api-token';
import { changeOwnPasswordInput } from '@/lib/users/change-own-password';
import { listNotificationsInput } from '@/lib/notifications/list-notifications';
import { markNotificationsReadInput } from '@/lib/notifications/mark-notifications-read';
import { notifyPrefsInput } from '@/lib/notifications/notify-prefs';
import { updateSettingsInput } from '@/lib/settings/update-settings';
import { updateShortcutsInput } from '@/lib/shortcuts/update-shortcuts';
import { setPasswordWithLinkInput } from '@/lib/users/set-password-with-link';
import { suggestMentionsInput } from '@/lib/notifications/suggest-mentions';
import * as v from './views';
import * as nv from './notification-views';
import * as a from './admin-views';
import { EXPORT_CONTENT, OPENAPI_CONTENT, STREAM_CONTENT, type RawContent } from './raw-content';
import { streamInput } from '@/lib/live/open-change-stream';
import * as w from './webhook-views';
import { createWebhookInput } from '@/lib/webhooks/create-webhook';
import { updateWebhookInput } from '@/lib/webhooks/update-webhook';
import { listDeliveriesInput } from '@/lib/webhooks/list-deliveries';
import { verifiedFeedInput } from '@/lib/feeds/verified-feed';

/** Error statuses of lib/errors.ts that a route may answer. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 502 | 503 | 504;

/** A success body: a registered view, several (one of them is sent), none (204), or media types described by hand. */
export type Success = z.ZodType | z.ZodType[] | null | RawContent;

export type ApiOperation = {
  summary: string;
  description?: string;
  /** The JSON body, as the service parses it (documented with io: 'input', so defaults and coercions read as sent). */
  body?: z.ZodType;
  /** Query parameters: each property of this object schema is one parameter. */
  query?: z.ZodType;
  ok: Partial<Record<200 | 201 | 204, Success>>;
  /**
   * Errors beyond those every route of its kind may answer: 401 without credentials, 403 on a write from another
   * origin, 404 for an id in the path, 400 with a body or query, 413 with a body.
   */
  errors?: ErrorStatus[];
  /** Answers without credentials. */
  public?: true;
};

// Several routes run CPU work in a worker with a time budget (503, or 413 when it needs too much memory).
const WORKER: ErrorStatus[] = [413, 503];
const FETCH: ErrorStatus[] = [422, 502, 504];

/** Keyed `'<METHOD> <route folder under app/api>'`, like the route tests. */
export const API_OPERATIONS: Record<string, ApiOperation> = {
  'GET openapi.json': { summary: 'This OpenAPI 3.1 description of the API', public: true, ok: { 200: OPENAPI_CONTENT } },

  'GET articles': { summary: 'List articles (latest versions) with claim counts', ok: { 200: v.articleListView } },
  'POST articles': {
    summary: 'Import an article from text, HTML or Markdown, or from a link',
    description:
      'With `format: "url"` the page is fetched; a link imported before answers 200 with that article and `existing: true` unless `copy` is set.',
    body: createArticleInput.or(importUrlInput),
    ok: { 201: v.importedArticleView, 200: v.importedArticleView },
    errors: [...WORKER, ...FETCH],
  },
  'POST articles/preview': {
    summary: 'Fetch a link and show what importing it would store (nothing is stored)',
    body: previewUrlInput,
    ok: { 200: v.urlImportPreviewView },
    errors: FETCH,
  },
  'GET articles/[id]': { summary: 'An article with its text, document and claims', ok: { 200: v.articleView } },
  'PATCH articles/[id]': {
    summary: 'Assign the article to a person for marking (or null to unassign)',
    description: 'Reviewers and admins assign any article; others the articles they imported, or themselves. Audited; notifies the assignee.',
    body: assignArticleInput,
    ok: { 200: v.articleAssignmentView },
    errors: [403],
  },
  'POST articles/[id]/versions': {
    summary: 'Import new text for an article; its claims move to the new version',
    body: createVersionInput,
    ok: { 201: v.versionResultView },
    errors: [409, ...WORKER],
  },
  'POST articles/[id]/refresh': {
    summary: "Fetch an article's link again; changed text becomes a new version",
    ok: { 200: v.refreshResultView },
    errors: [400, 409, ...WORKER, ...FETCH],
  },
  'POST articles/[id]/suggestions': {
    summary: 'Propose check-worthy spans (nothing is stored)',
    description:
      'Without query parameters the array of suggestions; with `include=people` `{items, people}`, people being every person the article mentions.',
    query: suggestionsQuery,
    ok: { 200: [v.suggestionListView, v.suggestionsWithPeopleView] },
    errors: WORKER,
  },
  'POST articles/[id]/suggestions/dismissals': { summary: 'Dismiss one suggested span', body: dismissSuggestionInput, ok: { 204: null } },

  'GET claims': { summary: 'List claims with filters, newest change first by default', query: listClaimsInput, ok: { 200: v.claimPageView } },
  'POST claims': {
    summary: 'Create a draft claim anchored to start..end of the article text',
    description: '400 when `exact` is given and is not the text at start..end; 404 when the article does not exist.',
    body: createClaimInput,
    ok: { 201: v.claimView },
    errors: [404],
  },
  'GET claims/[id]': { summary: 'One claim', ok: { 200: v.claimView } },
  'PATCH claims/[id]': {
    summary: "Edit a claim's fields, tags or anchor, or assign it",
    description:
      'Send the `version` you read; a stale one is 409. Editing a published field of a claim in review or verified sends it back to review (tags and the note do not). `assigneeId` (a user id or null) names who works on it next: someone who may take its next step (a reviewer other than the author while in review); editors assign their own claims or themselves, reviewers any.',
    body: updateClaimInput,
    ok: { 200: v.claimView },
    errors: [409],
  },
  'DELETE claims/[id]': { summary: 'Delete a claim (authors their own drafts, admins any)', ok: { 204: null } },
  'GET claims/[id]/events': {
    summary: "A claim's history, oldest first",
    description: 'Without query parameters the whole history as an array; with `cursor` or `limit` one page `{items, nextCursor}`.',
    query: listEventPageInput,
    ok: { 200: [v.claimEventListView, v.claimEventPageView] },
  },
  'POST claims/[id]/events': { summary: 'Comment on a claim; answers the whole history', body: commentInput, ok: { 201: v.claimEventListView } },
  'POST claims/[id]/transitions': {
    summary: 'Submit, approve, request changes, reject or reopen a claim',
    description: 'A stale `version`, or an action the current status does not allow, is 409 naming who changed the claim.',
    body: transitionInput,
    ok: { 200: v.claimView },
    errors: [409],
  },
  'POST claims/[id]/sources': {
    summary: 'Cite a source: an existing one by `sourceId`, or by `url` (a known normalised URL is reused)',
    body: attachSourceInput,
    ok: { 201: v.sourceLinkView },
    errors: [409],
  },
  'DELETE claims/[id]/sources/[sourceId]': { summary: 'Stop citing a source', query: detachSourceInput, ok: { 204: null }, errors: [409] },
  'GET claims/[id]/matches': {
    summary: 'Claims in other articles that state the same thing',
    query: claimMatchesInput,
    ok: { 200: v.matchListView },
  },
  'POST claims/[id]/links': {
    summary: 'Link another claim as the same claim (one family)',
    body: linkClaimsInput,
    ok: { 201: v.familyChangeView },
    errors: [409],
  },
  'DELETE claims/[id]/links/[otherId]': { summary: 'Unlink two claims', ok: { 204: null }, errors: [409] },
  'POST claims/[id]/reuse': {
    summary: "Reuse a verified claim's verdict, rationale and sources in this claim",
    body: reuseVerdictInput,
    ok: { 200: v.claimView },
    errors: [409],
  },
  'GET matches': { summary: 'Claims that state the same thing as a text', query: textMatchesInput, ok: { 200: v.matchListView } },

  'GET sources': { summary: 'List sources by title', query: listSourcesInput, ok: { 200: v.sourceListView } },
  'POST sources': {
    summary: 'Create a source (200 with the existing one when its normalised URL is known)',
    body: createSourceInput,
    ok: { 201: v.sourceView, 200: v.sourceView },
  },
  'GET sources/[id]': { summary: 'A source with the claims citing it', ok: { 200: v.sourceDetailView } },
  'PATCH sources/[id]': { summary: 'Edit a source', body: updateSourceInput, ok: { 200: v.sourceView }, errors: [409] },
  'DELETE sources/[id]': { summary: 'Delete a source no claim cites', ok: { 204: null }, errors: [409] },

  'GET tags': { summary: 'Tag suggestions for autocomplete', query: suggestTagsInput, ok: { 200: v.tagSuggestionsView } },
  'GET search': {
    summary: 'Search claims, articles and sources',
    query: searchClaimsInput.pick({ q: true, tag: true }).partial(),
    ok: { 200: v.searchResultView },
  },
  'GET export': {
    summary: 'Download claims as CSV, JSON, JSON Lines, ClaimReview or Web Annotation (streamed)',
    description: 'Status defaults to verified; editors may export verified claims only (403 otherwise).',
    query: exportClaimsInput,
    ok: { 200: EXPORT_CONTENT },
    errors: [403],
  },
  'GET export/count': {
    summary: 'How many claims an export with these filters would contain',
    description: '`format` and `bom` are accepted and ignored, so the query string of a download link can be reused.',
    query: exportClaimsInput.partial({ format: true, bom: true }),
    ok: { 200: a.countView },
    errors: [403],
  },

  'GET stream': {
    summary: 'Live updates: the changes you may see, as Server-Sent Events',
    description:
      'Each event has the change id as `id`; send it back as `Last-Event-ID` (or `lastEventId`) to resume with what was missed. ' +
      'Without `articleId`, every change you may see. 404 for an unknown `articleId`.',
    query: streamInput,
    ok: { 200: STREAM_CONTENT },
    errors: [404],
  },

  'GET verdicts': { summary: 'The verdict scale in order', ok: { 200: a.verdictListView } },
  'POST verdicts': { summary: 'Add a verdict (admin)', body: createVerdictInput, ok: { 201: a.verdictView }, errors: [409] },
  'PATCH verdicts/[id]': { summary: 'Change a verdict (admin)', body: updateVerdictInput, ok: { 200: a.verdictView }, errors: [409] },
  'DELETE verdicts/[id]': { summary: 'Delete an unused verdict (admin)', ok: { 204: null }, errors: [409] },
  'POST verdicts/reorder': {
    summary: 'Reorder the scale: every verdict id in the new order (admin)',
    body: reorderVerdictsInput,
    ok: { 200: a.verdictListView },
  },

  'GET users': { summary: 'List users (admin)', ok: { 200: a.userListView }, errors: [403] },
  'POST users': { summary: 'Create a user (admin)', body: createUserInput, ok: { 201: a.createdUserView }, errors: [409] },
  'GET users/[id]': { summary: 'One user (admin)', ok: { 200: a.userView }, errors: [403] },
  'PATCH users/[id]': {
    summary: 'Rename, change the role of, disable or enable a user (admin)',
    body: updateUserInput,
    ok: { 200: a.userView },
    errors: [409],
  },
  'POST users/[id]/password': {
    summary: "Reset a user's password (admin); signs them out everywhere",
    description: '`{ password }` sets it; `{}` answers a one-time `setPasswordLink`.',
    body: resetPasswordInput,
    ok: { 200: a.passwordResetView },
  },
  'GET users/[id]/tokens': { summary: "A user's live API tokens (admin)", ok: { 200: a.apiTokenListView }, errors: [403] },
  'DELETE users/[id]/tokens/[tokenId]': { summary: "Revoke one of a user's API tokens (admin)", ok: { 204: null } },

  'PATCH settings': {
    summary: 'Change organisation settings (admin); settings left out keep their values',
    body: updateSettingsInput,
    ok: { 200: a.settingsView },
    errors: [403],
  },

  'GET audit': { summary: 'The audit trail, newest first (admin)', query: listAuditInput, ok: { 200: a.auditPageView }, errors: [403] },

  'GET webhooks': { summary: 'Registered webhooks with delivery counts (admin)', ok: { 200: w.webhookListView }, errors: [403] },
  'POST webhooks': {
    summary: 'Register a webhook (admin)',
    description:
      'The URL follows the rules of every outgoing request: an address in a private, loopback, link-local or metadata range is a 400 naming why.',
    body: createWebhookInput,
    ok: { 201: w.createdIdView },
  },
  'PATCH webhooks/[id]': { summary: 'Turn a webhook off or on, or change its events (admin)', body: updateWebhookInput, ok: { 204: null } },
  'DELETE webhooks/[id]': { summary: 'Delete a webhook and its delivery log (admin)', ok: { 204: null } },
  'GET webhooks/[id]/deliveries': {
    summary: "A webhook's delivery log, newest first (admin)",
    query: listDeliveriesInput,
    ok: { 200: w.deliveryPageView },
    errors: [403],
  },
  'POST webhooks/[id]/deliveries/[deliveryId]/resend': {
    summary: 'Send a delivery again (admin)',
    description: 'A delivered or failed delivery is queued again as a new one; a pending one is made due now. Answers the id that will be sent.',
    ok: { 201: w.createdIdView },
  },
  'GET feeds/verified': {
    summary: 'Verified claims changed since a cursor, for a CMS that polls',
    description: 'Each item is a claim once, `verified` (JSON export shape plus ClaimReview) or `withdrawn`; pass `nextCursor` as `since` next time.',
    query: verifiedFeedInput,
    ok: { 200: w.verifiedFeedView },
  },

  'GET tokens': { summary: 'Your live API tokens', ok: { 200: a.apiTokenListView } },
  'POST tokens': {
    summary: 'Create an API token; the secret is in this answer only',
    body: createApiTokenInput,
    ok: { 201: a.createdApiTokenView },
    errors: [409],
  },
  'DELETE tokens/[id]': { summary: 'Revoke one of your API tokens', ok: { 204: null } },
  'POST account/password': {
    summary: 'Change your password; revokes your API tokens and other sessions',
    body: changeOwnPasswordInput,
    ok: { 204: null },
  },

  'PUT account/shortcuts': {
    summary: 'Turn your single-key shortcuts on or off, or give them other keys',
    description: 'A key left out or empty keeps its default; two shortcuts of one place may not share a key (400 naming `keys.<id>`).',
    body: updateShortcutsInput,
    ok: { 200: a.keymapView },
  },
  'POST set-password': {
    summary: "Set a password with a one-time link's token (no session: the token is the credential)",
    description: 'Uses the link up and signs the user out everywhere; a used, expired or unknown link is a 400.',
    body: setPasswordWithLinkInput,
    ok: { 200: a.passwordSetView },
    public: true,
  },

  'GET notifications': {
    summary: 'Your notifications, newest first, with the unread count',
    description: 'Notifications about a claim hidden from you (another editor’s draft) are left out.',
    query: listNotificationsInput,
    ok: { 200: nv.notificationPageView },
  },
  'POST notifications/read': {
    summary: 'Mark your notifications read: `{ids}` or `{all: true}`',
    description: 'Ids of other users’ notifications are ignored.',
    body: markNotificationsReadInput,
    ok: { 200: nv.markedReadView },
  },
  'GET account/notifications': { summary: 'Which notification kinds you turned off', ok: { 200: nv.notifyPrefsView } },
  'PUT account/notifications': { summary: 'Choose which notification kinds you turn off', body: notifyPrefsInput, ok: { 200: nv.notifyPrefsView } },
  'GET mentions': {
    summary: 'People to @mention whose handle starts with, or name contains, `q`',
    query: suggestMentionsInput,
    ok: { 200: nv.mentionSuggestionListView },
  },
};
