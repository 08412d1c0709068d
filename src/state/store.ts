import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Route } from '../app/route';
import type { WasmInfo } from '../engine/backend';
import type { TrainerEvent } from '../engine/trainer';
import { createClassifierSlice, type ClassifierSlice } from './classifierSlice';
import { createPresenterSlice, type PresenterSlice } from './presenterSlice';

/** What the header says about the backend that trains. */
export interface BackendState {
  /** tfjs's own lowercase name of the backend in use, or null while it starts. */
  name: string | null;
  renderer: string | null;
  software: boolean;
  /** Why the backend is not the one asked for, or other notice (e.g. fell back from webgpu). */
  notice: string | null;
  /** Why this backend was chosen when the URL named none. */
  reason: string | null;
  /** The GPU context was lost: training views pause and say so. */
  contextLost: boolean;
  /** SIMD and threads when the backend is WASM, else null. */
  wasm: WasmInfo | null;
}

export interface RouteSlice {
  route: Route;
  setRoute: (route: Route) => void;
}

export interface BackendSlice {
  backend: BackendState;
  setBackend: (patch: Partial<BackendState>) => void;
}

/** Per training view: the Trainer's last event (numbers only; tensors never enter the store). */
export interface TrainingSlice {
  training: Record<string, TrainerEvent>;
  setTraining: (viewId: string, event: TrainerEvent) => void;
  clearTraining: (viewId: string) => void;
}

export type AppState = RouteSlice & BackendSlice & TrainingSlice & ClassifierSlice & PresenterSlice;

type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;

export const createRouteSlice = (set: Set): RouteSlice => ({
  route: { slug: '', step: 1, params: {} },
  setRoute: (route) => set({ route }),
});

export const createBackendSlice = (set: Set): BackendSlice => ({
  backend: { name: null, renderer: null, software: false, notice: null, reason: null, contextLost: false, wasm: null },
  setBackend: (patch) => set((s) => ({ backend: { ...s.backend, ...patch } })),
});

export const createTrainingSlice = (set: Set): TrainingSlice => ({
  training: {},
  setTraining: (viewId, event) => set((s) => ({ training: { ...s.training, [viewId]: event } })),
  clearTraining: (viewId) => set((s) => {
    const rest = { ...s.training };
    delete rest[viewId];
    return { training: rest };
  }),
});

/** The one store, built from typed slices; usable without React (zustand's vanilla core). */
export const appStore = createStore<AppState>()((set) => ({
  ...createRouteSlice(set),
  ...createBackendSlice(set),
  ...createTrainingSlice(set),
  ...createClassifierSlice(set),
  ...createPresenterSlice(set),
}));

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
