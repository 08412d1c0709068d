import { useEffect } from 'react';
import { appStore } from '../../state/store';

/**
 * Tells the follow-along link which seed this lesson is using (it may have drawn one because the URL names
 * none), under the URL parameter that pins it. Cleared when the lesson unmounts.
 */
export function useSeedInUse(slug: string, seed: number, param = 'seed'): void {
  useEffect(() => {
    appStore.getState().setSeedInUse({ slug, param, seed });
    return () => {
      const current = appStore.getState().seedInUse;
      if (current && current.slug === slug && current.param === param && current.seed === seed) appStore.getState().setSeedInUse(null);
    };
  }, [slug, seed, param]);
}
