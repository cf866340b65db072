// The Element Plus components of the transport pages (输转调度, 车次, 上车登记, 乘车名单, 到厂车次), imported on demand
// like ../element.ts; what the labour pages already import is shared from ../labour/el.
import 'element-plus/es/components/date-picker/style/css';

export { ElDatePicker } from 'element-plus';
export {
  ElAlert,
  ElButton,
  ElCard,
  ElDialog,
  ElEmpty,
  ElForm,
  ElFormItem,
  ElInput,
  ElInputNumber,
  ElMessage,
  ElOption,
  ElProgress,
  ElSelect,
  ElSwitch,
  ElTable,
  ElTableColumn,
  ElTag,
  vLoading,
} from '../labour/el';
