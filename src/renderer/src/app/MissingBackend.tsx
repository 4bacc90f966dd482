import type { SessionProblem } from '../api/openHttpSession';

/** Shown when the page cannot use the HTTP host (see openHttpSession), saying what to do. */
export function MissingBackend({ problem }: { problem: SessionProblem }) {
  return (
    <main className="missing-backend" role="alert">
      {problem === 'link-used' ? (
        <>
          <h1>This address was already used</h1>
          <p>
            Each address <code>npm run serve</code> prints opens Study Notebook once, so one found later in the
            browser’s history opens nothing. If the app is open in another tab, use that tab; reloading it is fine.
          </p>
          <p>
            For a new address, press Enter in the terminal running <code>npm run serve</code>, or start it again.
          </p>
        </>
      ) : problem === 'no-session' ? (
        <>
          <h1>Study Notebook can’t reach its notes</h1>
          <p>
            Open the full address that <code>npm run serve</code> printed in the terminal. It carries a one-time code
            that lets this page read your vault.
          </p>
        </>
      ) : (
        <>
          <h1>Study Notebook isn’t running</h1>
          <p>
            The server that showed this page does not answer. Start it again with <code>npm run serve</code> and open
            the address it prints.
          </p>
        </>
      )}
    </main>
  );
}
