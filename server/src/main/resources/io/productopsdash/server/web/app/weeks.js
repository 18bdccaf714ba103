/*
 * ISO week arithmetic (Monday weeks, as the API names them: YYYY-Www).
 */


export function weekMonday(week) {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday1 = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000);
  return new Date(monday1.getTime() + (Number(m[2]) - 1) * 7 * 86400000);
}

export function weekOf(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3); // the Thursday of its week
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d - firstThursday) / (7 * 86400000));
  return year + '-W' + String(week).padStart(2, '0');
}

export function plusWeeks(week, n) {
  const monday = weekMonday(week);
  return weekOf(new Date(monday.getTime() + n * 7 * 86400000));
}

export function weekRange(to, count) {
  const out = [];
  for (let i = count - 1; i >= 0; i--) out.push(plusWeeks(to, -i));
  return out;
}
