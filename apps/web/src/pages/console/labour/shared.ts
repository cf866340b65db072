// Helpers of the labour registry console pages: county names, the user's counties, file downloads, colours.
import { computed, reactive } from 'vue';
import { api } from '../../../api';
import { session } from '../../../session';
import { EMPLOYED_STATUSES, type RegionDetail } from '../../registry';

/** County code → Chinese name (GET /api/regions/:code), shared by every page; filled on demand. */
export const countyNames = reactive<Record<string, string>>({});
const pending = new Map<string, Promise<void>>();

/** Fetch the names of the given counties that are not known yet. Never throws: an unknown name shows the code. */
export function loadCountyNames(codes: Iterable<string>): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const code of new Set(codes)) {
    if (!code || countyNames[code]) continue;
    let job = pending.get(code);
    if (!job) {
      job = api<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { auth: false })
        .then((r) => {
          countyNames[code] = r.name;
        })
        .catch(() => {
          pending.delete(code);
        });
      pending.set(code, job);
    }
    jobs.push(job);
  }
  return Promise.all(jobs).then(() => undefined);
}

export function countyName(code: string | undefined): string {
  if (!code) return '';
  return countyNames[code] ?? code;
}

/** The counties the logged-in broker or officer looks after, as select options (name from the regions API). */
export const myCounties = computed(() => {
  const codes = ((session.user?.countyCodes as string[] | undefined) ?? []).slice().sort();
  return codes.map((code) => ({ code, name: countyName(code) }));
});

export function loadMyCountyNames(): Promise<void> {
  return loadCountyNames((session.user?.countyCodes as string[] | undefined) ?? []);
}

/** GET a file with the bearer token, then hand it to the browser as a download (a blob URL). */
export async function downloadFile(path: string, query: Record<string, string | number | boolean | undefined>, fallbackName: string): Promise<string> {
  const res = await api<Response>(path, { query, raw: true, headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition')) || fallbackName;
  saveBlob(blob, name);
  return name;
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `attachment; filename*=UTF-8''%E6%9C%AA…csv` or `filename="x.csv"` → the file name. */
export function fileNameOf(disposition: string | null): string {
  if (!disposition) return '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : '';
}

export function statusTagType(status: string): 'success' | 'info' | 'warning' {
  if (EMPLOYED_STATUSES.includes(status)) return 'success';
  return status === 'in_training' ? 'warning' : 'info';
}

/** Progress-bar colour of a completeness or a rate (0–100). */
export function scoreColor(value: number): string {
  if (value >= 90) return '#67c23a';
  if (value >= 60) return '#e6a23c';
  return '#f56c6c';
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
