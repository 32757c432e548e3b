/**
 * What an unlock writes into the audit log (issue 16): the wrong passphrases typed before it,
 * which the keyring kept in the clear while there was no case key to seal them with, then the
 * unlock itself, into the log of every case on this laptop.
 */
import type { UnlockWay } from '../../shared/domain/audit.schema';
import type { Repositories } from '../db';
import type { Keyring } from '../db/keyring';

/**
 * Notes the unlock. The keyring forgets the wrong passphrases once a case's log took them (with
 * no case here yet, they wait for the next unlock). A failure to write (a full disk) never stops
 * the unlock: the wrong passphrases then stay for the next one too.
 */
export async function logUnlock(
  ring: Pick<Keyring, 'unloggedFailures' | 'failuresLogged'>,
  audit: Pick<Repositories['audit'], 'appendAll'>,
  how: UnlockWay,
): Promise<void> {
  try {
    const failed = await ring.unloggedFailures();
    if (failed.count > 0) {
      const detail = { count: failed.count, times: [...failed.times] };
      if ((await audit.appendAll('unlockFailed', detail)) > 0) await ring.failuresLogged(failed);
    }
    await audit.appendAll('unlock', { how });
  } catch {
    // Unlocking goes on: the log is for reading later, the work is for now.
  }
}
