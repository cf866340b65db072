// The export buttons of the report pages: which download is running (its button spins), and the download itself
// with a message when it is done or why it failed.
import { ref } from 'vue';
import { ApiError } from '../../../api';
import { downloadFile } from '../labour/shared';
import { ElMessage } from './el';

type Query = Record<string, string | number | boolean | undefined>;

export function useExport() {
  const exporting = ref('');
  async function download(key: string, path: string, query: Query, fallbackName: string): Promise<void> {
    exporting.value = key;
    try {
      ElMessage.success(`已导出：${await downloadFile(path, query, fallbackName)}`);
    } catch (e) {
      ElMessage.error(e instanceof ApiError ? e.message : '导出失败，请稍后再试');
    } finally {
      exporting.value = '';
    }
  }
  return { exporting, download };
}
