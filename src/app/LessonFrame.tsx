import { useEffect, type ReactNode } from 'react';
import { navigate } from './navigation';
import { useProjectorBroadcast } from './useProjectorBroadcast';
import { AnnotateOverlay } from './annotate/AnnotateOverlay';

export interface LessonStep {
  title: string;
  body: ReactNode;
}

/** True when a key press belongs to a form control (typing, sliders, selects), not to lesson navigation. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.getAttribute('role') === 'slider';
}

/**
 * A lesson as a sequence of steps: the current step's text, ←/→ keys and buttons to move, a deep link per
 * step (`#/<slug>/<n>`), and the lesson's live views (children) that stay mounted across steps.
 */
export function LessonFrame({ title, steps, step, children }: { title: string; steps: LessonStep[]; step: number; children: ReactNode }) {
  const index = Math.min(Math.max(step, 1), steps.length) - 1;
  const current = steps[index];
  useProjectorBroadcast(title, steps.map((s) => s.title), index + 1);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      if (e.key === 'ArrowRight' && index < steps.length - 1) { e.preventDefault(); navigate({ step: index + 2 }); }
      if (e.key === 'ArrowLeft' && index > 0) { e.preventDefault(); navigate({ step: index }); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, steps.length]);

  return (
    <article className="lesson">
      <header className="lesson-header">
        <h1>{title}</h1>
        <nav className="step-nav" aria-label="Lesson steps">
          <button type="button" onClick={() => navigate({ step: index })} disabled={index === 0} aria-label="Previous">← Previous</button>
          <ol className="step-dots">
            {steps.map((s, i) => (
              <li key={s.title}>
                <button
                  type="button"
                  className={i === index ? 'current' : ''}
                  aria-current={i === index ? 'step' : undefined}
                  onClick={() => navigate({ step: i + 1 })}
                  title={s.title}
                  aria-label={`${i + 1}. ${s.title}`}
                >
                  {i + 1}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => navigate({ step: index + 2 })} disabled={index === steps.length - 1} aria-label="Next">Next →</button>
        </nav>
      </header>
      <div className="lesson-body">
        <p className="sr-only" aria-live="polite">Step {index + 1} of {steps.length}: {current.title}</p>
        <section className="step-text" aria-labelledby="step-title">
          <p className="step-count">Step {index + 1} of {steps.length}</p>
          <h2 id="step-title">{current.title}</h2>
          {current.body}
        </section>
        <div className="lesson-views">{children}</div>
        <AnnotateOverlay />
      </div>
    </article>
  );
}
