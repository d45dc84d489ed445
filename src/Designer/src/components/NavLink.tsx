import type { MouseEvent, ReactNode } from 'react';
import { isPlainLeftClick } from '../navigation/resolveRoute';
import { navigate } from '../navigation/useLocationPath';

/** An anchor that navigates inside the SPA on a plain click and behaves like a normal link otherwise. */
export function NavLink({
  to,
  active,
  className,
  children,
}: {
  readonly to: string;
  readonly active: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (isPlainLeftClick(event)) {
      event.preventDefault();
      navigate(to);
    }
  };
  return (
    <a href={to} className={className} aria-current={active ? 'page' : undefined} onClick={onClick}>
      {children}
    </a>
  );
}
