// Element Plus for the staff consoles, imported on demand by hand: only the components below (and their CSS)
// end up in the console chunk, and nothing of Element Plus is in the phone pages' chunks.
import 'element-plus/theme-chalk/base.css';
import 'element-plus/es/components/config-provider/style/css';
import 'element-plus/es/components/container/style/css';
import 'element-plus/es/components/aside/style/css';
import 'element-plus/es/components/header/style/css';
import 'element-plus/es/components/main/style/css';
import 'element-plus/es/components/menu/style/css';
import 'element-plus/es/components/menu-item/style/css';
import 'element-plus/es/components/button/style/css';
import 'element-plus/es/components/tag/style/css';
import 'element-plus/es/components/card/style/css';
import 'element-plus/es/components/empty/style/css';
import 'element-plus/es/components/message/style/css';

export {
  ElConfigProvider,
  ElContainer,
  ElAside,
  ElHeader,
  ElMain,
  ElMenu,
  ElMenuItem,
  ElButton,
  ElTag,
  ElCard,
  ElEmpty,
  ElMessage,
} from 'element-plus';
export { default as zhCn } from 'element-plus/es/locale/lang/zh-cn';
