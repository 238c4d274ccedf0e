/**
 * The kinds of audit events (everything except claims, which have review_events) and how the Activity page names
 * them. No server imports: the Activity filter form uses this list too.
 */
export const AUDIT_ACTION_LABELS = {
  'article.imported': 'imported an article',
  'article.new_version': 'added a new version of an article',
  'article.suggestion_dismissed': 'dismissed a suggested claim',
  'article.assigned': 'changed who marks an article',
  'source.updated': 'edited a source',
  'source.deleted': 'deleted a source',
  'verdict.created': 'added a verdict',
  'verdict.updated': 'changed a verdict',
  'verdict.deleted': 'deleted a verdict',
  'verdict.reordered': 'reordered the verdict scale',
  'settings.updated': 'changed settings',
  'user.created': 'created a user',
  'user.updated': 'renamed a user',
  'user.role_changed': 'changed the role of a user',
  'user.disabled': 'disabled a user',
  'user.enabled': 'enabled a user',
  'user.password_reset': 'reset the password of a user',
  'user.password_link_created': 'issued a set-password link',
  'user.password_set': 'set their password with a link',
  'user.password_changed': 'changed their password',
  'token.created': 'created an API token',
  'token.revoked': 'revoked an API token',
  'login.failed': 'failed to sign in',
  'login.locked': 'was refused sign-in (locked)',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** What an action is about, from its prefix; failed logins are about the account tried. */
export type AuditEntityType = 'article' | 'source' | 'verdict' | 'settings' | 'user' | 'token';
export const AUDIT_ENTITY_TYPES: readonly AuditEntityType[] = ['article', 'source', 'verdict', 'settings', 'user', 'token'];

export function entityTypeOf(action: AuditAction): AuditEntityType {
  const prefix = action.slice(0, action.indexOf('.'));
  return prefix === 'login' ? 'user' : (prefix as AuditEntityType);
}

/** Human names of the fields that appear in audit diffs. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  url: 'URL',
  sourceUrl: 'Source URL',
  publisher: 'Publisher',
  publishedAt: 'Published',
  archivedUrl: 'Archived copy',
  notes: 'Notes',
  previousId: 'Previous version',
  characters: 'Characters',
  label: 'Label',
  color: 'Colour',
  rating: 'Rating',
  retired: 'Retired',
  order: 'Order',
  orgName: 'Organisation name',
  orgUrl: 'Organisation URL',
  editorsSeeDrafts: 'Editors see drafts',
  email: 'Email',
  name: 'Name',
  role: 'Role',
  disabled: 'Disabled',
  assigneeId: 'Assignee',
};

/** The Activity page's "kind" groups: every action under its entity type. */
export const AUDIT_KIND_GROUPS: { type: AuditEntityType; label: string; actions: AuditAction[] }[] = [
  { type: 'article', label: 'Articles', actions: ['article.imported', 'article.new_version', 'article.suggestion_dismissed', 'article.assigned'] },
  { type: 'source', label: 'Sources', actions: ['source.updated', 'source.deleted'] },
  { type: 'verdict', label: 'Verdict scale', actions: ['verdict.created', 'verdict.updated', 'verdict.deleted', 'verdict.reordered'] },
  { type: 'settings', label: 'Settings', actions: ['settings.updated'] },
  {
    type: 'user',
    label: 'Users and sign-in',
    actions: [
      'user.created',
      'user.updated',
      'user.role_changed',
      'user.disabled',
      'user.enabled',
      'user.password_reset',
      'user.password_link_created',
      'user.password_set',
      'user.password_changed',
      'login.failed',
      'login.locked',
    ],
  },
  { type: 'token', label: 'API tokens', actions: ['token.created', 'token.revoked'] },
];
