import katex from 'katex';
import { useMemo } from 'react';

/** Typesets a TeX formula with KaTeX (inline by default). KaTeX adds MathML, so screen readers read it. */
export function Tex({ children, block = false }: { children: string; block?: boolean }) {
  const html = useMemo(
    () => katex.renderToString(children, { displayMode: block, throwOnError: false, output: 'htmlAndMathml' }),
    [children, block],
  );
  const Tag = block ? 'div' : 'span';
  return <Tag className={block ? 'tex tex-block' : 'tex'} dangerouslySetInnerHTML={{ __html: html }} />;
}
