/**
 * The kinds of audit events (everything except claims, which have review_events) and how the Activity page names
 * them. No server imports: the Activity filter form uses this list too.
 */
export const AUDIT_ACTION_LABELS = {
  'article.imported': 'imported an article',
  'article.new_version': 'added a new version of an article',
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
