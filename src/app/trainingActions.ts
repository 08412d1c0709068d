/**
 * What the keyboard can do to the training view on screen: Space = Train/Pause, S = Step, R = Reset. Every
 * mounted {@link TrainingControls} registers its actions; the most recently mounted one answers.
 */
export interface TrainingActions {
  toggle(): void;
  step(): void;
  reset(): void;
}

const registered: TrainingActions[] = [];

/** Registers a training view's actions; returns the function that removes them. */
export function registerTrainingActions(actions: TrainingActions): () => void {
  registered.push(actions);
  return () => {
    const i = registered.lastIndexOf(actions);
    if (i >= 0) registered.splice(i, 1);
  };
}

export function activeTrainingActions(): TrainingActions | null {
  return registered[registered.length - 1] ?? null;
}
