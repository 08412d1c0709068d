import { Component, type ReactNode } from 'react';

/** Keeps one failing lesson from blanking the page: shows what went wrong and a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <section className="error-page" role="alert">
          <h1>Something went wrong on this page</h1>
          <p>{this.state.error.message}</p>
          <p><a href="#/">Back to the outline</a> or reload the page.</p>
        </section>
      );
    }
    return this.props.children;
  }
}
