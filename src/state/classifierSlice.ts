import { START_BINARY, START_MULTI, examplePoints, type BinaryWeights, type MultiWeights } from '../data/toyPoints';
import type { LabeledPoint } from '../math/linearClassifier';

/** The neural-networks lesson's linear classifier: the student's points and weights (numbers only). */
export interface ClassifierData {
  points: LabeledPoint[];
  binary: BinaryWeights;
  multi: MultiWeights;
  /** Gradient-descent updates applied since the weights were last set by hand. */
  updates: number;
}

export interface ClassifierSlice {
  classifier: ClassifierData;
  setClassifierPoints: (points: LabeledPoint[]) => void;
  setClassifierBinary: (binary: BinaryWeights, fitted?: boolean) => void;
  setClassifierMulti: (multi: MultiWeights, fitted?: boolean) => void;
  startClassifierOver: () => void;
}

type Set = (f: (s: ClassifierSlice) => Partial<ClassifierSlice>) => void;

export const createClassifierSlice = (set: Set): ClassifierSlice => ({
  classifier: { points: examplePoints(), binary: START_BINARY, multi: START_MULTI, updates: 0 },
  setClassifierPoints: (points) => set((s) => ({ classifier: { ...s.classifier, points } })),
  setClassifierBinary: (binary, fitted = false) => set((s) => ({ classifier: { ...s.classifier, binary, updates: fitted ? s.classifier.updates + 1 : 0 } })),
  setClassifierMulti: (multi, fitted = false) => set((s) => ({ classifier: { ...s.classifier, multi, updates: fitted ? s.classifier.updates + 1 : 0 } })),
  startClassifierOver: () => set((s) => ({ classifier: { ...s.classifier, binary: START_BINARY, multi: START_MULTI, updates: 0 } })),
});
