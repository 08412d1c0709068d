import type { LessonEntry } from './lessons';

/** A lesson that is planned but not built yet: a proper page, never a broken one. */
export function ComingSoon({ lesson, query }: { lesson: LessonEntry; query: string }) {
  return (
    <section className="coming-soon" aria-labelledby="coming-title">
      <h1 id="coming-title">{lesson.title}</h1>
      <p>{lesson.summary}</p>
      <p>This lesson is coming. Until it arrives, the autoencoder lesson trains a real network on MNIST.</p>
      <p><a href={`#/autoencoder${query}`}>Open the autoencoder lesson</a> · <a href={`#/${query}`}>Back to the outline</a></p>
    </section>
  );
}

/** A slug that is not in the outline. */
export function NotFound({ slug, query }: { slug: string; query: string }) {
  return (
    <section className="coming-soon">
      <h1>No lesson called “{slug}”</h1>
      <p><a href={`#/${query}`}>Back to the outline</a></p>
    </section>
  );
}
