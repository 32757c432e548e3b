import { useEffect, useState } from 'react';
import { useRepos } from '../app/session';
import { fingerprint } from '../../shared/package/fingerprint';

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
