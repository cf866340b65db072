// 代为报名: a broker applies for a worker with the worker's consent recorded (method + note), from a list of jobs
// (推荐岗位 on a worker, 再就业推荐 on a case). The dialog's state, the consent check, and the API's answers mapped to
// the form: consent field errors under the fields, anything else above them; a 409 reloads the list (e.g. applied
// meanwhile, the row shows it).
import { reactive, ref, type Ref } from 'vue';
import { api, ApiError } from '../../../api';
import type { Application, ConsentMethod } from '../../applications';

export function useApplyForWorker<T extends { job: { id: string } }>(
  workerId: () => string,
  reload: () => unknown,
  applied: (application: Application, target: T) => void,
) {
  const target = ref<T | null>(null) as Ref<T | null>;
  /** Apart from `target`, which stays while the dialog fades out (its text would go blank). */
  const asking = ref(false);
  const form = reactive({ method: '' as ConsentMethod | '', note: '' });
  const errors = ref<Record<string, string>>({});
  const problem = ref('');
  const busy = ref(false);

  function ask(t: T) {
    target.value = t;
    asking.value = true;
    form.method = '';
    form.note = '';
    errors.value = {};
    problem.value = '';
  }

  async function apply() {
    const t = target.value;
    if (!t || !asking.value || busy.value) return;
    if (!form.method) {
      errors.value = { consent: '请选择本人同意的方式' };
      return;
    }
    errors.value = {};
    problem.value = '';
    busy.value = true;
    try {
      const consent = { method: form.method, ...(form.note.trim() ? { note: form.note.trim() } : {}) };
      const a = await api<Application>('/api/applications', { method: 'POST', body: { jobOrderId: t.job.id, workerId: workerId(), consent } });
      asking.value = false;
      applied(a, t);
      void reload();
    } catch (e) {
      if (e instanceof ApiError) {
        const f = e.fieldErrors;
        errors.value = { consent: f['consent.method'] ?? f.consent ?? '', note: f['consent.note'] ?? '' };
        problem.value = Object.values(errors.value).some(Boolean) && e.status === 400 ? '' : e.message;
        if (e.status === 409) void reload();
      } else {
        problem.value = '提交失败，请稍后再试';
      }
    } finally {
      busy.value = false;
    }
  }

  return { target, asking, form, errors, problem, busy, ask, apply };
}
