/**
 * An image from the web (`![alt](https://…)`). Not loaded by default (a tracking pixel
 * would tell a server the note was opened): a placeholder names the site and offers
 * "Load for this note" and "Always load". Once allowed, the backend fetches it (see
 * NotebookApi.fetchRemoteImage) and it is shown as a `data:` URL: the page itself never
 * makes a request outside the app.
 */
import { type JSX, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { readImageLabel } from './imageSource';
import { MediaHostContext, type MediaHost, RemoteImagePolicy } from './mediaHost';

const NO_POLICY = new RemoteImagePolicy(false, async () => undefined);

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function RemoteImage({ target, label }: { target: string; label: string | null }): JSX.Element {
  const host = useContext(MediaHostContext);
  const policy = host?.remoteImages ?? NO_POLICY;
  const allowed = useSyncExternalStore(policy.subscribe, policy.isAllowed);
  const words = readImageLabel(label);
  const site = hostOf(target);
  if (!allowed || !host) {
    return (
      <span className="ed-remote" contentEditable={false} role="group" aria-label={`Image from ${site}, not loaded`}>
        <span className="ed-remote-text">
          <strong>Image from {site}</strong> not loaded{words.text ? ` (${words.text})` : ''}: web images can track when
          you read a note.
        </span>
        {host && (
          <span className="ed-remote-actions">
            <button type="button" className="ed-remote-button" onClick={() => policy.allowForNote()}>
              Load for this note
            </button>
            <button
              type="button"
              className="ed-remote-button"
              onClick={() => policy.allowAlways().catch(() => host.notify('The setting could not be saved.'))}
            >
              Always load
            </button>
          </span>
        )}
      </span>
    );
  }
  return <LoadedRemoteImage host={host} url={target} alt={words.text} width={words.width} height={words.height} />;
}

function LoadedRemoteImage(props: {
  host: MediaHost;
  url: string;
  alt: string;
  width?: number;
  height?: number;
}): JSX.Element {
  const { host, url } = props;
  const [state, setState] = useState<{ url: string; src: string | null; error: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    host.fetchRemoteImage(url).then(
      (src) => live && setState({ url, src, error: null }),
      (error: unknown) =>
        live && setState({ url, src: null, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [host, url]);
  const current = state?.url === url ? state : null;
  if (current?.src) {
    return (
      <img
        className="ed-image"
        src={current.src}
        alt={props.alt}
        width={props.width}
        height={props.height}
        decoding="async"
        draggable={false}
      />
    );
  }
  return (
    <span className="ed-remote" contentEditable={false} role="status">
      <span className="ed-remote-text">
        {current?.error
          ? `Image from ${hostOf(url)} could not be loaded: ${current.error}`
          : `Loading image from ${hostOf(url)}…`}
      </span>
    </span>
  );
}
