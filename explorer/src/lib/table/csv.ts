/**
 * CSV for people who open it in a spreadsheet: RFC 4180 quoting, and cells that would start a formula
 * (= + - @ tab CR) are prefixed with a quote, because chain strings are attacker-controlled.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV column header that carries its unit: raw wei and ppm values go out exact, so the name says which. */
export function csvHeader(col: { key: string; type?: string }): string {
  const unit = col.type === 'open' ? '_wei' : col.type === 'ppm' || col.type === 'influence' ? '_ppm' : '';
  return `${col.key}${unit}`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Triggers a download in the browser. */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
