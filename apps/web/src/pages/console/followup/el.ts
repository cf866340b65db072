// The Element Plus components of the follow-up pages (就业回访, 帮扶工单, 留存率), imported on demand like ../element.ts;
// what the labour pages already import is shared from ../labour/el.
import 'element-plus/es/components/radio/style/css';
import 'element-plus/es/components/radio-group/style/css';
import 'element-plus/es/components/radio-button/style/css';

export { ElRadio, ElRadioButton, ElRadioGroup } from 'element-plus';
export {
  ElAlert,
  ElButton,
  ElCard,
  ElCheckbox,
  ElCheckboxGroup,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElEmpty,
  ElForm,
  ElFormItem,
  ElInput,
  ElMessage,
  ElOption,
  ElPagination,
  ElSelect,
  ElTabPane,
  ElTable,
  ElTableColumn,
  ElTabs,
  ElTag,
  vLoading,
} from '../labour/el';
