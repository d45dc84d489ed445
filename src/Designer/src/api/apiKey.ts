/**
 * The API key the designer signs its GraphQL requests with, kept in this browser's localStorage (the server refuses
 * callers without a key). Set on the API page; `dotnet run` in Development prints one key per permission.
 */
export const apiKeyStorageKey = 'lowcode.apiKey';

/** The stored key, or null when there is none (or storage is unavailable). */
export function readApiKey(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string | null {
  try {
    const key = storage?.getItem(apiKeyStorageKey)?.trim();
    return key ? key : null;
  } catch {
    return null;
  }
}

/** Stores the key (trimmed), or forgets it when it is empty or null. */
export function saveApiKey(key: string | null, storage: Pick<Storage, 'setItem' | 'removeItem'> = globalThis.localStorage): void {
  const trimmed = key?.trim() ?? '';
  if (trimmed === '') {
    storage.removeItem(apiKeyStorageKey);
  } else {
    storage.setItem(apiKeyStorageKey, trimmed);
  }
}

/** The Authorization header for a key; empty without one. */
export function authorizationHeaders(key: string | null = readApiKey()): Record<string, string> {
  return key ? { Authorization: `Bearer ${key}` } : {};
}
