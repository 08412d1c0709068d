import { appStore, useAppStore, type AppState } from '../../state/store';
import type { ClassifierData } from '../../state/classifierSlice';
import type { LabeledPoint } from '../../math/linearClassifier';
import { TOY_DOMAIN, type BinaryWeights, type MultiWeights } from '../../data/toyPoints';

export { examplePoints, type BinaryWeights, type MultiWeights } from '../../data/toyPoints';

/** The square of the input plane that the classifier plot shows: [lo, hi]². */
export const DOMAIN = TOY_DOMAIN;
export const CLASS_NAMES = ['A', 'B', 'C'];
/** Okabe–Ito blue, vermillion, bluish green: distinguishable with common colour-vision deficiencies. */
export const CLASS_COLORS = ['#0072B2', '#D55E00', '#009E73'];

/** The step-2 classifier as the lesson uses it: the app store's classifier slice and its actions. */
export interface ClassifierView extends ClassifierData {
  setPoints: (points: LabeledPoint[]) => void;
  setBinary: (binary: BinaryWeights, fitted?: boolean) => void;
  setMulti: (multi: MultiWeights, fitted?: boolean) => void;
  startOver: () => void;
}

function view(s: AppState): ClassifierView {
  return { ...s.classifier, setPoints: s.setClassifierPoints, setBinary: s.setClassifierBinary, setMulti: s.setClassifierMulti, startOver: s.startClassifierOver };
}

/**
 * The step-2 classifier, shared with the gradient-descent step so that its loss surface follows the student's
 * points; a slice of the one app store, so coming back to the step finds the same points.
 */
export function useClassifierStore<T>(selector: (s: ClassifierView) => T): T {
  return useAppStore((s) => selector(view(s)));
}
useClassifierStore.getState = (): ClassifierView => view(appStore.getState());
