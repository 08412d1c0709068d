import { intParam } from '../../app/route';
import { useAppStore } from '../../state/store';

export type PoolOp = 'max' | 'avg';
export type PoolPadding = 'valid' | 'same';

/** What a step shows when the URL does not say otherwise. */
export interface PoolDefaults { size: number; stride: number; op: PoolOp }

export interface PoolSettings { size: number; stride: number; padding: PoolPadding; op: PoolOp; countIncludePad: boolean }

export const WINDOW_SIZES = [2, 3];
export const STRIDES = [1, 2, 3];

/** Reads the pooling settings from the URL (`size`, `stride`, `pad`, `op`, `incpad`), so a link reproduces the view. */
export function usePoolSettings(defaults: PoolDefaults): PoolSettings {
  const params = useAppStore((s) => s.route.params);
  const size = intParam(params, 'size');
  const stride = intParam(params, 'stride');
  return {
    size: size !== null && WINDOW_SIZES.includes(size) ? size : defaults.size,
    stride: stride !== null && STRIDES.includes(stride) ? stride : defaults.stride,
    padding: params.pad === 'same' ? 'same' : 'valid',
    op: params.op === 'max' || params.op === 'avg' ? params.op : defaults.op,
    countIncludePad: params.incpad === '1',
  };
}
