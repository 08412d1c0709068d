import { OUTLINE } from './lessons';

/** Home: the lecture's outline with every lesson. */
export function Home({ query }: { query: string }) {
  return (
    <div className="home">
      <h1>CNN Lab</h1>
      <p className="lead">
        Interactive lessons that follow the lecture <cite>Introduction of Deep Learning</cite> (Xinxiang Zhang, 2017) section by
        section. Every network on these pages trains for real in your browser, with TensorFlow.js, while you watch.
      </p>
      <ol className="outline">
        {OUTLINE.map((section) => (
          <li key={section.title}>
            <h2>{section.title}</h2>
            <ul>
              {section.lessons.map((l) => (
                <li key={l.slug} className={l.ready ? 'ready' : 'coming'}>
                  <a href={`#/${l.slug}${query}`}>{l.title}</a>
                  {!l.ready && <span className="tag"> coming</span>}
                  <span className="summary"> — {l.summary}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
