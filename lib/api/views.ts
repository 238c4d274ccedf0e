/**
 * zod descriptions of what the JSON API answers, for the OpenAPI document. The services return TypeScript types, not
 * parsed values, so these schemas sit beside them and `view-checks.ts` makes `tsc` fail when the two drift apart.
 * Claims, articles, sources, search and matching; the verdict scale, users, tokens and audit are in admin-views.ts.
 */
import { z } from 'zod';
import { CLAIM_STATUSES, CLAIM_TYPES, CLAIMANT_KINDS, REVIEW_ACTIONS, SOURCE_RELATIONS } from '@/db/schema';
import { MATCH_RELATIONS } from '@/lib/matching/compare-claims';
import { dateTime, id, page, view } from './view-registry';

const status = z.enum(CLAIM_STATUSES);
const relation = z.enum(SOURCE_RELATIONS);
const count = z.number().int();

export const claimSourceLinkView = z.object({
  sourceId: id,
  url: z.string(),
  title: z.string(),
  publisher: z.string(),
  relation,
  excerpt: z.string(),
});

export const claimView = view(
  'Claim',
  'A claim with its anchor in the article text, verdict, people and cited sources. `version` is the optimistic-concurrency token every write must send back.',
  z.object({
    id,
    articleId: id,
    start: z.number().int(),
    end: z.number().int(),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    type: z.enum(CLAIM_TYPES),
    claimant: z.string(),
    claimantKind: z.enum(CLAIMANT_KINDS).nullable(),
    claimText: z.string(),
    summary: z.string(),
    note: z.string(),
    status,
    verdictId: id.nullable(),
    verdictLabel: z.string().nullable(),
    verdictColor: z.string().nullable(),
    rationale: z.string().describe('Markdown.'),
    authorId: id,
    authorName: z.string(),
    reviewerId: id.nullable(),
    reviewerName: z.string().nullable(),
    assigneeId: id.nullable().describe('Who works on it next (PATCH it with `assigneeId`).'),
    assigneeName: z.string().nullable(),
    orphaned: z.boolean(),
    familyId: id.nullable(),
    reusedFromClaimId: id.nullable(),
    version: z.number().int(),
    createdAt: dateTime,
    updatedAt: dateTime,
    reviewedAt: dateTime.nullable(),
    sources: z.array(claimSourceLinkView),
    tags: z.array(z.string()).describe('Normalised (trimmed, lower case), sorted.'),
    can: z
      .object({
        edit: z.boolean(),
        delete: z.boolean(),
        submit: z.boolean(),
        review: z.boolean(),
        reopen: z.boolean(),
        reuseVerdict: z.boolean(),
        comment: z.boolean(),
        link: z.boolean(),
        assign: z.boolean(),
      })
      .describe('What the requesting user may do with this claim now (computed by the server from lib/auth/permissions.ts).'),
  }),
);
export const claimPageView = view(
  'ClaimPage',
  'One page of claims; pass `nextCursor` as `cursor` for the next (null on the last page).',
  page(claimView),
);

export const claimEventView = view(
  'ClaimEvent',
  "One entry of a claim's history.",
  z.object({
    id,
    action: z.enum(REVIEW_ACTIONS),
    fromStatus: status.nullable(),
    toStatus: status.nullable(),
    comment: z.string(),
    diff: z
      .record(
        z.string(),
        z.union([z.object({ from: z.unknown(), to: z.unknown() }), z.object({ added: z.array(z.string()), removed: z.array(z.string()) })]),
      )
      .nullable(),
    createdAt: dateTime,
    actorId: id,
    actorName: z.string(),
  }),
);
export const claimEventListView = view('ClaimEventList', 'The whole history, oldest first.', z.array(claimEventView));
export const claimEventPageView = view('ClaimEventPage', 'One page of history, oldest first.', page(claimEventView));

const articleFields = {
  id,
  title: z.string(),
  sourceUrl: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: dateTime,
};
export const articleSummaryView = z.object({
  ...articleFields,
  claimCounts: z.object({
    draft: count,
    in_review: count,
    needs_changes: count,
    verified: count,
    rejected: count,
    total: count,
  }),
});
export const articleListView = view(
  'ArticleList',
  'Latest versions of all articles, newest first, with claim counts per status.',
  z.array(articleSummaryView),
);

export const articleView = view(
  'Article',
  'An article with `text` (the plain text claim offsets refer to), its document and its claims.',
  z.object({
    ...articleFields,
    previousId: id.nullable(),
    fetchedUrl: z.string().nullable(),
    byline: z.string().nullable(),
    lastCheckedAt: dateTime.nullable(),
    supersededBy: id.nullable(),
    assigneeId: id.nullable().describe('Who marks its claims (PATCH it with `assigneeId`).'),
    assigneeName: z.string().nullable(),
    doc: z.looseObject({ type: z.string().optional() }).describe('The article as a tiptap (ProseMirror) JSON document.'),
    text: z.string(),
    claims: z.array(claimView),
  }),
);
export const articleAssignmentView = view(
  'ArticleAssignment',
  'Who marks the article now.',
  z.object({ id, assigneeId: id.nullable(), assigneeName: z.string().nullable() }),
);
export const tagSuggestionsView = view(
  'TagSuggestions',
  'Tags in use on claims you may see, those starting with `q` first, then the most used.',
  z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) }),
);
export const importedArticleView = view(
  'ImportedArticle',
  'The stored article; imports by link add `existing: true` when the link was imported before (answered with 200).',
  articleView.extend({ existing: z.boolean().optional() }),
);
export const urlImportPreviewView = view(
  'UrlImportPreview',
  'What importing a link would store, nothing stored yet; `existingId` is the latest version of an article imported from it before.',
  z.object({
    existingId: id.nullable(),
    fetchedUrl: z.string(),
    canonicalUrl: z.string(),
    title: z.string().nullable(),
    byline: z.string().nullable(),
    publisher: z.string().nullable(),
    publishedAt: z.string().nullable(),
    text: z.string(),
  }),
);

const versionCounts = { kept: z.number().int(), moved: z.number().int(), fuzzy: z.number().int(), orphaned: z.number().int() };
export const versionResultView = view('VersionResult', 'The new version and how its claims moved onto it.', z.object({ id, ...versionCounts }));
export const refreshResultView = view(
  'RefreshResult',
  'Unchanged (only the check time is recorded), or a new version with the counts of moved claims.',
  z.discriminatedUnion('changed', [
    z.object({ changed: z.literal(false), checkedAt: dateTime }),
    z.object({ changed: z.literal(true), checkedAt: dateTime, article: articleView, ...versionCounts, backToReview: z.number().int() }),
  ]),
);

const suggestionFields = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  type: z.enum(['statistic', 'quote', 'event', 'other']),
  speaker: z.string().nullable(),
  speakerStart: z.number().int().nullable(),
  speakerEnd: z.number().int().nullable(),
  reason: z.string(),
});
export const suggestionListView = view(
  'SuggestionList',
  'Proposed check-worthy spans of the article text; `text` equals the text at `start..end`.',
  z.array(suggestionFields),
);
export const suggestionsWithPeopleView = view(
  'SuggestionsWithPeople',
  'The suggestions (`items`) and every person or described source the article mentions (`people`, text order, first mention).',
  z.object({ items: z.array(suggestionFields), people: z.array(z.object({ name: z.string(), start: z.number().int(), end: z.number().int() })) }),
);

const sourceFields = {
  id,
  url: z.string(),
  title: z.string(),
  publisher: z.string(),
  publishedAt: z.string().nullable(),
  archivedUrl: z.string().nullable(),
  notes: z.string(),
  createdBy: id,
  createdAt: dateTime,
};
export const sourceView = view('Source', 'A source, reused across claims (its URL is normalised and unique).', z.object(sourceFields));
const citingClaim = z.object({ id, articleId: id, articleTitle: z.string(), claimText: z.string(), status: z.string() });
export const sourceListItemView = z.object({ ...sourceFields, claimCount: z.number().int(), claims: z.array(citingClaim) });
export const sourceListView = view(
  'SourceList',
  'Sources by title with the claims citing them that the caller may see.',
  z.object({ items: z.array(sourceListItemView) }),
);
export const sourceDetailView = view(
  'SourceDetail',
  'A source with every claim citing it that the caller may see.',
  z.object({
    ...sourceFields,
    createdByName: z.string(),
    citations: z.array(
      z.object({
        claimId: id,
        claimText: z.string(),
        status,
        articleId: id,
        articleTitle: z.string(),
        verdictLabel: z.string().nullable(),
        verdictColor: z.string().nullable(),
        relation,
        excerpt: z.string(),
      }),
    ),
  }),
);
export const sourceLinkView = view(
  'SourceLink',
  'The link made between a claim and a source, with the source and the claim after the edit (`reused`: an existing source was linked).',
  z.object({ claimId: id, sourceId: id, relation, excerpt: z.string(), source: sourceView, reused: z.boolean(), claim: claimView }),
);

export const matchListView = view(
  'MatchList',
  'Claims in other articles that state the same thing (`same`), the same subject with a different figure, direction or speaker (`variant`: never reuse its verdict), or the same topic (`related`), best first.',
  z.object({
    matches: z.array(
      z.object({
        claimId: id,
        articleId: id,
        articleTitle: z.string(),
        text: z.string(),
        status,
        verdict: z.object({ label: z.string() }).nullable(),
        score: z.number(),
        relation: z.enum(MATCH_RELATIONS),
      }),
    ),
  }),
);
export const familyChangeView = view(
  'FamilyChange',
  'The claim family after the change: its id and member claims (null and [] when no family is left).',
  z.object({ familyId: id.nullable(), claimIds: z.array(id) }),
);

export const searchResultView = view(
  'SearchResult',
  'Ranked claim hits (matched words between U+E000 and U+E001 in the text fields), articles by title and matching sources.',
  z.object({
    claims: z.array(
      z.object({
        id,
        articleId: id,
        status,
        verdictLabel: z.string().nullable(),
        verdictColor: z.string().nullable(),
        rank: z.number(),
        claimText: z.string(),
        rationale: z.string(),
        claimant: z.string(),
        articleTitle: z.string(),
      }),
    ),
    articles: z.array(z.object({ id, title: z.string(), publisher: z.string().nullable(), publishedAt: z.string().nullable() })),
    sources: z.array(sourceListItemView),
  }),
);
