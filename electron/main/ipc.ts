/**
 * The only place that touches ipcMain. Every request is checked twice before a handler sees it:
 * it must come from the app's own top-level frame, and it must parse with the channel's schema.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { contract, type Contract, type Method, type ReplyOf } from '../../shared/ipc/contract';
import { isTrustedSender, type Policy } from './security';

export type Handlers = {
  readonly [M in Method]: (
    request: z.output<Contract[M]['request']>,
    event: IpcMainInvokeEvent,
  ) => Promise<ReplyOf<M>>;
};

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`拒绝来自非本应用页面的请求：${channel}`);
    this.name = 'UntrustedSenderError';
  }
}

/** Wraps one handler with the sender check and request/reply validation. */
export function guard<M extends Method>(method: M, handler: Handlers[M], policy: Policy) {
  const { channel, request, reply } = contract[method];
  return async (event: IpcMainInvokeEvent, raw: unknown): Promise<ReplyOf<M>> => {
    if (!isTrustedSender(event.senderFrame, policy)) throw new UntrustedSenderError(channel);
    const parsed = request.parse(raw) as z.output<Contract[M]['request']>;
    return reply.parse(await handler(parsed, event)) as ReplyOf<M>;
  };
}

export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  policy: Policy,
): void {
  for (const method of Object.keys(contract) as Method[]) {
    ipcMain.handle(contract[method].channel, guard(method, handlers[method], policy));
  }
}
