import { useEffect } from 'react';
import { Alert } from 'antd';
import { zh } from '../../shared/i18n/zh-CN';
import { useStorageHealth, watchStorage, type StorageHealth } from '../app/storageHealth';

const t = zh.storage;
const left = (bytes: number | null) => t.size((bytes ?? 0) / (1024 * 1024));

/**
 * A banner above every page when room runs short: how much is left and what to do. Nothing
 * when all is well, so it is seen only when it matters.
 */
export function StorageWarning() {
  const health = useStorageHealth();
  useEffect(() => watchStorage(), []);
  return <StorageBanner {...health} />;
}

/** The banner for one state of the store (apart from the store, so it is testable alone). */
export function StorageBanner({ level, freeBytes, spaceFailure }: StorageHealth) {
  if (level === 'ok') return null;
  const [message, description] = spaceFailure
    ? [t.fullTitle, t.fullAdvice]
    : level === 'critical'
      ? [t.criticalTitle(left(freeBytes)), t.criticalAdvice]
      : [t.lowTitle(left(freeBytes)), t.lowAdvice];
  return (
    <Alert
      banner
      type={level === 'low' ? 'warning' : 'error'}
      title={message}
      description={description}
      data-testid="storage-warning"
    />
  );
}
