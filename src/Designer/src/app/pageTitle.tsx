import { createContext, useContext, useEffect } from 'react';

/** Lets a page replace its route's static title (e.g. with the name of the record it shows). */
export const PageTitleContext = createContext<(title: string | null) => void>(() => undefined);

/** Shows `title` as the page's h1 and document title while the page is mounted; null keeps the route's title. */
export function usePageTitle(title: string | null): void {
  const set = useContext(PageTitleContext);
  useEffect(() => {
    set(title);
    return () => set(null);
  }, [set, title]);
}
