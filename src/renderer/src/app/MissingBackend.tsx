/** Shown when the page was opened without the address `npm run serve` printed. */
export function MissingBackend() {
  return (
    <main className="missing-backend">
      <h1>Study Notebook can’t reach its notes</h1>
      <p>
        Open the full address that <code>npm run serve</code> printed in the terminal. It carries a one-time key that
        lets this page read your vault.
      </p>
    </main>
  );
}
