// The Element Plus components of the report pages (日调度, 劳动就业去向, 目标任务): the labour pages' ones and the
// transport pages' date picker, shared (no component of their own).
export { ElDatePicker } from '../transport/el';
export {
  ElAlert,
  ElButton,
  ElCard,
  ElEmpty,
  ElForm,
  ElFormItem,
  ElInput,
  ElMessage,
  ElOption,
  ElPagination,
  ElSelect,
  ElSwitch,
  ElTable,
  ElTableColumn,
  ElTag,
  vLoading,
} from '../labour/el';
