// The Electron entry point. Everything lives in ./electron so this file stays a one-liner.
import { startApp } from './electron/startApp';

startApp();
