/**
 * The fixed value sets of the schema's enum columns and the shape of an edit diff. No imports at all: client
 * components read these (select options, labels) without pulling drizzle or the database into the browser bundle,
 * and both dialects' schemas import them, so the two stay in step.
 */

export const ROLES = ['editor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const CLAIM_TYPES = ['statistic', 'quote', 'event', 'prediction', 'other'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
export const CLAIM_STATUSES = ['draft', 'in_review', 'needs_changes', 'verified', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const SOURCE_RELATIONS = ['supports', 'refutes', 'context'] as const;
export type SourceRelation = (typeof SOURCE_RELATIONS)[number];
/** schema.org type of a claimant (ClaimReview itemReviewed.author); null on a claim means "guess from the name". */
export const CLAIMANT_KINDS = ['person', 'organization'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];
export const REVIEW_ACTIONS = [
  'created',
  'edited',
  'submitted',
  'approved',
  'changes_requested',
  'rejected',
  'reopened',
  'commented',
  'deleted',
  'linked',
  'unlinked',
  'assigned',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** An edit's change to one field. */
export type FieldChange = { from: unknown; to: unknown };
/** A change to a list (a claim's sources): only what was added and removed, so an event grows with the change, not the list. */
export type ListChange = { added: string[]; removed: string[] };
/** The changed fields of an 'edited' event (older events stored `sources` as a FieldChange of whole URL lists). */
export type EventDiff = Record<string, FieldChange | ListChange>;

/**
 * A user's keyboard shortcut choices (users.shortcuts): on or off, and the keys they changed by shortcut id (the rest
 * keep their defaults; the ids and defaults are in lib/shortcuts/keymap.ts).
 */
export type ShortcutPrefs = { enabled: boolean; keys: Partial<Record<string, string>> };

/** Why a user was notified (notifications.type); users.notify_prefs turns kinds off. */
export const NOTIFICATION_TYPES = ['assigned', 'sent_back', 'verified', 'rejected', 'mentioned'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
/** Kinds a user turned off (users.notify_prefs); null = every kind on. */
export type NotifyPrefs = { off: NotificationType[] };
/** Events a webhook can subscribe to (webhooks.events, webhook_deliveries.event). */
export const WEBHOOK_EVENTS = ['claim.verified', 'claim.rejected', 'claim.verdict_changed', 'article.new_version'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** A delivery is pending (first try or a retry is due), delivered (2xx), or failed (gave up after 24 h). */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
