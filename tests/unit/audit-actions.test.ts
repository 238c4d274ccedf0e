import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AUDIT_KIND_GROUPS, entityTypeOf } from '@/lib/audit/audit-actions';
import { changedFields } from '@/lib/audit/record-audit';

describe('audit actions', () => {
  it('offers every action exactly once in the Activity kind filter, under its own entity type', () => {
    const listed = AUDIT_KIND_GROUPS.flatMap((g) => g.actions);
    expect([...listed].sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const group of AUDIT_KIND_GROUPS) for (const action of group.actions) expect(entityTypeOf(action), action).toBe(group.type);
    expect(AUDIT_KIND_GROUPS.map((g) => g.type).sort()).toEqual([...AUDIT_ENTITY_TYPES].sort());
  });

  it('files failed sign-ins under the user tried', () => {
    expect(entityTypeOf('login.failed')).toBe('user');
    expect(entityTypeOf('source.deleted')).toBe('source');
  });
});

describe('changedFields', () => {
  it('keeps only the fields whose value changed, comparing arrays and dates by value', () => {
    const before = { title: 'A', notes: '', tags: ['x'], at: new Date(0), n: 1 };
    expect(changedFields(before, { title: 'A', notes: 'new', tags: ['x'], at: new Date(0), n: undefined })).toEqual({
      notes: { from: '', to: 'new' },
    });
  });

  it('treats a missing before value as null (creation)', () => {
    expect(changedFields(null, { title: 'T', url: null })).toEqual({ title: { from: null, to: 'T' } });
  });
});
