import { createContext, useContext } from 'react';

/** What any screen may ask of the shell. */
export interface Shell {
  screen: string;
  navigate(screenId: string): void;
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
