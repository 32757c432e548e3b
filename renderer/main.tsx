/**
 * Start-up: open the database first (so a schema problem shows as a clear page, not a broken
 * app), learn this laptop's device id, then render.
 *
 * This file's own chunk holds React and the database; the interface (antd and the case list)
 * is a chunk of its own, fetched and compiled while the database opens (the page preloads it:
 * build/vite.config.ts), and the case workspace a third, loaded when it is needed (App.tsx).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NewerDataError, type Repositories } from './db';
import { keyring } from './db/keyring';
import { requestPersistentStorage } from './app/storage';
import { installKeyboardRules } from './app/keyboard';
import { sweepPrivateFiles } from './host/privateFiles';

installKeyboardRules();

const root = createRoot(document.getElementById('root')!);

/** This laptop's chores once its data is open, after the first screen. */
function opened(repos: Repositories) {
  // This laptop's package key, made on the first start (a few milliseconds, after the page).
  void repos.settings.laptopKey().catch(() => undefined); // failing now, it is made on use
  void sweepPrivateFiles(); // what an import cut short by a crash left on disk
}

async function start() {
  const ui = import('./app/App');
  void requestPersistentStorage();
  // Only the keyring is opened before the passphrase: the data waits for the keys (Vault).
  const ring = keyring();
  const failed = async (error: unknown) => {
    const newer =
      error instanceof NewerDataError || (error instanceof Error && error.name === 'VersionError');
    const { StartFailed } = await ui;
    root.render(<StartFailed newer={newer} error={error} />);
  };
  try {
    const initial = await ring.state();
    const { App, Vault } = await ui;
    root.render(
      <StrictMode>
        <Vault ring={ring} initial={initial} onFailed={(e) => void failed(e)} onOpened={opened}>
          <App />
        </Vault>
      </StrictMode>,
    );
  } catch (error) {
    await failed(error);
  }
}

void start();
