import type { ManifestDto, ManifestRiderDto } from './dto/manifest.dto.js';

/** Columns of the roster, in order: what the coordinator ticks off at the bus door. */
const COLUMNS: Array<[string, (r: ManifestRiderDto) => string | number]> = [
  ['座位号', (r) => r.seat],
  ['姓名', (r) => r.name],
  ['身份证号（脱敏）', (r) => r.idNumber],
  ['手机号', (r) => r.mobile ?? ''],
  ['上车点', (r) => r.pickupStopName],
  ['预计上车时间', (r) => beijingMinute(r.pickupEta)],
  ['紧急联系人', (r) => r.emergencyContactName],
  ['紧急联系人电话', (r) => r.emergencyContactMobile ?? ''],
  ['状态', (r) => r.statusName],
];

export const MANIFEST_CSV_HEADER = COLUMNS.map(([title]) => title);

/** `2027-02-26T00:30:00.000Z` → `2027-02-26 08:30` (Beijing time, what is printed at the station). */
export function beijingMinute(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** One CSV line: quoted when needed, CRLF; a text cell that starts like a formula is neutralised for Excel. */
export function csvLine(values: Array<string | number>): string {
  return values
    .map((v) => {
      let s = String(v);
      if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',') + '\r\n';
}

/** The roster as CSV that Excel opens correctly in Chinese: UTF-8 with a BOM, one header row, riders in seat order. */
export function manifestCsv(manifest: ManifestDto): Buffer {
  let out = '\uFEFF' + csvLine(MANIFEST_CSV_HEADER);
  for (const rider of manifest.riders) out += csvLine(COLUMNS.map(([, value]) => value(rider)));
  return Buffer.from(out, 'utf8');
}

/** `乘车名单-20270228-厦门-03.csv`, with characters no file system takes replaced. */
export function manifestFileName(code: string): string {
  return `乘车名单-${code.replace(/[\\/:*?"<>|\s]+/g, '_')}.csv`;
}

/**
 * `attachment; filename="manifest.csv"; filename*=UTF-8''%E4%B9%98…`: an ASCII fallback, then the real name encoded
 * per RFC 5987 (encodeURIComponent leaves ' ( ) * unencoded, which attr-char does not allow).
 */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
