import { createContext, useContext } from 'react';

/** This laptop's device id, read once at start (see main.tsx) and fixed for the session. */
export const DeviceContext = createContext<string | null>(null);

export function useDeviceId(): string {
  const id = useContext(DeviceContext);
  if (!id) throw new Error('DeviceContext is missing: render inside <DeviceContext value=…>');
  return id;
}
