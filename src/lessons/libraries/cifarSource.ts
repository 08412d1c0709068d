// The real source text of the model this app trains (Vite's `?raw` import), so the code the lesson shows is the
// code that runs: a change to cifar10Net.ts changes the page, or breaks it and its unit test loudly.
import source from '../../model/cifar10Net.ts?raw';
import { alignCode, type AlignedCode } from './tutorialCode';

export const CIFAR_NET_SOURCE: string = source;

let aligned: AlignedCode | null = null;

/** The tutorial's Python and this app's TypeScript, row by row (computed once). */
export function alignedCifarCode(): AlignedCode {
  aligned ??= alignCode(CIFAR_NET_SOURCE);
  return aligned;
}
