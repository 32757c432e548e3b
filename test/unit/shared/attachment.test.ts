import { describe, expect, it } from 'vitest';
import {
  attachmentProblem,
  formatBytes,
  MAX_ATTACHMENT_BYTES,
  safeName,
} from '../../../shared/domain/attachment';

const MB = 1024 * 1024;

describe('attachment sizes', () => {
  it('read as people write them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3.44 * 1024)).toBe('3.4 KB');
    expect(formatBytes(12.5 * MB)).toBe('12.5 MB');
    expect(formatBytes(MAX_ATTACHMENT_BYTES)).toBe('200 MB');
  });

  it('over the limit never read as the limit itself', () => {
    expect(attachmentProblem('录像.mp4', 230 * MB)).toBe(
      '“录像.mp4”大小为 230 MB，超过单个文件 200 MB 的上限，未保存。',
    );
    expect(attachmentProblem('录像.mp4', 200.04 * MB)).toContain('大小为 200.04 MB');
    expect(attachmentProblem('录像.mp4', MAX_ATTACHMENT_BYTES + 1)).toContain(
      '大小为 209,715,201 字节，超过单个文件 200 MB 的上限',
    );
    expect(attachmentProblem('a.png', MAX_ATTACHMENT_BYTES)).toBeNull();
    expect(attachmentProblem('a.png', 0)).toBe('“a.png”是空文件，未保存。');
  });
});

describe('attachment names', () => {
  it('show a right-to-left override and other hidden characters instead of obeying them', () => {
    // Shown as given, "invoice\u202Egpj.exe" reads as "invoiceexe.jpg".
    expect(safeName('invoice\u202Egpj.exe')).toBe('invoice<U+202E>gpj.exe');
    expect(safeName('a\u2066b\u0007c')).toBe('a<U+2066>b<U+0007>c');
  });

  it('keep only the last part of a path', () => {
    expect(safeName('../../etc/passwd')).toBe('passwd');
    expect(safeName('..\\..\\报告.docx')).toBe('报告.docx');
    expect(safeName('..')).toBe('（无名文件）');
    expect(safeName('')).toBe('（无名文件）');
    expect(safeName('现场照片 01.jpg')).toBe('现场照片 01.jpg');
  });
});
