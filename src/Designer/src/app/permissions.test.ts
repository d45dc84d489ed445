import { describe, expect, it } from 'vitest';
import { allows, deniedReason, type Viewer } from './permissions';

const designer: Viewer = { id: 'dee@example.com', groups: [], permissions: ['DESIGNER'] };
const admin: Viewer = { id: 'root@example.com', groups: [], permissions: ['ADMIN', 'DESIGNER', 'ANALYST', 'USER'] };

describe('permissions', () => {
  it('allows a viewer holding any one of the needed permissions, and everyone for an empty list', () => {
    expect(allows(designer, ['DESIGNER', 'ANALYST'])).toBe(true);
    expect(allows(designer, ['USER'])).toBe(false);
    expect(allows(designer, [])).toBe(true);
    expect(allows(null, [])).toBe(false);
  });

  it('treats admin as every permission', () => {
    expect(allows({ ...admin, permissions: ['ADMIN'] }, ['USER'])).toBe(true);
  });

  it('says what is needed and what the viewer has when a control is disabled', () => {
    expect(deniedReason(designer, ['ADMIN'], 'Publishing live')).toBe(
      'Publishing live needs the admin permission; you have designer. Ask an admin for a key that has it.',
    );
    expect(deniedReason(admin, ['ADMIN'], 'Publishing live')).toBeNull();
  });
});
