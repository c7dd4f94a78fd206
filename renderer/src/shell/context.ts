import { createContext, useContext } from 'react';
import type { DocumentFilters } from '../../../shared/contract/browse';

/** What any screen may ask of the shell. */
export interface Shell {
  screen: string;
  navigate(screenId: string): void;
  /** Opens the corpus browser filtered to these documents (e.g. from a summary row on another screen). */
  openDocuments(filters: DocumentFilters): void;
  /** The filters the browser opens with: set by openDocuments, cleared by any other navigation. */
  browserFilters: DocumentFilters | null;
  openImport(): void;
  /** Bumped on every corpus-changed event, so views can refetch. */
  corpusVersion: number;
}

export const ShellContext = createContext<Shell | null>(null);

export function useShell(): Shell {
  const s = useContext(ShellContext);
  if (!s) throw new Error('useShell outside the shell');
  return s;
}
