import { useState } from 'react';
import { LessonFrame } from '../../app/LessonFrame';
import { useSeedInUse } from '../../app/followAlong/useSeedInUse';
import { useAppStore } from '../../state/store';
import { CifarLab } from './CifarLab';
import { settingsFromParams } from './settings';
import { CIFAR_STEPS } from './steps';
import './cifar10.css';

/** `#/cifar10`: the network of TensorFlow's CIFAR-10 tutorial, trained live in a worker. */
export default function CifarLesson({ step }: { step: number }) {
  const params = useAppStore((s) => s.route.params);
  const settings = settingsFromParams(params);
  const [fallbackSeed] = useState(() => Math.floor(Math.random() * 1_000_000));
  const seed = settings.seed ?? fallbackSeed;
  useSeedInUse('cifar10', seed);
  return (
    <LessonFrame title="CIFAR-10: the TensorFlow tutorial's network" steps={CIFAR_STEPS} step={step}>
      <CifarLab settings={settings} seed={seed} />
    </LessonFrame>
  );
}
