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
import { NewerDataError, repos, whenNewerVersionElsewhere } from './db';
import { useUi } from './stores/ui.store';
import { DeviceContext } from './hooks/device';
import { requestPersistentStorage } from './app/storage';
import { installKeyboardRules } from './app/keyboard';
import { sweepPrivateFiles } from './host/privateFiles';

installKeyboardRules();

const root = createRoot(document.getElementById('root')!);

async function start() {
  const ui = import('./app/App');
  void requestPersistentStorage();
  whenNewerVersionElsewhere(() => useUi.getState().setNewerVersionElsewhere());
  try {
    await repos.open();
    await repos.startFreshLog(); // after a full disk last time: see repositories.ts
    const deviceId = await repos.settings.deviceId();
    const { App } = await ui;
    root.render(
      <StrictMode>
        <DeviceContext value={deviceId}>
          <App />
        </DeviceContext>
      </StrictMode>,
    );
    // This laptop's package key, made on the first start (a few milliseconds, after the page).
    void repos.settings.laptopKey().catch(() => undefined); // failing now, it is made on use
    void sweepPrivateFiles(); // what an import cut short by a crash left on disk
  } catch (error) {
    const newer =
      error instanceof NewerDataError || (error instanceof Error && error.name === 'VersionError');
    const { StartFailed } = await ui;
    root.render(<StartFailed newer={newer} error={error} />);
  }
}

void start();
