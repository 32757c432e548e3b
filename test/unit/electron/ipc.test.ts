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
  const start = vi.fn<Handlers['saveStart']>(async () => ({
    status: 'open',
    id: 1,
    name: 'a.txt',
  }));
  const handle = guard('saveStart', start, {});
  const req = { suggestedName: 'a.txt' };

  it('run for the app’s own page with a valid request', async () => {
    const reply = await handle(fromApp, req);
    expect(reply).toEqual({ status: 'open', id: 1, name: 'a.txt' });
    expect(start).toHaveBeenCalledWith({ suggestedName: 'a.txt', filters: [] }, fromApp);
  });

  it('never run for an iframe or a foreign page', async () => {
    start.mockClear();
    await expect(handle(fromIframe, req)).rejects.toBeInstanceOf(UntrustedSenderError);
    await expect(handle(fromElsewhere, req)).rejects.toBeInstanceOf(UntrustedSenderError);
    expect(start).not.toHaveBeenCalled();
  });

  it('never run with a request that breaks the contract', async () => {
    start.mockClear();
    await expect(handle(fromApp, { suggestedName: '../../.bashrc' })).rejects.toThrow();
    await expect(handle(fromApp, { suggestedName: 'a.txt', filters: 'all' })).rejects.toThrow();
    await expect(handle(fromApp, undefined)).rejects.toThrow();
    expect(start).not.toHaveBeenCalled();

    const chunk = vi.fn<Handlers['saveChunk']>(async () => undefined);
    const handleChunk = guard('saveChunk', chunk, {});
    await expect(handleChunk(fromApp, { id: 1, data: 'not bytes' })).rejects.toThrow();
    await expect(handleChunk(fromApp, { id: '1', data: new Uint8Array(1) })).rejects.toThrow();
    expect(chunk).not.toHaveBeenCalled();
  });

  it('refuse to send back a reply that breaks the contract', async () => {
    const lying = guard('saveStart', (async () => ({ status: 'maybe' })) as never, {});
    await expect(lying(fromApp, req)).rejects.toThrow();
    // An id the page could not use again is a lie too.
    const badId = guard('openStart', (async () => ({ status: 'opened', id: 0 })) as never, {});
    await expect(badId(fromApp, { maxBytes: 1 })).rejects.toThrow();
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
