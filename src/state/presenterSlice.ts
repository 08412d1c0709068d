/** Presenter mode and the keyboard help: how the app looks on a projector (flags only). */
export interface PresenterSlice {
  presenter: boolean;
  shortcutsHelp: boolean;
  setPresenter: (on: boolean) => void;
  setShortcutsHelp: (open: boolean) => void;
}

type Set = (partial: Partial<PresenterSlice>) => void;

export const createPresenterSlice = (set: Set): PresenterSlice => ({
  presenter: false,
  shortcutsHelp: false,
  setPresenter: (presenter) => set({ presenter }),
  setShortcutsHelp: (shortcutsHelp) => set({ shortcutsHelp }),
});
