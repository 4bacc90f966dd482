/** The sidebar's foot: which vault is open, and the way to open another. */
export function VaultFooter({ vaultPath, onOpenVault }: { vaultPath: string; onOpenVault(): void }) {
  const name = vaultPath.split(/[\\/]/).filter(Boolean).pop() ?? vaultPath;
  return (
    <footer className="vault-footer">
      <div className="vault-name" title={vaultPath}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path
            d="M2 4.5A1.5 1.5 0 0 1 3.5 3h3l1.5 1.5h4.5A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.2"
          />
        </svg>
        <span aria-label="Vault">{name}</span>
      </div>
      <button type="button" className="text-button" onClick={onOpenVault}>
        Open vault…
      </button>
    </footer>
  );
}
