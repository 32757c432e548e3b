/**
 * The first unlock on a laptop with data from before encryption seals it here, off the page's
 * thread (issue 16): the page hands over the keys (every case's made beforehand, since only
 * the page can store a new one) and shows the progress this worker reports.
 */
import { WorkbenchDB } from './database';
import { KeyChain } from './keyring';
import { sealExisting } from './sealExisting';
import type { FromSealWorker, ToSealWorker } from './sealProtocol';

const post = (message: FromSealWorker) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ToSealWorker>) => {
  const { name, laptop, cases } = event.data;
  const keys = new KeyChain(laptop, new Map(cases), () =>
    Promise.reject(new Error('a case without a key: the page makes keys before sealing')),
  );
  const db = new WorkbenchDB(name, { autoOpen: false }, keys);
  try {
    await db.open();
    const done = await sealExisting(db, (progress) => post({ type: 'progress', ...progress }));
    post({ type: 'done', ...done });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    db.close();
    keys.drop();
  }
};
