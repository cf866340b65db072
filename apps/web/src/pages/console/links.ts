import { api, ApiError } from '../../api';
import type { ConsoleMenuItem } from '../../roles';
import { ElMessage } from './element';

/**
 * Open a menu item that lives outside the SPA (e.g. the API's queue dashboard) in a new tab.
 * A browser cannot send the bearer token on navigation, so when the item has `sessionPath` we first POST there
 * (with the token) to get a short cookie scoped to that page, then navigate the new tab.
 */
export async function openExternal(item: ConsoleMenuItem, event?: Event): Promise<void> {
  if (!item.href) return;
  event?.preventDefault();
  if (!item.sessionPath) {
    window.open(item.href, '_blank', 'noopener');
    return;
  }
  // Open the tab now, inside the click, so popup blockers allow it; point it at the page once the cookie is set.
  const tab = window.open('', '_blank');
  try {
    await api(item.sessionPath, { method: 'POST' });
    if (tab) tab.location.href = item.href;
    else window.location.assign(item.href);
  } catch (e) {
    tab?.close();
    ElMessage.error(e instanceof ApiError ? e.message : `无法打开「${item.title}」，请稍后再试`);
  }
}
