import { useEffect, useState } from 'react';
import { loadSharedImagenetClasses, type ImagenetClass } from '../../data/imagenet';
import { loadMobileNet, MOBILENET_MODEL_PATH, type MobileNet } from '../../model/mobilenet';

/** The shipped MobileNet and the class names, as the lesson's panels see them. */
export type ImagenetClassifier =
  | { state: 'loading'; progress: number }
  | { state: 'ready'; net: MobileNet; classes: ImagenetClass[]; loadMs: number }
  | { state: 'error'; message: string };

/**
 * Loads the 1,000 class names and the shipped MobileNet from this app's own origin once per mount, warms the
 * network with one prediction, and disposes it on unmount (the lesson remounts when the backend changes).
 */
export function useImagenetClassifier(): ImagenetClassifier {
  const [classifier, setClassifier] = useState<ImagenetClassifier>({ state: 'loading', progress: 0 });
  useEffect(() => {
    let live = true;
    const started = performance.now();
    const modelUrl = new URL(MOBILENET_MODEL_PATH, document.baseURI).href;
    const net = loadMobileNet(modelUrl, { warm: true, onProgress: (f) => { if (live) setClassifier({ state: 'loading', progress: f }); } });
    Promise.all([net, loadSharedImagenetClasses()]).then(
      ([loaded, classes]) => { if (live) setClassifier({ state: 'ready', net: loaded, classes, loadMs: performance.now() - started }); },
      (err: unknown) => { if (live) setClassifier({ state: 'error', message: err instanceof Error ? err.message : String(err) }); },
    );
    // The network is disposed exactly once, when the lesson unmounts (or as soon as it arrives, if that was earlier).
    return () => {
      live = false;
      void net.then((loaded) => loaded.dispose(), () => undefined);
    };
  }, []);
  return classifier;
}
