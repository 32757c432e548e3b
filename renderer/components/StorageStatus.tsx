import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { zh } from '../../shared/i18n/zh-CN';
import { requestPersistentStorage } from '../app/storage';

/** Tells the user whether the browser promised to keep the data (it may not, in a browser). */
export function StorageStatus() {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void requestPersistentStorage().then(setPersisted);
  }, []);
  if (persisted === null) return null;
  return (
    <Typography.Text type={persisted ? 'secondary' : 'warning'} data-testid="storage-status">
      {persisted ? zh.app.storagePersisted : zh.app.storageNotPersisted}
    </Typography.Text>
  );
}
