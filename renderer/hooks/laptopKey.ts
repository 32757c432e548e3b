import { useEffect, useState } from 'react';
import { useRepos } from '../app/session';
import { fingerprint } from '../../shared/package/fingerprint';
import { recoveryFile } from '../../shared/rest/caseKeys';
import { zh } from '../../shared/i18n/zh-CN';
import { chooseSaveTarget, saveBytes, type SavedFile } from '../host/fileStreams';

/**
 * This laptop's public package key and its fingerprint, made on first use (see
 * settings.laptopKey); undefined while it is read. The secret half never reaches a component.
 */
export function useLaptopKey(): { recipient: string; fingerprint: string } | undefined {
  const repos = useRepos();
  const [key, setKey] = useState<{ recipient: string; fingerprint: string }>();
  useEffect(() => {
    let current = true;
    void repos.settings.laptopKey().then(({ recipient }) => {
      if (current) setKey({ recipient, fingerprint: fingerprint(recipient) });
    });
    return () => {
      current = false;
    };
  }, [repos]);
  return key;
}

/**
 * Writes this laptop's identity as a 组长 recovery file (shared/rest/caseKeys.ts) through the
 * save dialog; the secret goes from the repository to the file, never into component state.
 * Says what happened: the name saved or handed to the downloads, or null when cancelled.
 */
export function useExportRecoveryKey() {
  const repos = useRepos();
  return async (): Promise<SavedFile | null> => {
    const target = await chooseSaveTarget({
      suggestedName: zh.laptopKey.recoveryFileName,
      filters: [{ name: '文本', extensions: ['txt'] }],
    });
    if (!target) return null;
    try {
      const { identity } = await repos.settings.laptopKey();
      const text = recoveryFile(identity, new Date().toISOString());
      return await saveBytes(target, new TextEncoder().encode(text));
    } catch (error) {
      await target.abort().catch(() => {});
      throw error;
    }
  };
}
