import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { readApiKey, saveApiKey } from '../api/apiKey';
import { requestGraphQL } from '../api/graphqlRequest';
import type { Viewer } from './permissions';

const viewerQuery = 'query Viewer { viewer { id groups permissions } }';

/** Where sign-in stands: no key yet, checking one, signed in, or a key the server refused (with its words). */
export type SessionState =
  | { readonly status: 'checking' }
  | { readonly status: 'signedOut'; readonly message?: string }
  | { readonly status: 'signedIn'; readonly viewer: Viewer };

export interface Session {
  readonly state: SessionState;
  /** The signed-in viewer, or null. */
  readonly viewer: Viewer | null;
  /** Checks `key` with the server and keeps it when it names a principal; resolves to an error message otherwise. */
  readonly signIn: (key: string) => Promise<string | null>;
  readonly signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

/** Asks the server who `key` (or the stored key) is; a message when it does not accept it. */
export async function lookUpViewer(key: string | null): Promise<{ viewer: Viewer } | { message: string }> {
  if (!key) {
    return { message: '' };
  }
  const previous = readApiKey();
  saveApiKey(key);
  const outcome = await requestGraphQL<{ viewer: Viewer }>(viewerQuery);
  if (outcome.kind === 'data') {
    return { viewer: outcome.data.viewer };
  }
  saveApiKey(previous === key ? null : previous);
  return { message: outcome.kind === 'aborted' ? 'Sign-in was cancelled.' : outcome.message };
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() => (readApiKey() ? { status: 'checking' } : { status: 'signedOut' }));

  useEffect(() => {
    const stored = readApiKey();
    if (!stored) {
      return;
    }
    void lookUpViewer(stored).then((result) =>
      setState('viewer' in result ? { status: 'signedIn', viewer: result.viewer } : { status: 'signedOut', message: `The saved key no longer works: ${result.message}` }),
    );
  }, []);

  const signIn = useCallback(async (key: string) => {
    const trimmed = key.trim();
    if (trimmed === '') {
      return 'Paste an API key (it starts with lc_).';
    }
    const result = await lookUpViewer(trimmed);
    if ('viewer' in result) {
      setState({ status: 'signedIn', viewer: result.viewer });
      return null;
    }
    return result.message;
  }, []);

  const signOut = useCallback(() => {
    saveApiKey(null);
    setState({ status: 'signedOut' });
  }, []);

  const value = useMemo<Session>(
    () => ({ state, viewer: state.status === 'signedIn' ? state.viewer : null, signIn, signOut }),
    [state, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session of the page; only inside <SessionProvider>. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession is used outside <SessionProvider>.');
  }
  return session;
}

/** The signed-in viewer; only on pages inside the signed-in shell. */
export function useViewer(): Viewer {
  const { viewer } = useSession();
  if (!viewer) {
    throw new Error('useViewer is used on a page outside the signed-in shell.');
  }
  return viewer;
}
