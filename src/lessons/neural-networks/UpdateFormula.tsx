import { ALEXNET_MOMENTUM, gradientStep, momentumStep } from '../../math/gradientDescent';
import { formatNumber } from './descent';

const vec = (v: readonly number[]) => `(${v.map(formatNumber).join(', ')})`;

/** The next update written out with the current numbers: plain gradient descent or the lecture's momentum rule. */
export function UpdateFormula({ w, v, grad, lr, momentum, name }: { w: number[]; v: number[]; grad: number[]; lr: number; momentum: boolean; name: string }) {
  const finite = [...w, ...v, ...grad].every(Number.isFinite);
  if (!finite) return <p className="nn-formula">The numbers are no longer finite: there is no next update.</p>;
  const eps = formatNumber(lr);
  if (!momentum) {
    return (
      <p className="nn-formula">
        next: {name} ← {name} − ε·∇L = {vec(w)} − {eps}·{vec(grad)} = {vec(gradientStep(w, grad, lr))}
      </p>
    );
  }
  const next = momentumStep(w, v, grad, lr, ALEXNET_MOMENTUM);
  return (
    <div className="nn-formula">
      <p>next: v ← {ALEXNET_MOMENTUM.momentum}·v − {ALEXNET_MOMENTUM.weightDecay}·ε·{name} − ε·∇L
        {' '}= {ALEXNET_MOMENTUM.momentum}·{vec(v)} − {ALEXNET_MOMENTUM.weightDecay}·{eps}·{vec(w)} − {eps}·{vec(grad)} = {vec(next.v)}</p>
      <p>{name} ← {name} + v = {vec(w)} + {vec(next.v)} = {vec(next.w)}</p>
    </div>
  );
}
