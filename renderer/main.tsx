/**
 * Start-up: open the database first (so a schema problem shows as a clear page, not a broken
 * app), learn this laptop's device id, then render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Result } from 'antd';
import { zh } from '../shared/i18n/zh-CN';
import { NewerDataError, repos, whenNewerVersionElsewhere } from './db';
import { useUi } from './stores/ui.store';
import { DeviceContext } from './hooks/device';
import { App } from './app/App';
import { requestPersistentStorage } from './app/storage';
import { installKeyboardRules } from './app/keyboard';

dayjs.locale('zh-cn');
installKeyboardRules();

const root = createRoot(document.getElementById('root')!);

async function start() {
  void requestPersistentStorage();
  whenNewerVersionElsewhere(() => useUi.getState().setNewerVersionElsewhere());
  try {
    await repos.open();
    await repos.startFreshLog(); // after a full disk last time: see repositories.ts
    const deviceId = await repos.settings.deviceId();
    root.render(
      <StrictMode>
        <DeviceContext value={deviceId}>
          <App />
        </DeviceContext>
      </StrictMode>,
    );
  } catch (error) {
    const newer =
      error instanceof NewerDataError || (error instanceof Error && error.name === 'VersionError');
    root.render(
      <Result
        status="error"
        title={newer ? zh.app.newerDatabase : zh.app.databaseFailed}
        subTitle={newer ? undefined : String(error)}
      />,
    );
  }
}

void start();
