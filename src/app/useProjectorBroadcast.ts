import { useEffect, useRef } from 'react';
import { appStore, type AppState } from '../state/store';
import { navigate } from './navigation';
import { linkProjector, openChannel, type ProjectorLink, type ProjectorState, type TrainingReadout } from './speakerNotesSync';

/** The training view whose event changed last (the one the class is watching), or null when none runs. */
function latestTraining(s: AppState, prev: AppState | null, last: TrainingReadout | null): TrainingReadout | null {
  const entries = Object.entries(s.training);
  const changed = prev ? entries.find(([k, e]) => prev.training[k] !== e) : entries[0];
  const pick = changed ?? (last && s.training[last.view] ? [last.view, s.training[last.view]] as const : entries[0]);
  if (!pick) return null;
  const [view, e] = pick;
  return { view, status: e.status, step: e.step, loss: e.loss };
}

interface FrameProps { lessonTitle: string; stepTitles: string[]; step: number }

function buildState(p: FrameProps, training: TrainingReadout | null): ProjectorState {
  const { route } = appStore.getState();
  return { slug: route.slug, lessonTitle: p.lessonTitle, step: p.step, stepTitles: p.stepTitles, params: route.params, training };
}

/**
 * Called by the lesson frame: while a lesson is on screen, tells any speaker-notes window where the lesson is
 * (and the latest training readout), and moves to the step a notes window asks for.
 */
export function useProjectorBroadcast(lessonTitle: string, stepTitles: string[], step: number): void {
  const linkRef = useRef<ProjectorLink | null>(null);
  const propsRef = useRef<FrameProps>({ lessonTitle, stepTitles, step });
  const trainingRef = useRef<TrainingReadout | null>(null);

  const titlesKey = stepTitles.join('\n');
  useEffect(() => {
    propsRef.current = { lessonTitle, stepTitles: titlesKey.split('\n'), step };
    linkRef.current?.update(buildState(propsRef.current, trainingRef.current));
  }, [lessonTitle, titlesKey, step]);

  useEffect(() => {
    const channel = openChannel();
    if (!channel) return;
    trainingRef.current = latestTraining(appStore.getState(), null, null);
    const link = linkProjector(channel, buildState(propsRef.current, trainingRef.current), (target) => navigate({ step: target }));
    linkRef.current = link;
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.training !== prev.training) trainingRef.current = latestTraining(s, prev, trainingRef.current);
      if (s.training !== prev.training || s.route.params !== prev.route.params) link.update(buildState(propsRef.current, trainingRef.current));
    });
    const onHide = () => link.close();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      unsubscribe();
      linkRef.current = null;
      link.close();
    };
  }, []);

}
