/** The product's permissions, as the API's `Permission` enum names them. */
export type Permission = 'ADMIN' | 'DESIGNER' | 'ANALYST' | 'USER';

/** The signed-in caller, as `{ viewer { id groups permissions } }` returns it (admin already expanded by the server). */
export interface Viewer {
  readonly id: string;
  readonly groups: readonly string[];
  readonly permissions: readonly Permission[];
}

/** Whether the viewer holds one of `needed` (admin holds every permission). An empty list allows everyone. */
export function allows(viewer: Viewer | null | undefined, needed: readonly Permission[]): boolean {
  if (!viewer) {
    return false;
  }
  if (needed.length === 0 || viewer.permissions.includes('ADMIN')) {
    return true;
  }
  return needed.some((permission) => viewer.permissions.includes(permission));
}

/**
 * Why a control is disabled for this viewer, in words a person can act on, or null when it is allowed.
 * Pass the sentence's subject as `action`, e.g. "Publishing live".
 */
export function deniedReason(viewer: Viewer | null | undefined, needed: readonly Permission[], action: string): string | null {
  if (allows(viewer, needed)) {
    return null;
  }
  const names = needed.map((permission) => permission.toLowerCase());
  const need = names.length === 1 ? `the ${names[0]} permission` : `one of the permissions ${names.join(', ')}`;
  const has = viewer && viewer.permissions.length > 0 ? viewer.permissions.map((p) => p.toLowerCase()).join(', ') : 'none';
  return `${action} needs ${need}; you have ${has}. Ask an admin for a key that has it.`;
}
