import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildPreloadApi } from './api';

// Sandboxed preload: only the contract crosses into the page, as plain functions (never ipcRenderer itself).
const { kurasi, kurasiEvents } = buildPreloadApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (channel, listener) => {
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
);

contextBridge.exposeInMainWorld('kurasi', kurasi);
contextBridge.exposeInMainWorld('kurasiEvents', kurasiEvents);
