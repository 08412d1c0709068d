import { useEffect, useState } from 'react';
import type { ImagenetClass } from '../../data/imagenet';
import { useAppStore } from '../../state/store';
import type { AlexNet, ClassScore } from '../../model/alexnet';
import { alexnetInputOf } from './AlexnetPictureInput';
import type { CurrentPicture } from './currentPicture';
import { Top5Bars } from './Top5Result';

interface Classified { id: number; net: AlexNet; top: ClassScore[]; inputMs: number; inferenceMs: number }

/**
 * AlexNet's own five most probable classes for the current picture (227×227 centre square, BGR, means
 * subtracted, as TensorSpace feeds it), drawn like MobileNet's beside it.
 */
export function AlexnetTop5({ net, picture, classes }: { net: AlexNet; picture: CurrentPicture | null; classes: ImagenetClass[] }) {
  const backend = useAppStore((s) => s.backend.name);
  const [result, setResult] = useState<Classified | null>(null);
  const [failure, setFailure] = useState<{ id: number; message: string } | null>(null);

  useEffect(() => {
    if (!picture) return;
    let live = true;
    (async () => {
      const started = performance.now();
      const input = await alexnetInputOf(picture);
      const decoded = performance.now();
      const [top] = await net.classify(input, 5);
      if (live) setResult({ id: picture.id, net, top, inputMs: decoded - started, inferenceMs: performance.now() - decoded });
    })().catch((e: unknown) => { if (live) setFailure({ id: picture.id, message: e instanceof Error ? e.message : String(e) }); });
    return () => { live = false; };
  }, [net, picture]);

  const correct = picture?.sample?.correct ?? [];
  const current = result && picture && result.id === picture.id && result.net === net ? result : null;
  const failed = failure && picture && failure.id === picture.id ? failure.message : null;
  return (
    <div className="alexnet-top5">
      <h4>AlexNet (bvlc_alexnet via TensorSpace, weights you supplied)</h4>
      {failed ? <p className="notice" role="alert">AlexNet could not classify {picture?.name}: {failed}</p>
        : !picture ? <p className="hint">Choose a picture above.</p>
          : !current ? <p className="hint" role="status">AlexNet is classifying…</p>
            : (
              <>
                <Top5Bars label="AlexNet's five most probable classes" top={current.top} classes={classes} correct={correct} />
                <p className="hint timing-alexnet">
                  AlexNet classified it in {current.inferenceMs.toFixed(0)} ms on {backend ?? 'the current backend'} (its
                  227×227 input made in {current.inputMs.toFixed(0)} ms).
                </p>
              </>
            )}
    </div>
  );
}
