/**
 * Reference arithmetic for the convolution, pooling, normalisation and backpropagation lessons:
 * plain TypeScript on typed arrays (no tfjs), checked against tfjs in tests/unit/math.
 */
export {
  volume,
  filters,
  rotate180,
  volumeIndex,
  filterIndex,
  type Volume,
  type VolumeShape,
  type Filters,
} from './volume';
export {
  outputSize,
  convOutputShape,
  type Padding,
  type AxisPadding,
  type Stride,
  type AxisGeometry,
  type WindowGeometry,
} from './padding';
export { conv2d, convTerms, type ConvMode, type ConvOptions, type ConvTerm, type ConvCellTerms } from './conv';
export {
  maxPool2d,
  avgPool2d,
  poolGeometry,
  poolWindow,
  type PoolOptions,
  type AvgPoolOptions,
  type PoolCell,
  type PoolWindowCells,
} from './pool';
export {
  localResponseNorm,
  localContrastNorm,
  LCN_MIN_STD,
  type LocalResponseNormOptions,
  type LocalContrastNormOptions,
} from './normalize';
export { maxPool2dBackward, avgPool2dBackward, conv2dBackward, sensitivity, type ConvGradients } from './backward';
