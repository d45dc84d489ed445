import { createBrowserRouter, createMemoryRouter, Navigate, Outlet, RouterProvider, type RouteObject } from 'react-router';
import { Layout } from './app/Layout';
import { allows } from './app/permissions';
import { bareRoutes, shellRoutes, type ShellRoute } from './app/routes';
import { SessionProvider, useSession, useViewer } from './app/session';
import { SignInPage } from './app/SignInPage';
import { homePathFor } from './navigation/navItems';
import { NotFoundPage } from './pages/NotFoundPage';

export { productName } from './app/Layout';

const notFound: ShellRoute = { path: '*', title: 'Not found', requires: [], element: <NotFoundPage /> };

/** The route tree: bare pages first (no sign-in), then the signed-in shell with one child per page. */
export function appRoutes(): RouteObject[] {
  return [
    ...bareRoutes.map((route) => ({ path: route.path, element: route.element })),
    {
      path: '/',
      element: <SignedIn />,
      children: [
        { index: true, element: <Home /> },
        ...[...shellRoutes, notFound].map((route) => ({ path: route.path, element: <Layout route={route}>{route.element}</Layout> })),
      ],
    },
  ];
}

/** Pages of the shell need a signed-in principal; without one the sign-in page takes their place (the URL stays). */
function SignedIn() {
  const { state } = useSession();
  if (state.status === 'checking') {
    return (
      <div className="sign-in" role="status">
        <p className="muted">Signing in…</p>
      </div>
    );
  }
  if (state.status === 'signedOut') {
    return <SignInPage notice={state.message} />;
  }
  return <Outlet />;
}

function Home() {
  const viewer = useViewer();
  return <Navigate to={homePathFor((item) => allows(viewer, item.requires))} replace />;
}

/** The designer in the browser: the session around the router. */
export function App({ initialPath }: { readonly initialPath?: string }) {
  const router = initialPath ? createMemoryRouter(appRoutes(), { initialEntries: [initialPath] }) : browserRouter();
  return (
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}

let browser: ReturnType<typeof createBrowserRouter> | null = null;

function browserRouter() {
  browser ??= createBrowserRouter(appRoutes());
  return browser;
}
