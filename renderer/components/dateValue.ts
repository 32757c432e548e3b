import dayjs, { type Dayjs } from 'dayjs';
import '../app/dayjsLocale';

/** antd's DatePicker speaks dayjs; records store 'YYYY-MM-DD'. These two cross the border. */
export const toIso = (d: Dayjs | null | undefined): string => (d ? d.format('YYYY-MM-DD') : '');
export const fromIso = (s: string | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);
