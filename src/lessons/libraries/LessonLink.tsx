import type { ReactNode } from 'react';
import { useAppStore } from '../../state/store';

/** A link to another lesson that keeps the current query (backend, seed), as the app's own navigation does. */
export function LessonLink({ to, children }: { to: string; children: ReactNode }) {
  const params = useAppStore((s) => s.route.params);
  const query = new URLSearchParams(params).toString();
  return <a href={`#/${to}${query ? `?${query}` : ''}`}>{children}</a>;
}
