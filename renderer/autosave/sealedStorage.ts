/**
 * The journal's localStorage notes, sealed with this laptop's key (issue 16): synchronously, as
 * the journal writes them (a reload cannot interrupt it), so typing that is not saved yet is no
 * more readable on disk than what is. Once the app locks the key is zeroed and a note neither
 * opens nor is written: reading then finds nothing, as with storage switched off.
 *
 * A value without the mark is from before encryption and is read as it is (it is replaced by a
 * sealed one at the next keystroke, or cleared when its edit is saved).
 */
import { openText, sealText } from '../../shared/rest/seal';
import type { FastStorage } from './journal';

const MARK = 'sealed1:';

const toBase64 = (bytes: Uint8Array) => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function sealedStorage(storage: FastStorage, key: Uint8Array): FastStorage {
  const locked = () => key.every((b) => b === 0);
  return {
    getItem(name) {
      const text = storage.getItem(name);
      if (text === null || !text.startsWith(MARK)) return text;
      if (locked()) return null;
      return openText(key, fromBase64(text.slice(MARK.length)), `localStorage/${name}`);
    },
    setItem(name, value) {
      if (locked()) throw new Error('locked');
      storage.setItem(name, MARK + toBase64(sealText(key, value, `localStorage/${name}`)));
    },
    removeItem: (name) => storage.removeItem(name),
  };
}
