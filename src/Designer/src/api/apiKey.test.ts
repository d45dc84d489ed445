import { describe, expect, it } from 'vitest';
import { apiKeyStorageKey, authorizationHeaders, readApiKey, saveApiKey } from './apiKey';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (name) => items.get(name) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (name) => void items.delete(name),
    setItem: (name, value) => void items.set(name, value),
  };
}

describe('apiKey', () => {
  it('stores a trimmed key and reads it back', () => {
    const storage = memoryStorage();
    saveApiKey('  lc_0123456789ab_secret  ', storage);
    expect(storage.getItem(apiKeyStorageKey)).toBe('lc_0123456789ab_secret');
    expect(readApiKey(storage)).toBe('lc_0123456789ab_secret');
  });

  it('forgets the key when it is saved empty', () => {
    const storage = memoryStorage();
    saveApiKey('lc_x', storage);
    saveApiKey('   ', storage);
    expect(readApiKey(storage)).toBeNull();
  });

  it('makes a bearer Authorization header only when there is a key', () => {
    expect(authorizationHeaders('lc_x')).toEqual({ Authorization: 'Bearer lc_x' });
    expect(authorizationHeaders(null)).toEqual({});
  });
});
