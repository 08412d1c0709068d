import type { WeightsManifest } from '../../src/model/alexnetManifest';

/**
 * TensorSpace's AlexNet weights manifest, entry for entry (github.com/tensorspace-team/tensorspace,
 * examples/alexnet/alexnet/weights_manifest.json at commit 4dd59fd1516c677d1db69cd346a4cf632163c88b, Apache-2.0;
 * the file itself, with its provenance, is in public/models/alexnet-tensorspace/).
 */
export const TENSORSPACE_ALEXNET_MANIFEST: WeightsManifest = [
  {
    paths: Array.from({ length: 59 }, (_, i) => `group1-shard${i + 1}of59`),
    weights: [
      { name: 'ConstantFolding/split_5-folded-0', shape: [3, 3, 192, 128], dtype: 'float32' },
      { name: 'ConstantFolding/split_3-folded-0', shape: [3, 3, 192, 192], dtype: 'float32' },
      { name: 'ConstantFolding/split_1-folded-0', shape: [5, 5, 48, 128], dtype: 'float32' },
      { name: 'conv1/weights', shape: [11, 11, 3, 96], dtype: 'float32' },
      { name: 'conv1/biases', shape: [96], dtype: 'float32' },
      { name: 'ConstantFolding/split_1-folded-1', shape: [5, 5, 48, 128], dtype: 'float32' },
      { name: 'conv2/biases', shape: [256], dtype: 'float32' },
      { name: 'conv3/weights', shape: [3, 3, 256, 384], dtype: 'float32' },
      { name: 'conv3/biases', shape: [384], dtype: 'float32' },
      { name: 'ConstantFolding/split_3-folded-1', shape: [3, 3, 192, 192], dtype: 'float32' },
      { name: 'conv4/biases', shape: [384], dtype: 'float32' },
      { name: 'ConstantFolding/split_5-folded-1', shape: [3, 3, 192, 128], dtype: 'float32' },
      { name: 'split_4/split_dim', shape: [], dtype: 'int32' },
      { name: 'conv5/biases', shape: [256], dtype: 'float32' },
      { name: 'Reshape_5/shape', shape: [2], dtype: 'int32' },
      { name: 'fc6/weights', shape: [9216, 4096], dtype: 'float32' },
      { name: 'fc6/biases', shape: [4096], dtype: 'float32' },
      { name: 'fc7/weights', shape: [4096, 4096], dtype: 'float32' },
      { name: 'fc7/biases', shape: [4096], dtype: 'float32' },
      { name: 'fc8/weights', shape: [4096, 1000], dtype: 'float32' },
      { name: 'fc8/biases', shape: [1000], dtype: 'float32' },
    ],
  },
];

/** The project's copy of TensorSpace's manifest and macaw input (see its PROVENANCE.md). */
export const SHARED_ALEXNET_DIR = 'public/models/alexnet-tensorspace';
