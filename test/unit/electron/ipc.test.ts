import { describe, expect, it, vi } from 'vitest';
import {
  guard,
  registerHandlers,
  UntrustedSenderError,
  type Handlers,
} from '../../../electron/main/ipc';
import { APP_ENTRY } from '../../../electron/main/security';
import { contract } from '../../../shared/ipc/contract';

const fromApp = { senderFrame: { url: APP_ENTRY, parent: null } } as never;
const fromIframe = { senderFrame: { url: APP_ENTRY, parent: {} } } as never;
const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } } as never;

describe('IPC handlers', () => {
  const save = vi.fn<Handlers['saveFile']>(async () => ({ status: 'saved', name: 'a.txt' }));
  const handle = guard('saveFile', save, {});

  it('run for the app’s own page with a valid request', async () => {
    const reply = await handle(fromApp, { suggestedName: 'a.txt', data: new Uint8Array([1]) });
    expect(reply).toEqual({ status: 'saved', name: 'a.txt' });
    expect(save).toHaveBeenCalledOnce();
  });

  it('never run for an iframe or a foreign page', async () => {
    save.mockClear();
    const req = { suggestedName: 'a.txt', data: new Uint8Array([1]) };
    await expect(handle(fromIframe, req)).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(handle(fromElsewhere, req)).rejects.toBeInstanceOf(UntrustedSenderError);
    expect(save).not.toHaveBeenCalled();
  });

  it('never run with a request that breaks the contract', async () => {
    save.mockClear();
    await expect(
      handle(fromApp, { suggestedName: '../../.bashrc', data: new Uint8Array() }),
    ).rejects.toThrow();
    await expect(handle(fromApp, { suggestedName: 'a.txt', data: 'not bytes' })).rejects.toThrow();
    await expect(handle(fromApp, undefined)).rejects.toThrow();
    expect(save).not.toHaveBeenCalled();
  });

  it('refuse to send back a reply that breaks the contract', async () => {
    const lying = guard('saveFile', (async () => ({ status: 'maybe' })) as never, {});
    await expect(
      lying(fromApp, { suggestedName: 'a.txt', data: new Uint8Array() }),
    ).rejects.toThrow();
  });

  it('are registered for every channel of the contract, and no other', () => {
    const channels: string[] = [];
    const handlers = Object.fromEntries(
      Object.keys(contract).map((m) => [m, async () => ({})]),
    ) as unknown as Handlers;
    registerHandlers({ handle: (channel: string) => void channels.push(channel) }, handlers, {});
    expect(channels.sort()).toEqual(
      Object.values(contract)
        .map((c) => c.channel)
        .sort(),
    );
  });
});
