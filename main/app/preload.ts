import { contextBridge, ipcRenderer } from 'electron';
import { METHODS, channelOf } from '../../shared/methods';

// The only thing that crosses the bridge: one function per contract method, each on its own channel.
// Inputs are validated in main (ipc.ts); the preload forwards and nothing else.
const api = Object.fromEntries(
  METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(channelOf(method), input)]),
);

contextBridge.exposeInMainWorld('hamish', Object.freeze(api));
