import { createStore } from 'zustand/vanilla';

export type Page = 'calls' | 'history' | 'settings';

export interface UiState {
  page: Page;
  /** A transient message for the agent (e.g. "Could not open iTop"), shown in a live region. */
  notice: string | null;
  actions: {
    pageChosen(page: Page): void;
    noticeShown(message: string): void;
    noticeDismissed(): void;
  };
}

export function createUiStore(initialPage: Page = 'calls') {
  return createStore<UiState>()((set) => ({
    page: initialPage,
    notice: null,
    actions: {
      pageChosen: (page) => set({ page }),
      noticeShown: (notice) => set({ notice }),
      noticeDismissed: () => set({ notice: null }),
    },
  }));
}
export type UiStore = ReturnType<typeof createUiStore>;
