import { sql } from 'drizzle-orm';
import { pgTable, text, integer, boolean, json, primaryKey, index, customType, type AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  CLAIM_STATUSES,
  CLAIM_TYPES,
  CLAIMANT_KINDS,
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

/*
 * The PostgreSQL twin of ./sqlite.ts: same tables, columns, nullability, indexes and foreign keys, checked by
 * tests/unit/schema-parity.test.ts. Timestamps are epoch milliseconds in a bigint on both engines, read as Date:
 * one representation means no time-zone conversion can differ between engines, and raw SQL that buckets or
 * compares times (board charts, keyset cursors) is the same text on both.
 */
const epochMs = customType<{ data: Date; driverData: string | number }>({
  dataType: () => 'bigint',
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});
/** Integer ids from an identity column (db:copy resets the sequence after copying rows with their ids). */
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity();
/** Milliseconds since epoch, set by the database on insert. */
const createdAt = () =>
  epochMs('created_at')
    .notNull()
    .default(sql`((extract(epoch from clock_timestamp()) * 1000)::bigint)`);

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('editor'),
  disabled: boolean('disabled').notNull().default(false),
  /** Keyboard shortcut preferences (lib/shortcuts); null = the defaults. */
  shortcuts: json('shortcuts').$type<ShortcutPrefs>(),
  /** Notification kinds the user turned off (account page); null = all on. */
  notifyPrefs: json('notify_prefs').$type<NotifyPrefs>(),
  createdAt: createdAt(),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    lastUsedAt: epochMs('last_used_at'),
    revokedAt: epochMs('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: epochMs('expires_at').notNull(),
    usedAt: epochMs('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    windowStart: epochMs('window_start').notNull(),
    lockedUntil: epochMs('locked_until'),
    expiresAt: epochMs('expires_at').notNull(),
  },
  (t) => [index('login_throttle_expires_idx').on(t.expiresAt)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const articles = pgTable(
  'articles',
  {
    id: id(),
    title: text('title').notNull(),
    sourceUrl: text('source_url'),
    publisher: text('publisher'),
    publishedAt: text('published_at'),
    bodyJson: json('body_json').notNull(),
    bodyText: text('body_text').notNull(),
    contentHash: text('content_hash').notNull(),
    previousId: integer('previous_id').references((): AnyPgColumn => articles.id),
    fetchedUrl: text('fetched_url'),
    byline: text('byline'),
    lastCheckedAt: epochMs('last_checked_at'),
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
    index('articles_fetched_url_idx').on(t.fetchedUrl),
    index('articles_source_url_idx').on(t.sourceUrl),
  ],
);

export const verdictScale = pgTable('verdict_scale', {
  id: id(),
  label: text('label').notNull().unique(),
  rating: integer('rating').notNull(),
  color: text('color').notNull(),
  sort: integer('sort').notNull(),
  retired: boolean('retired').notNull().default(false),
  unrated: boolean('unrated').notNull().default(false),
});

export const claims = pgTable(
  'claims',
  {
    id: id(),
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
    orphaned: boolean('orphaned').notNull().default(false),
    familyId: integer('family_id'),
    reusedFromClaimId: integer('reused_from_claim_id').references((): AnyPgColumn => claims.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: epochMs('updated_at').notNull(),
    reviewedAt: epochMs('reviewed_at'),
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
    index('claims_type_status_idx').on(t.type, t.status),
    index('claims_updated_idx').on(t.updatedAt, t.id, t.createdAt),
    index('claims_family_idx').on(t.familyId),
    index('claims_assignee_idx').on(t.assigneeId, t.status),
    // The dashboard's weekly chart reads only recent claims (created_at range), never the whole table; with
    // updated_at, a board page that reads a created range finds its page in the index alone (planCreatedRange).
    index('claims_created_idx').on(t.createdAt, t.status, t.updatedAt),
  ],
);

export const sources = pgTable(
  'sources',
  {
    id: id(),
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

export const claimSources = pgTable(
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

export const reviewEvents = pgTable(
  'review_events',
  {
    id: id(),
    claimId: integer('claim_id').notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action', { enum: REVIEW_ACTIONS }).notNull(),
    fromStatus: text('from_status', { enum: CLAIM_STATUSES }),
    toStatus: text('to_status', { enum: CLAIM_STATUSES }),
    comment: text('comment').notNull().default(''),
    diff: json('diff').$type<EventDiff>(),
    createdAt: createdAt(),
  },
  (t) => [index('review_events_claim_idx').on(t.claimId, t.id)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    summary: text('summary').notNull().default(''),
    diff: json('diff').$type<Record<string, { from: unknown; to: unknown }>>(),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_events_created_idx').on(t.createdAt, t.id),
    index('audit_events_actor_idx').on(t.actorId, t.createdAt, t.id),
    index('audit_events_action_idx').on(t.action, t.createdAt, t.id),
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.createdAt, t.id),
  ],
);

export const dismissedSuggestions = pgTable(
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
export const claimTags = pgTable(
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
export const changeEvents = pgTable(
  'change_events',
  {
    id: id(),
    type: text('type').notNull(),
    claimId: integer('claim_id'),
    articleId: integer('article_id'),
    status: text('status', { enum: CLAIM_STATUSES }),
    actorId: integer('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [index('change_events_article_idx').on(t.articleId, t.id), index('change_events_claim_idx').on(t.claimId, t.id)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: NOTIFICATION_TYPES }).notNull(),
    claimId: integer('claim_id').references(() => claims.id, { onDelete: 'cascade' }),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** A short excerpt (the comment that mentioned the user, the review comment), plain text. */
    excerpt: text('excerpt').notNull().default(''),
    readAt: epochMs('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), index('notifications_unread_idx').on(t.userId, t.readAt)],
);

export const webhooks = pgTable('webhooks', {
  id: id(),
  url: text('url').notNull(),
  /** HMAC-SHA256 key for X-Claimdesk-Signature; shown to the admin once, never returned by the API afterwards. */
  secret: text('secret').notNull(),
  events: json('events').$type<WebhookEvent[]>().notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

/**
 * The webhook outbox: queued in the same transaction as the change, sent by lib/webhooks' sender, retried with
 * exponential backoff for 24 h. `lockedUntil` is a lease so two app instances never send the same try at once.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    claimId: integer('claim_id'),
    articleId: integer('article_id'),
    /** The event's data as queued (claim as in the JSON export, ClaimReview for verified claims). */
    payload: json('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at').notNull(),
    lockedUntil: epochMs('locked_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: epochMs('last_attempt_at'),
    deliveredAt: epochMs('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt), index('webhook_deliveries_webhook_idx').on(t.webhookId, t.id)],
);

/** Claim counts per (status, type) as delta rows kept by triggers: see db/schema/sqlite.ts. */
export const claimCounts = pgTable(
  'claim_counts',
  {
    id: id(),
    status: text('status', { enum: CLAIM_STATUSES }).notNull(),
    type: text('type', { enum: CLAIM_TYPES }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [index('claim_counts_type_status_idx').on(t.type, t.status, t.n)],
);
