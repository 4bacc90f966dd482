#!/usr/bin/env node
// Run by `npm start` and `npm run dev` before electron-vite: makes sure the Electron
// binary is present, fetching it if needed, else explains what to do and exits 1.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectron } from './electronBinary.mjs';

process.exitCode = ensureElectron({ projectDir: join(dirname(fileURLToPath(import.meta.url)), '..') });
