import type { SeedInUse } from '../app/followAlong/followLink';

/** Presenter mode and the keyboard help: how the app looks on a projector (flags only). */
export interface PresenterSlice {
  presenter: boolean;
  shortcutsHelp: boolean;
  /** The follow-along dialog (QR code of the current link) is open. */
  followAlong: boolean;
  /** Annotate mode: the pen overlay takes the pointer. */
  annotate: boolean;
  /** The seed the open lesson drew when the URL names none, so a shared link can pin it. */
  seedInUse: SeedInUse | null;
  setPresenter: (on: boolean) => void;
  setShortcutsHelp: (open: boolean) => void;
  setFollowAlong: (open: boolean) => void;
  setAnnotate: (on: boolean) => void;
  setSeedInUse: (seed: SeedInUse | null) => void;
}

type Set = (partial: Partial<PresenterSlice>) => void;

export const createPresenterSlice = (set: Set): PresenterSlice => ({
  presenter: false,
  shortcutsHelp: false,
  followAlong: false,
  annotate: false,
  seedInUse: null,
  setPresenter: (presenter) => set({ presenter }),
  setShortcutsHelp: (shortcutsHelp) => set({ shortcutsHelp }),
  setFollowAlong: (followAlong) => set({ followAlong }),
  setAnnotate: (annotate) => set({ annotate }),
  setSeedInUse: (seedInUse) => set({ seedInUse }),
});
