import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, primaryKey, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  CLAIMANT_KINDS,
  CLAIM_STATUSES,
  CLAIM_TYPES,
  REVIEW_ACTIONS,
  ROLES,
  SOURCE_RELATIONS,
  NOTIFICATION_TYPES,
  WEBHOOK_EVENTS,
  DELIVERY_STATUSES,
  type EventDiff,
  type ShortcutPrefs,
  type NotifyPrefs,
  type WebhookEvent,
} from '../enums';

/** Milliseconds since epoch, set by the database on insert. */
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

// The enum value sets live in db/enums.ts (no imports), so client code can read them without drizzle.
export * from '../enums';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('editor'),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** Keyboard shortcut choices (account page); null until the user changes them, meaning the defaults. */
  shortcuts: text('shortcuts', { mode: 'json' }).$type<ShortcutPrefs>(),
  /** Notification kinds the user turned off (account page); null = all on. */
  notifyPrefs: text('notify_prefs', { mode: 'json' }).$type<NotifyPrefs>(),
  createdAt: createdAt(),
});

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** One row per login; the JWT carries its id so logout and disabling a user take effect at the next request. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time set-password links created by admins; only the hash of the token is stored. */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/**
 * Login throttle state shared by every app instance (in the database, not in process memory: a lock reached through
 * one instance holds on all). One row per key: `pair:<email> <ip>`, `ip:<ip>` and `account:<email>` count failures
 * in a window; `known:<email> <ip>` remembers an address that signed in to the account. Rows past `expires_at` are
 * dead and pruned.
 */
export const loginThrottle = sqliteTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('login_throttle_expires_idx').on(t.expiresAt)],
);

/** Key/value settings (organisation name and URL, draft visibility). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    sourceUrl: text('source_url'),
    publisher: text('publisher'),
    publishedAt: text('published_at'),
    bodyJson: text('body_json', { mode: 'json' }).notNull(),
    bodyText: text('body_text').notNull(),
    contentHash: text('content_hash').notNull(),
    previousId: integer('previous_id').references((): AnySQLiteColumn => articles.id),
    /** For articles imported from a link: the normalised URL that was fetched (source_url holds the canonical one). */
    fetchedUrl: text('fetched_url'),
    byline: text('byline'),
    /** When the link was last fetched to look for a changed text. */
    lastCheckedAt: integer('last_checked_at', { mode: 'timestamp_ms' }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    /** Who is to mark claims in this article (issue 18 assignment); null = unassigned. */
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('articles_created_idx').on(t.createdAt),
    index('articles_assignee_idx').on(t.assigneeId),
    // The same link imported twice opens the existing article: looked up by fetched and canonical URL.
    index('articles_fetched_url_idx').on(t.fetchedUrl),
    index('articles_source_url_idx').on(t.sourceUrl),
  ],
);

export const verdictScale = sqliteTable('verdict_scale', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  label: text('label').notNull().unique(),
  rating: integer('rating').notNull(),
  color: text('color').notNull(),
  sort: integer('sort').notNull(),
  retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
  /** Outside the true/false axis (e.g. Unproven): exported without a ratingValue, as Google asks. */
  unrated: integer('unrated', { mode: 'boolean' }).notNull().default(false),
});

export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    exact: text('exact').notNull(),
    prefix: text('prefix').notNull().default(''),
    suffix: text('suffix').notNull().default(''),
    type: text('type', { enum: CLAIM_TYPES }).notNull(),
    claimant: text('claimant').notNull().default(''),
    claimantKind: text('claimant_kind', { enum: CLAIMANT_KINDS }),
    claimText: text('claim_text').notNull(),
    /** Optional short form of the claim for publishing (ClaimReview claimReviewed); empty = use claim_text. */
    summary: text('summary').notNull().default(''),
    note: text('note').notNull().default(''),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('draft'),
    verdictId: integer('verdict_id').references(() => verdictScale.id),
    rationale: text('rationale').notNull().default(''),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    reviewerId: integer('reviewer_id').references(() => users.id),
    /** Whose turn it is: an editor to mark and fill, or a reviewer to review; null = unassigned. */
    assigneeId: integer('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    orphaned: integer('orphaned', { mode: 'boolean' }).notNull().default(false),
    /** Claims linked as the same claim across articles share a family id (null when not linked). */
    familyId: integer('family_id'),
    /** Set when the verdict, rationale and sources were copied from this (verified) claim. */
    reusedFromClaimId: integer('reused_from_claim_id').references((): AnySQLiteColumn => claims.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('claims_article_idx').on(t.articleId, t.start),
    index('claims_status_idx').on(t.status, t.id),
    // created_at last here and in claims_updated_idx: a walk in last-changed order tests a created-date range in the
    // index before it reads the claim (planCreatedRange).
    index('claims_status_updated_idx').on(t.status, t.updatedAt, t.createdAt),
    index('claims_author_idx').on(t.authorId, t.status),
    index('claims_verdict_idx').on(t.verdictId),
    index('claims_reviewed_idx').on(t.status, t.reviewedAt),
    // Board counts per status under a type filter, and pages sorted by recency without a filter.
    index('claims_type_status_idx').on(t.type, t.status),
    index('claims_updated_idx').on(t.updatedAt, t.id, t.createdAt),
    index('claims_family_idx').on(t.familyId),
    index('claims_assignee_idx').on(t.assigneeId, t.status),
    // The dashboard's weekly chart reads only recent claims (created_at range), never the whole table; with
    // updated_at, a board page that reads a created range finds its page in the index alone (planCreatedRange).
    index('claims_created_idx').on(t.createdAt, t.status, t.updatedAt),
  ],
);

export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    url: text('url').notNull().unique(),
    title: text('title').notNull().default(''),
    publisher: text('publisher').notNull().default(''),
    publishedAt: text('published_at'),
    archivedUrl: text('archived_url'),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('sources_title_idx').on(t.title)],
);

export const claimSources = sqliteTable(
  'claim_sources',
  {
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    relation: text('relation', { enum: SOURCE_RELATIONS }).notNull(),
    excerpt: text('excerpt').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.sourceId] }), index('claim_sources_source_idx').on(t.sourceId)],
);

/** Append-only audit trail; claim_id is kept (no FK cascade) so history survives a deleted draft. */
export const reviewEvents = sqliteTable(
  'review_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id').notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action', { enum: REVIEW_ACTIONS }).notNull(),
    fromStatus: text('from_status', { enum: CLAIM_STATUSES }),
    toStatus: text('to_status', { enum: CLAIM_STATUSES }),
    comment: text('comment').notNull().default(''),
    diff: text('diff', { mode: 'json' }).$type<EventDiff>(),
    createdAt: createdAt(),
  },
  (t) => [index('review_events_claim_idx').on(t.claimId, t.id)],
);

/**
 * Append-only audit trail of everything that is not a claim (claims have review_events): who did what, when, and
 * the changed fields only. Readers (Activity page, later live updates/webhooks) page it by `id > cursor`, so the id
 * is AUTOINCREMENT (never reused) and committed rows appear in id order under SQLite's single writer.
 * actor_id is null for strangers (failed logins); no FK so the trail outlives deleted users.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    summary: text('summary').notNull().default(''),
    diff: text('diff', { mode: 'json' }).$type<Record<string, { from: unknown; to: unknown }>>(),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [
    // The Activity page filters by actor, action or entity and a date range, newest first by (created_at, id).
    index('audit_events_created_idx').on(t.createdAt, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.createdAt, t.id),
    index('audit_events_action_idx').on(t.action, t.createdAt, t.id),
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.createdAt, t.id),
  ],
);

/** Suggestions an editor dismissed, remembered per article by span. */
export const dismissedSuggestions = sqliteTable(
  'dismissed_suggestions',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    dismissedBy: integer('dismissed_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.start, t.end] })],
);

/** Free-text tags on claims (topic, campaign), stored normalised (trimmed, lower case) for filtering. */
export const claimTags = sqliteTable(
  'claim_tags',
  {
    claimId: integer('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.tag] }), index('claim_tags_tag_idx').on(t.tag, t.claimId)],
);

/**
 * What changed, for live updates (SSE) and the verified feed: one row per change to a claim or article, written in
 * the same transaction as the change. Ids are the stream's cursor, so they must be visible in commit order: SQLite
 * has one writer; on PostgreSQL the writer takes a transaction advisory lock before inserting (lib/live).
 * No foreign keys: a deleted claim's event outlives it.
 */
export const changeEvents = sqliteTable(
  'change_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    claimId: integer('claim_id'),
    articleId: integer('article_id'),
    status: text('status', { enum: CLAIM_STATUSES }),
    actorId: integer('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [index('change_events_article_idx').on(t.articleId, t.id), index('change_events_claim_idx').on(t.claimId, t.id)],
);

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: NOTIFICATION_TYPES }).notNull(),
    claimId: integer('claim_id').references(() => claims.id, { onDelete: 'cascade' }),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** A short excerpt (the comment that mentioned the user, the review comment), plain text. */
    excerpt: text('excerpt').notNull().default(''),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), index('notifications_unread_idx').on(t.userId, t.readAt)],
);

export const webhooks = sqliteTable('webhooks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  /** HMAC-SHA256 key for X-Claimdesk-Signature; shown to the admin once, never returned by the API afterwards. */
  secret: text('secret').notNull(),
  events: text('events', { mode: 'json' }).$type<WebhookEvent[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/**
 * The webhook outbox: queued in the same transaction as the change, sent by lib/webhooks' sender, retried with
 * exponential backoff for 24 h. `lockedUntil` is a lease so two app instances never send the same try at once.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    claimId: integer('claim_id'),
    articleId: integer('article_id'),
    /** The event's data as queued (claim as in the JSON export, ClaimReview for verified claims). */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: integer('last_attempt_at', { mode: 'timestamp_ms' }),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id)],
);

/**
 * Claim counts per (status, type), kept by triggers on claims (db/migrations/0015_perf_claim_counts.sql): every
 * insert, delete and status/type change adds a +1/-1 delta row; readers sum them (lib/claims/claim-counts.ts) and
 * fold them into one row per key now and then. Delta rows, not one counter per key: on PostgreSQL a hot counter row
 * would make concurrent SERIALIZABLE claim inserts conflict.
 */
export const claimCounts = sqliteTable(
  'claim_counts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    status: text('status', { enum: CLAIM_STATUSES }).notNull(),
    type: text('type', { enum: CLAIM_TYPES }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('claim_counts_type_status_idx').on(t.type, t.status, t.n)],
);
