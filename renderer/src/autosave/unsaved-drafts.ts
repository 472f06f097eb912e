import { useSyncExternalStore } from 'react';
import type { ApiError } from '../../../shared/contract';
import type { SaveText } from './use-autosave';

/** A note whose editor went away (article switched, popover closed) while its last save failed. */
export type UnsavedDraft = { id: number; text: string; error: ApiError; save: SaveText };

let drafts: readonly UnsavedDraft[] = [];
let nextId = 0;
const listeners = new Set<() => void>();

function change(next: readonly UnsavedDraft[]): void {
  drafts = next;
  listeners.forEach((listener) => listener());
}

/**
 * Keeps a note that could not be saved after its editor closed, so the app can still show it and save it:
 * with the editor gone there is nowhere else for the text to stay.
 */
export function keepUnsavedDraft(text: string, error: ApiError, save: SaveText): void {
  change([...drafts, { id: ++nextId, text, error, save }]);
}

/** Forgets a kept draft (saved at last, or let go by the reader). */
export function forgetUnsavedDraft(id: number): void {
  change(drafts.filter((draft) => draft.id !== id));
}

/** Tries to save a kept draft again; forgets it once saved, keeps it (with the new error) otherwise. */
export async function retryUnsavedDraft(draft: UnsavedDraft): Promise<void> {
  const error = await draft.save(draft.text);
  if (!error) forgetUnsavedDraft(draft.id);
  else change(drafts.map((kept) => (kept.id === draft.id ? { ...kept, error } : kept)));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The drafts kept now, re-rendering when the list changes. */
export function useUnsavedDrafts(): readonly UnsavedDraft[] {
  return useSyncExternalStore(subscribe, () => drafts);
}
