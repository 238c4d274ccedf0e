import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/db/schema';
import { can, mayAssign, mayBeAssignedClaim, PERMISSIONS, rolesWith, type Permission } from '@/lib/auth/permissions';

const EDITOR_UP: Role[] = ['editor', 'reviewer', 'admin'];
const REVIEWER_UP: Role[] = ['reviewer', 'admin'];
const ADMIN: Role[] = ['admin'];

type Ask = (actor: { role: Role }) => boolean;

/**
 * The product's roles (editors import articles, mark, source and submit their own claims and comment; reviewers also
 * approve, send back and reject others' claims and reopen them; admins also manage users, the verdict scale and
 * settings), restated as who may do what, written without looking at the table. Rows marked "kept" go beyond that
 * statement of roles: they state what the product does today, so a change to them is deliberate.
 */
const SPEC: { does: string; ask: Ask; roles: Role[]; covers: Permission[] }[] = [
  // editor: "import articles"
  {
    does: 'read and import articles',
    ask: (a) => can(a, 'article:read') && can(a, 'article:create'),
    roles: EDITOR_UP,
    covers: ['article:read', 'article:create'],
  },
  // editor: "create/edit/delete own draft claims"
  { does: 'read claims', ask: (a) => can(a, 'claim:read'), roles: EDITOR_UP, covers: ['claim:read'] },
  { does: 'create claims', ask: (a) => can(a, 'claim:create'), roles: EDITOR_UP, covers: ['claim:create'] },
  { does: 'edit their own claims', ask: (a) => can(a, 'claim:edit', { own: true }), roles: EDITOR_UP, covers: ['claim:edit'] },
  { does: 'delete their own drafts', ask: (a) => can(a, 'claim:delete', { own: true }), roles: EDITOR_UP, covers: ['claim:delete'] },
  // admin: "everything"
  { does: 'delete anyone’s claim, at any status', ask: (a) => can(a, 'claim:delete'), roles: ADMIN, covers: ['claim:delete'] },
  // kept: reviewers fix the wording of claims they review (the claim page's "Edit claim").
  { does: 'edit other people’s claims', ask: (a) => can(a, 'claim:edit'), roles: REVIEWER_UP, covers: ['claim:edit'] },
  // editor: "submit for review" (their own claims); admin: "everything"
  { does: 'submit their own claims for review', ask: (a) => can(a, 'claim:submit', { own: true }), roles: EDITOR_UP, covers: ['claim:submit'] },
  { does: 'submit other people’s claims for review', ask: (a) => can(a, 'claim:submit'), roles: ADMIN, covers: ['claim:submit'] },
  // reviewer: "approve / request changes / reject claims authored by someone else"; workflow: "reopen (reviewer/admin)"
  { does: 'approve, request changes, reject and reopen', ask: (a) => can(a, 'claim:review'), roles: REVIEWER_UP, covers: ['claim:review'] },
  // editor: "comment"
  { does: 'comment on claims', ask: (a) => can(a, 'claim:comment'), roles: EDITOR_UP, covers: ['claim:comment'] },
  // kept: linking the same claim across articles is part of marking claims.
  { does: 'link claims as the same claim', ask: (a) => can(a, 'claim:link'), roles: EDITOR_UP, covers: ['claim:link'] },
  // issue 18: "assign ... (editor for marking, reviewer for review)"; kept: reviewers lead the desk and assign anyone.
  {
    does: 'assign their own claims and articles, or themselves',
    ask: (a) => can(a, 'claim:assign', { own: true }) && can(a, 'article:assign', { own: true }),
    roles: EDITOR_UP,
    covers: ['claim:assign', 'article:assign'],
  },
  {
    does: 'assign anyone’s claims and articles',
    ask: (a) => can(a, 'claim:assign') && can(a, 'article:assign'),
    roles: REVIEWER_UP,
    covers: ['claim:assign', 'article:assign'],
  },
  // "Who may see a claim": drafts of others are hidden from editors (unless editors_see_drafts is on).
  {
    does: 'always see other people’s drafts',
    ask: (a) => can(a, 'claim:read-others-drafts'),
    roles: REVIEWER_UP,
    covers: ['claim:read-others-drafts'],
  },
  // editor: "attach sources"
  {
    does: 'read and add sources',
    ask: (a) => can(a, 'source:read') && can(a, 'source:create'),
    roles: EDITOR_UP,
    covers: ['source:read', 'source:create'],
  },
  {
    does: 'edit and delete sources they added',
    ask: (a) => can(a, 'source:edit', { own: true }) && can(a, 'source:delete', { own: true }),
    roles: EDITOR_UP,
    covers: ['source:edit', 'source:delete'],
  },
  // kept: reviewers correct anyone's source; only admins delete them ("everything").
  { does: 'edit anyone’s source', ask: (a) => can(a, 'source:edit'), roles: REVIEWER_UP, covers: ['source:edit'] },
  { does: 'delete anyone’s source', ask: (a) => can(a, 'source:delete'), roles: ADMIN, covers: ['source:delete'] },
  // kept: everyone exports what is published; unpublished work is for those who review it.
  { does: 'export verified claims', ask: (a) => can(a, 'export:verified'), roles: EDITOR_UP, covers: ['export:verified'] },
  { does: 'export claims at any status', ask: (a) => can(a, 'export:any-status'), roles: REVIEWER_UP, covers: ['export:any-status'] },
  // admin: "manage users (create, disable, change role, reset password), the verdict scale and settings"
  { does: 'manage users', ask: (a) => can(a, 'user:manage'), roles: ADMIN, covers: ['user:manage'] },
  { does: 'manage the verdict scale', ask: (a) => can(a, 'verdict:manage'), roles: ADMIN, covers: ['verdict:manage'] },
  { does: 'manage settings', ask: (a) => can(a, 'settings:manage'), roles: ADMIN, covers: ['settings:manage'] },
  // kept: the audit trail of users, tokens and logins belongs with managing users.
  { does: 'read the audit trail', ask: (a) => can(a, 'audit:read'), roles: ADMIN, covers: ['audit:read'] },
];

const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

describe('the permission table, role by role', () => {
  for (const role of ROLES) {
    describe(role, () => {
      it.each(SPEC.filter((s) => s.roles.includes(role)))('may $does', ({ ask }) => {
        expect(ask({ role })).toBe(true);
      });
      it.each(SPEC.filter((s) => !s.roles.includes(role)))('may not $does', ({ ask }) => {
        expect(ask({ role })).toBe(false);
      });
    });
  }

  it('has a row of the spec for every permission, so a new one cannot slip in unstated', () => {
    const covered = new Set(SPEC.flatMap((s) => s.covers));
    expect(PERMISSION_NAMES.filter((p) => !covered.has(p))).toEqual([]);
  });

  it('lets an admin do everything, on anyone’s things', () => {
    for (const p of PERMISSION_NAMES) expect(can({ role: 'admin' }, p), p).toBe(true);
  });

  it('lets a reviewer do everything an editor can', () => {
    for (const p of PERMISSION_NAMES)
      for (const own of [true, false])
        if (can({ role: 'editor' }, p, { own })) expect(can({ role: 'reviewer' }, p, { own }), `${p} own=${own}`).toBe(true);
  });
});

describe('can', () => {
  it('grants an "any" permission on one’s own things too', () => {
    expect(can({ role: 'admin' }, 'claim:delete', { own: true })).toBe(true);
    expect(can({ role: 'reviewer' }, 'source:edit', { own: false })).toBe(true);
  });

  it('reads a missing target as someone else’s thing', () => {
    expect(can({ role: 'editor' }, 'claim:edit')).toBe(false);
    expect(can({ role: 'editor' }, 'claim:edit', { own: true })).toBe(true);
  });

  it('ignores the target for permissions without an owner', () => {
    expect(can({ role: 'editor' }, 'claim:review', { own: true })).toBe(false);
    expect(can({ role: 'reviewer' }, 'claim:review', { own: false })).toBe(true);
  });
});

describe('rolesWith', () => {
  it('lists the roles that hold a permission on anyone’s things', () => {
    expect(rolesWith('user:manage')).toEqual(['admin']);
    expect(rolesWith('claim:edit')).toEqual(['reviewer', 'admin']);
    expect(rolesWith('claim:read')).toEqual(['editor', 'reviewer', 'admin']);
  });
});

describe('every permission', () => {
  // A permission no service checks is a rule that protects nothing (as `article:delete` once was).
  const root = path.resolve(import.meta.dirname, '../..');
  const sources = ['lib', 'app', 'components']
    .flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => path.join(root, dir, f)))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(path.join('auth', 'permissions.ts')))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');

  it.each(PERMISSION_NAMES)('%s is checked outside the table', (p) => {
    expect(sources).toContain(`'${p}'`);
  });
});

describe('mayBeAssignedClaim', () => {
  const editor = { id: 1, role: 'editor' as const };
  const reviewer = { id: 2, role: 'reviewer' as const };
  it.each([
    ['draft', editor, 1, true],
    ['draft', editor, 9, false],
    ['draft', reviewer, 9, true],
    ['needs_changes', editor, 1, true],
    ['in_review', editor, 1, false],
    ['in_review', reviewer, 2, false],
    ['in_review', reviewer, 9, true],
    ['verified', editor, 1, false],
    ['rejected', reviewer, 2, true],
  ] as const)('at %s names user %o for a claim by %i: %s', (status, user, authorId, expected) => {
    expect(mayBeAssignedClaim(user, { authorId, status })).toBe(expected);
  });
});

describe('mayAssign', () => {
  const editor = { id: 1, role: 'editor' as const };
  it('lets an editor assign their own claim to anyone, take one, and let their own go', () => {
    expect(mayAssign(editor, 'claim:assign', { ownerId: 1, from: 5, to: 6 })).toBe(true);
    expect(mayAssign(editor, 'claim:assign', { ownerId: 9, from: null, to: 1 })).toBe(true);
    expect(mayAssign(editor, 'claim:assign', { ownerId: 9, from: 1, to: null })).toBe(true);
  });
  it('refuses an editor who moves someone else’s assignment on someone else’s claim', () => {
    expect(mayAssign(editor, 'claim:assign', { ownerId: 9, from: 5, to: 1 })).toBe(false);
    expect(mayAssign(editor, 'claim:assign', { ownerId: 9, from: null, to: 5 })).toBe(false);
    expect(mayAssign(editor, 'article:assign', { ownerId: 9, from: 5, to: null })).toBe(false);
  });
  it('lets a reviewer assign anything', () => {
    expect(mayAssign({ id: 2, role: 'reviewer' }, 'claim:assign', { ownerId: 9, from: 5, to: 6 })).toBe(true);
  });
});
