import type { PublishedDate } from './corpusTypes.js';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-08-15" → "August 15, 2025"; "2023-10" → "October 2023". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = MONTH_NAMES[Number(month) - 1] ?? month ?? '';
  return day === undefined ? `${monthName} ${year}` : `${monthName} ${Number(day)}, ${year}`;
}

export function formatPublished(published: PublishedDate): string {
  switch (published.type) {
    case 'on':
      return formatDate(published.date);
    case 'on-or-after':
      return `on or after ${formatDate(published.date)}`;
    case 'between':
      return `between ${formatDate(published.from)} and ${formatDate(published.to)}`;
  }
}

/** The date to order sources by and to say "as of": the earliest day it can have been published. */
export function publishedSortKey(published: PublishedDate): string {
  return published.type === 'between' ? published.from : published.date;
}
