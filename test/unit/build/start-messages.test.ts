import { describe, expect, it } from 'vitest';
import {
  appUrl,
  DEFAULT_PORT,
  portTakenMessage,
  resolvePort,
  startedLine,
} from '../../../build/start-messages.mjs';

/** One line: a Chinese sentence, then ` / ` and the same in English. */
const oneLineChineseFirst = (line: string) => {
  expect(line).not.toMatch(/[\r\n]/);
  const [chinese = '', english = ''] = line.split(' / ');
  expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  expect(english).toMatch(/^[A-Z]/);
  expect(english).not.toMatch(/[\u4e00-\u9fff]/);
};

describe('the port', () => {
  it('is 47800 unless WORKBENCH_PORT says otherwise', () => {
    expect(DEFAULT_PORT).toBe(47800);
    expect(resolvePort({})).toBe(47800);
    expect(resolvePort({ WORKBENCH_PORT: '' })).toBe(47800);
    expect(resolvePort({ WORKBENCH_PORT: ' 47801 ' })).toBe(47801);
    expect(resolvePort({ WORKBENCH_PORT: '65535' })).toBe(65535);
    expect(appUrl(47800)).toBe('http://127.0.0.1:47800/');
  });

  it('refuses anything that is not a port, in one line (0 would be a new port, and new data, each time)', () => {
    for (const value of ['0', '65536', 'abc', '8080x', '-1', '1e3', '4780.5']) {
      expect(() => resolvePort({ WORKBENCH_PORT: value })).toThrow(
        `WORKBENCH_PORT 应为 1–65535 之间的端口号，而不是 “${value}”`,
      );
    }
  });
});

describe('the one line npm start prints', () => {
  it('says the port is taken, why it is fixed, and how to choose another', () => {
    const line = portTakenMessage(47800);
    oneLineChineseFirst(line);
    expect(line).toMatch(/^端口 47800 已被其他程序占用/);
    expect(line).toContain('Port 47800 is in use by another program');
    expect(line).toContain('WORKBENCH_PORT');
  });

  it('says which window it opened on which address, and where the data is', () => {
    const line = startedLine({
      url: 'http://127.0.0.1:47800/',
      running: false,
      window: {
        browser: 'Chromium',
        profileDir: '/home/li/.local/share/巡察工作台/browser-profile',
      },
    });
    oneLineChineseFirst(line);
    expect(line).toMatch(/^Electron 不可用：已在 http:\/\/127\.0\.0\.1:47800\/ 提供巡察工作台/);
    expect(line).toContain('Chromium 应用窗口');
    expect(line).toContain('/home/li/.local/share/巡察工作台/browser-profile');
    expect(line).toContain('Ctrl+C');
  });

  it('gives the address and the reason when it opened no window', () => {
    const noDisplay = startedLine({
      url: 'http://127.0.0.1:47800/',
      running: false,
      window: null,
      notOpened: 'no-display',
    });
    oneLineChineseFirst(noDisplay);
    expect(noDisplay).toContain('http://127.0.0.1:47800/');
    expect(noDisplay).toContain('DISPLAY');
    const noBrowser = startedLine({
      url: 'http://127.0.0.1:47800/',
      running: false,
      window: null,
      notOpened: 'no-browser',
    });
    expect(noBrowser).toContain('未找到 Chromium、Chrome 或 Edge');
  });

  it('says when an earlier npm start serves the app, and offers no Ctrl+C it could not honour', () => {
    const line = startedLine({
      url: 'http://127.0.0.1:47800/',
      running: true,
      window: { browser: 'Google Chrome', profileDir: '/p' },
    });
    oneLineChineseFirst(line);
    expect(line).toContain('之前的 npm start');
    expect(line).not.toContain('Ctrl+C');
  });
});
