/** The parts of ConvNetJS 0.3.0 (Karpathy, MIT; CommonJS, no types of its own) that src/bench/convnetjsBench.ts uses. */
declare module 'convnetjs' {
  export interface LayerDef {
    type: 'input' | 'conv' | 'pool' | 'softmax' | 'fc' | 'relu';
    out_sx?: number;
    out_sy?: number;
    out_depth?: number;
    sx?: number;
    filters?: number;
    stride?: number;
    pad?: number;
    activation?: 'relu' | 'sigmoid' | 'tanh';
    num_classes?: number;
    num_neurons?: number;
  }
  export class Vol {
    constructor(sx: number, sy: number, depth: number, c?: number);
    sx: number;
    sy: number;
    depth: number;
    /** Values, x fastest, then y, then depth last: index ((sx·y) + x)·depth + d. */
    w: Float64Array;
  }
  export class Net {
    makeLayers(defs: LayerDef[]): void;
    layers: { layer_type: string; out_sx: number; out_sy: number; out_depth: number }[];
  }
  export interface TrainerOptions {
    method?: 'sgd' | 'adagrad' | 'adadelta' | 'windowgrad';
    learning_rate?: number;
    momentum?: number;
    batch_size?: number;
    l1_decay?: number;
    l2_decay?: number;
  }
  export class Trainer {
    constructor(net: Net, options?: TrainerOptions);
    /** Forward and backward on one example; updates the weights every `batch_size` calls. */
    train(x: Vol, y: number): { loss: number; cost_loss: number };
  }
  const convnetjs: { Vol: typeof Vol; Net: typeof Net; Trainer: typeof Trainer };
  export default convnetjs;
}
