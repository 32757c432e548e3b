import { z } from './zod';
import { zh } from '../i18n/zh-CN';

/** A required one-line text: trimmed, not empty, not longer than `max` characters. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: zh.validation.required(label) })
    .trim()
    .min(1, { error: zh.validation.required(label) })
    .max(max, { error: zh.validation.tooLong(label, max) });
}

/** An optional text: trimmed, empty when missing, not longer than `max` characters. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: zh.validation.tooLong(label, max) })
    .default('');
}

/**
 * A text of several lines, kept as typed: not trimmed, because it is saved while it is being
 * typed, and trimming would take away the line just started with Enter (and write that back
 * into the field under the writer's caret). Empty when missing; at most `max` characters.
 */
export function writtenText(label: string, max: number) {
  return z
    .string()
    .max(max, { error: zh.validation.tooLong(label, max) })
    .default('');
}

/** One of a fixed set of values, with "请选择…" when missing or unknown. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: zh.validation.choose(label) });
}
