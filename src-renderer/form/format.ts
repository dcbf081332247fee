// Dates, times, money and hours as the forms and lists show them.

import dayjs from 'dayjs';

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function formatTime(iso: string): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

export function formatYuan(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
}

export function formatHours(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
