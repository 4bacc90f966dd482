/** The two IPC channels of the Electron host: one for calls, one for pushed events. */
export const CALL_CHANNEL = 'notebook:call';
export const EVENT_CHANNEL = 'notebook:event';
