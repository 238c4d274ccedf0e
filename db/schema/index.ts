import * as sqlite from './sqlite';
import * as pg from './pg';
import { isPostgres } from '../engine';

/*
 * The tables of the configured engine. Services are written once against these; their types are the SQLite
 * schema's, and tests/unit/schema-parity.test.ts keeps the PostgreSQL twin identical in tables, columns,
 * nullability, indexes and foreign keys, so the same query builds and maps the same rows on both engines.
 */
const tables = (isPostgres() ? pg : sqlite) as unknown as typeof sqlite;

export const {
  users,
  apiTokens,
  sessions,
  passwordResets,
  loginThrottle,
  settings,
  articles,
  verdictScale,
  claims,
  sources,
  claimSources,
  reviewEvents,
  auditEvents,
  dismissedSuggestions,
  claimTags,
  changeEvents,
  notifications,
  webhooks,
  claimCounts,
  webhookDeliveries,
} = tables;

export {
  ROLES,
  CLAIM_TYPES,
  CLAIM_STATUSES,
  SOURCE_RELATIONS,
  CLAIMANT_KINDS,
  REVIEW_ACTIONS,
  NOTIFICATION_TYPES,
  WEBHOOK_EVENTS,
  DELIVERY_STATUSES,
  type Role,
  type ClaimType,
  type ClaimStatus,
  type SourceRelation,
  type ClaimantKind,
  type ReviewAction,
  type FieldChange,
  type ListChange,
  type EventDiff,
  type NotificationType,
  type NotifyPrefs,
  type WebhookEvent,
  type DeliveryStatus,
} from '../enums';
