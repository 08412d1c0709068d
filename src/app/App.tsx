import { lazy, Suspense } from 'react';
import { useAppStore } from '../state/store';
import { BackendBadge } from './BackendBadge';
import { ComingSoon, NotFound } from './ComingSoon';
import { Home } from './Home';
import { findLesson } from './lessons';
import { ErrorBoundary } from './ErrorBoundary';
import { PresenterButton, ShortcutsHelp, useShortcutsAndPresenter } from './Presenter';
import { FollowAlongButton, FollowAlongDialog } from './followAlong/FollowAlong';
import { AnnotateButton } from './annotate/AnnotateOverlay';
import { SPEAKER_NOTES_SLUG } from './speakerNotesSync';

/** The speaker-notes window (`#/speaker-notes`): its own small chunk, none of the lessons' code. */
const SpeakerNotesPage = lazy(() => import('./SpeakerNotesPage'));

/** Built lessons by slug; each is its own chunk, loaded when first opened. */
const LESSONS: Record<string, React.LazyExoticComponent<(props: { step: number }) => React.ReactNode>> = {
  autoencoder: lazy(() => import('../lessons/autoencoder/Lesson')),
  convolution: lazy(() => import('../lessons/convolution/Lesson')),
  backprop: lazy(() => import('../lessons/backprop/Lesson')),
  pooling: lazy(() => import('../lessons/pooling/Lesson')),
  cifar10: lazy(() => import('../lessons/cifar10/Lesson')),
  'neural-networks': lazy(() => import('../lessons/neural-networks/Lesson')),
  activations: lazy(() => import('../lessons/activations/Lesson')),
  libraries: lazy(() => import('../lessons/libraries/Lesson')),
  alexnet: lazy(() => import('../lessons/alexnet/Lesson')),
  architectures: lazy(() => import('../lessons/architectures/Lesson')),
};

/** Query string (inside the hash) carried from page to page: seed, backend, settings. */
function useQuery(): string {
  const params = useAppStore((s) => s.route.params);
  const q = new URLSearchParams(params).toString();
  return q ? `?${q}` : '';
}

export function App() {
  const route = useAppStore((s) => s.route);
  const backendName = useAppStore((s) => s.backend.name);
  const query = useQuery();
  const lesson = findLesson(route.slug);
  useShortcutsAndPresenter();
  if (route.slug === SPEAKER_NOTES_SLUG) {
    return <Suspense fallback={<p className="loading" aria-busy="true">Loading the notes…</p>}><SpeakerNotesPage /></Suspense>;
  }

  let page: React.ReactNode;
  if (!route.slug) page = <Home query={query} />;
  else if (!lesson) page = <NotFound slug={route.slug} query={query} />;
  else if (!lesson.ready || !LESSONS[lesson.slug]) page = <ComingSoon lesson={lesson} query={query} />;
  else if (!backendName) page = <p className="loading" aria-busy="true">Starting TensorFlow.js…</p>;
  else {
    const Lesson = LESSONS[lesson.slug];
    page = <Lesson key={backendName} step={route.step} />;
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to the lesson</a>
      <header className="app-header">
        <a className="brand" href={`#/${query}`}>CNN Lab</a>
        <span className="subtitle">Introduction of Deep Learning, trained live</span>
        <BackendBadge />
        <FollowAlongButton />
        {lesson?.ready && <AnnotateButton />}
        <PresenterButton />
      </header>
      <ShortcutsHelp />
      <FollowAlongDialog />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary key={route.slug}>
          <Suspense fallback={<p className="loading" aria-busy="true">Loading the lesson…</p>}>{page}</Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        <a href={`#/${query}`}>Outline</a> · MNIST: Yann LeCun, Corinna Cortes, Christopher Burges (CC BY-SA 3.0) · CIFAR-10: Alex Krizhevsky (2009) · ImageNet class names (ILSVRC-2012) · MobileNet v1: Google (Apache-2.0) · sample photos: see provenance ·{' '}
        <a href="datasets/PROVENANCE.md">data provenance</a> · code MIT; credits in the README
      </footer>
    </div>
  );
}
