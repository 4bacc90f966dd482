import { ELECTRON_SKIP_REASON, electronExecutable } from './fixtures/electronBinary';

/** Says once, up front, why the Electron project's tests will show as skipped. */
export default function globalSetup(): void {
  if (!electronExecutable()) console.log(`\n[e2e] electron project skipped: ${ELECTRON_SKIP_REASON}\n`);
}
