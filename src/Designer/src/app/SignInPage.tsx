import { useState } from 'react';
import { useSession } from './session';

/**
 * Sign-in with an API key (in Development `dotnet run` prints one per permission; in production an admin creates
 * them with `keys create`). A JWT from the organisation's identity provider is accepted the same way.
 */
export function SignInPage({ notice }: { readonly notice?: string | undefined }) {
  const { signIn } = useSession();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <main className="sign-in" id="content">
      <section className="sign-in__card" aria-labelledby="sign-in-title">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            L
          </span>
          <span className="brand__name">
            LowCode <span className="brand__sub">Designer</span>
          </span>
        </div>
        <h1 id="sign-in-title" className="sign-in__title">
          Sign in
        </h1>
        <p className="card__text">
          Paste your API key or a token from your identity provider. In Development, <code>dotnet run --project src/Api</code>{' '}
          prints one key per permission; an admin creates keys with <code>keys create</code>.
        </p>
        {notice ? (
          <p className="state state--info" role="status">
            {notice}
          </p>
        ) : null}
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            setError(null);
            void signIn(key).then((message) => {
              setBusy(false);
              setError(message);
            });
          }}
        >
          <label className="field">
            <span className="field__label">API key or token</span>
            <input
              className="input"
              type="password"
              autoComplete="off"
              value={key}
              onChange={(event) => setKey(event.target.value)}
              placeholder="lc_…"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'sign-in-error' : undefined}
            />
          </label>
          {error ? (
            <p id="sign-in-error" className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </section>
    </main>
  );
}
