import { updateParams } from './navigation';
import type { ClassroomPreset } from './presets';
import './classroomPresets.css';

/**
 * A group of preset buttons (pressed when the address holds that preset's settings) and, under it, what the
 * class should see and when. Choosing a preset writes its parameters into the URL, then calls `onApply`
 * (a lesson passes its Reset, so the stated times count from a fresh network).
 */
export function ClassroomPresets({ presets, active, onApply }: {
  presets: readonly ClassroomPreset[];
  active: ClassroomPreset | null;
  onApply?: (p: ClassroomPreset) => void;
}) {
  return (
    <div className="classroom-presets">
      <div className="classroom-preset-buttons" role="group" aria-label="Classroom presets">
        {presets.map((p) => (
          <button key={p.id} type="button" aria-pressed={active?.id === p.id}
            onClick={() => { updateParams(p.params); onApply?.(p); }}>{p.name}</button>
        ))}
      </div>
      {active
        ? (
          <div className="preset-expect">
            <p><strong>What the class should see, and when:</strong> {active.expect}</p>
            <details><summary>How this was measured</summary><p>{active.measured}</p></details>
          </div>
        )
        : <p className="hint">These settings match no preset, so no time is promised; choose a preset to get one.</p>}
    </div>
  );
}
