import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { QueueName } from '@daogang/platform';
import { makeIdNumber } from '@daogang/registry';
import { ImportRunner } from '@daogang/registry/import/index.js';
import type { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap.js';
import { startTestApi, TestApi } from '../support/app.js';
import { bearer } from '../support/http.js';

let api: TestApi;
let worker: INestApplication | undefined;
let broker: string; // broker_linxia: 临夏县 622921, 和政县 622925
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  broker = await bearer(api.url, 'broker_linxia');
  admin = await bearer(api.url, 'admin');
}, 60000);
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

const HEADER = ['姓名', '身份证号', '手机号', '户编号', '县代码', '乡镇', '村', '建档立卡', '文化程度', '技能', '意向工种', '就业状态', '紧急联系人', '紧急联系人电话', '备注'];
const id = (seq: number, born = '1991-05-06', county = '622925') => makeIdNumber(county, born, seq);
const ID = { a: id(701), b: id(703), c: id(705), d: id(707, '1988-08-08', '622921'), e: id(709) };
const badChecksum = ID.a.slice(0, 17) + (ID.a[17] === '1' ? '2' : '1');

/** The ledger: 4 good rows, then a bad ID, a bad mobile, a row of a county the broker does not keep, a repeat. */
const LEDGER: string[][] = [
  ['马德福', ID.a, '13909301001', 'T622925090101', '622925', '城关镇', '新庄村', '是', '初中', '电焊、电工', '建筑', '未就业', '马玉兰', '13909301002', '老户'],
  ['马玉兰', ID.b, '13909301002', 'T622925090101', '622925', '城关镇', '新庄村', '是', '小学', '', '家政', '省外就业', '', '', ''],
  ['冶海龙', ID.c, '139 0930 1003', 'T622925090102', '622925', '城关镇', '新庄村', '否', '高中', '普工', '电子厂、普工', '', '', '', ''],
  ['韩金花', ID.d, '', '', '622921', '韩集镇', '双城村', '', '', '', '', '参加培训', '', '', ''],
  ['错号码', badChecksum, '13909301004', '', '622925', '', '', '', '', '', '', '', '', '', ''],
  ['错手机', id(711), '1390930', '', '622925', '', '', '', '', '', '', '', '', '', ''],
  ['向外县', id(713, '1990-01-01', '422801'), '', '', '422801', '', '', '', '', '', '', '', '', '', ''],
  ['重复人', ID.a, '', '', '622925', '', '', '', '', '', '', '', '', '', ''],
];

function csvFile(rows: string[][], header = HEADER): Buffer {
  const line = (r: string[]) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
  return Buffer.from('\uFEFF' + [header, ...rows].map(line).join('\r\n') + '\r\n', 'utf8');
}

const upload = (token: string, name: string, body: Buffer) =>
  request(api.url).post('/api/workers/imports').set('Authorization', token).attach('file', body, name);

async function finished(importId: string, token = broker): Promise<Record<string, any>> {
  const deadline = Date.now() + 30000;
  for (;;) {
    const res = await request(api.url).get(`/api/workers/imports/${importId}`).set('Authorization', token);
    expect(res.status).toBe(200);
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`import still ${res.body.status}: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function importCount(): Promise<number> {
  return (await api.dataSource.query('SELECT count(*)::int AS n FROM worker_imports'))[0].n;
}

async function workerByIdNumber(plain: string): Promise<Record<string, any> | undefined> {
  const [row] = await api.dataSource.query(
    `SELECT w.*, h.registration_no FROM workers w LEFT JOIN households h ON h.id = w.household_id
      WHERE w.id_number_masked = $1 AND w.name IS NOT NULL ORDER BY w.created_at`,
    [`${plain.slice(0, 6)}********${plain.slice(14)}`],
  );
  return row;
}

describe('before the worker app runs (nothing is processed yet)', () => {
  it('serves the template as CSV (BOM, Chinese headers, an example row) and as XLSX', async () => {
    const csv = await request(api.url).get('/api/workers/imports/template?format=csv').set('Authorization', broker).buffer(true)
      .parse((res, cb) => { const parts: Buffer[] = []; res.on('data', (c: Buffer) => parts.push(c)); res.on('end', () => cb(null, Buffer.concat(parts))); });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(decodeURIComponent(csv.headers['content-disposition'])).toContain('劳动力导入模板.csv');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF姓名,身份证号,手机号,户编号,县代码,县,乡镇,村,建档立卡,文化程度,技能,技能说明,意向工种,期望月薪,愿意外出,愿意培训,愿意创业,可到岗日期,就业状态,紧急联系人,紧急联系人电话\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toContain('马小军');

    const xlsx = await request(api.url).get('/api/workers/imports/template').set('Authorization', broker).buffer(true)
      .parse((res, cb) => { const parts: Buffer[] = []; res.on('data', (c: Buffer) => parts.push(c)); res.on('end', () => cb(null, Buffer.concat(parts))); });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['劳动力名单', '填写说明']);
    expect(workbook.worksheets[0].getRow(1).getCell(2).value).toBe('身份证号');
    expect(String(workbook.worksheets[0].getRow(2).getCell(2).value)).toMatch(/^\d{17}[\dX]$/);
  });

  it('refuses wrong types, empty files, files over 20 MB and bad names with a 4xx, a Chinese message and no import row', async () => {
    const before = await importCount();
    const cases: Array<[string, Buffer, number, string]> = [
      ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 400, '只能上传 CSV 或 Excel（.xlsx）文件'],
      ['名单.xlsx', csvFile(LEDGER), 400, '文件内容不是有效的 Excel（.xlsx）文件，请在 Excel 中重新保存后上传'],
      ['名单.csv', Buffer.alloc(0), 400, '文件是空的，请检查后重新上传'],
      ['名单.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 400, '不支持旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV 后上传'],
      ['../../etc/passwd', Buffer.from('root:x:0:0\n'), 400, '只能上传 CSV 或 Excel（.xlsx）文件'],
      ['大名单.csv', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), 413, '文件不能超过20MB，请拆分后分批导入'],
    ];
    for (const [name, body, status, message] of cases) {
      const res = await upload(broker, name, body);
      expect({ name, status: res.status, message: res.body.message }).toEqual({ name, status, message });
    }
    const noFile = await request(api.url).post('/api/workers/imports').set('Authorization', broker).field('note', 'x');
    expect(noFile.status).toBe(400);
    expect(noFile.body.message).toBe('请选择要上传的文件（表单字段 file）');
    const twoFiles = await request(api.url).post('/api/workers/imports').set('Authorization', broker)
      .attach('file', csvFile(LEDGER), 'a.csv').attach('file', csvFile(LEDGER), 'b.csv');
    expect(twoFiles.status).toBe(400);
    expect(twoFiles.body.message).toBe('请用表单字段 file 上传一个文件');
    expect(await importCount()).toBe(before);
  });

  it('keeps only the base name of a path-traversal file name; a double submit of the same file enqueues once', async () => {
    const body = csvFile([['马福来', id(741), '', '', '622925', '', '', '', '', '', '', '', '', '', '']]);
    const first = await upload(broker, '../../../tmp/和政县名单.csv', body);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ id: expect.any(String), status: 'queued', duplicate: false });
    const again = await upload(broker, '和政县名单.csv', body);
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ id: first.body.id, status: 'queued', duplicate: true });

    const [row] = await api.dataSource.query('SELECT file_name, format, encoding, octet_length(file) AS size FROM worker_imports WHERE id = $1', [first.body.id]);
    expect(row).toEqual({ file_name: '和政县名单.csv', format: 'csv', encoding: 'utf-8', size: body.length });
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Import));
    const job = await queue.getJob(first.body.id);
    expect(job?.data).toEqual({ importId: first.body.id });
    expect(await job!.getState()).toBe('waiting');
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
  });

  it('only keepers of the registry may import', async () => {
    const employer = await bearer(api.url, 'employer_xiamen');
    expect((await upload(employer, 'a.csv', csvFile(LEDGER))).status).toBe(403);
    const coordinator = await bearer(api.url, 'coordinator');
    expect((await request(api.url).get('/api/workers/imports/template').set('Authorization', coordinator)).status).toBe(403);
  });
});

describe('imports run by the worker app', () => {
  let firstId: string;

  beforeAll(async () => {
    worker = await createWorkerApp(api.config, { schedules: false });
    await worker.init();
  });

  it('imports a CSV row by row: good rows land encrypted, bad rows are reported with row, column and message', async () => {
    const res = await upload(broker, '新庄村名单.csv', csvFile(LEDGER));
    expect(res.status).toBe(202);
    firstId = res.body.id;
    const done = await finished(firstId);
    expect(done).toMatchObject({
      fileName: '新庄村名单.csv', format: 'csv', status: 'completed',
      progress: { done: 8, total: 8 }, counts: { inserted: 4, updated: 0, unchanged: 0, failed: 4 }, errorCount: 4,
      warnings: ['未识别的列“备注”已忽略'],
    });
    const job = await api.app.get<Queue>(getQueueToken(QueueName.Import)).getJob(firstId);
    expect(job?.progress).toEqual({ done: 8, total: 8 });

    const report = await request(api.url).get(`/api/workers/imports/${firstId}/errors`).set('Authorization', broker);
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      total: 4,
      truncated: false,
      items: [
        { row: 6, column: '身份证号', message: '身份证号校验位不正确，请核对是否输错' },
        { row: 7, column: '手机号', message: '请输入11位中国大陆手机号，例如 13912345678' },
        { row: 8, column: '县代码', message: '不是您负责的县' },
        { row: 9, column: '身份证号', message: '与第2行身份证号重复' },
      ],
    });
    const csv = await request(api.url).get(`/api/workers/imports/${firstId}/errors?format=csv`).set('Authorization', broker).buffer(true)
      .parse((r, cb) => { const parts: Buffer[] = []; r.on('data', (c: Buffer) => parts.push(c)); r.on('end', () => cb(null, Buffer.concat(parts))); });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(decodeURIComponent(csv.headers['content-disposition'])).toContain('新庄村名单-错误报告.csv');
    expect((csv.body as Buffer).toString('utf8').split('\r\n').slice(0, 3)).toEqual(['\uFEFF行号,列,错误说明', '6,身份证号,身份证号校验位不正确，请核对是否输错', '7,手机号,请输入11位中国大陆手机号，例如 13912345678']);

    // The good rows, with the ledger's values, masked and encrypted numbers.
    const a = await workerByIdNumber(ID.a);
    expect(a).toMatchObject({
      name: '马德福', home_county_code: '622925', township: '城关镇', village: '新庄村', registered_poor: true, education: 'junior',
      skills: ['电焊', '电工'], wish_categories: ['建筑'], employment_status: 'not_employed', source: 'import', mobile_masked: '139****1001',
      emergency_contact_name: '马玉兰', registration_no: 'T622925090101', import_hash: expect.stringMatching(/^.{32}$/), version: 1,
    });
    expect(a!.id_number_encrypted).toMatch(/^v1\./);
    expect(a!.completeness).toBeGreaterThan(50);
    expect(await workerByIdNumber(ID.c)).toMatchObject({ mobile_masked: '139****1003', employment_status: 'not_employed', registered_poor: false });
    expect(await workerByIdNumber(ID.d)).toMatchObject({ home_county_code: '622921', household_id: null, employment_status: 'in_training' });
    // The registry's own detail view decrypts what the import encrypted.
    const detail = await request(api.url).get(`/api/workers/${a!.id}`).set('Authorization', broker);
    expect(detail.body).toMatchObject({ idNumber: ID.a, mobile: '13909301001', emergencyContactMobile: '13909301002', unmasked: true });

    // No plain ID number or mobile anywhere in the workers table.
    for (const plain of [ID.a, ID.b, ID.c, ID.d, '13909301001', '13909301002']) {
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM workers w WHERE w::text LIKE '%' || $1 || '%'`, [plain]);
      expect({ plain, n }).toEqual({ plain, n: 0 });
    }
    // Bad rows left nothing.
    expect(await workerByIdNumber(id(711))).toBeUndefined();
    expect(await workerByIdNumber(id(713, '1990-01-01', '422801'))).toBeUndefined();
    // A status history row per new worker, from the import; the stored file is gone.
    const changes = await api.dataSource.query(
      `SELECT c.to_status, c.from_status, c.note FROM worker_status_changes c JOIN workers w ON w.id = c.worker_id
        WHERE c.source = 'import' AND w.name = ANY($1) ORDER BY w.name`, [['马德福', '马玉兰', '冶海龙', '韩金花']]);
    expect(changes).toHaveLength(4);
    expect(changes[0]).toMatchObject({ from_status: null, note: '批量导入：新庄村名单.csv' });
    // The search index hears of every new worker through the outbox, in the same transaction.
    const [{ announced }] = await api.dataSource.query(
      `SELECT count(*)::int AS announced FROM outbox_events WHERE topic = 'search.workers' AND key = ANY($1)`, [[a!.id]]);
    expect(announced).toBe(1);
    const [stored] = await api.dataSource.query('SELECT file IS NULL AS cleared, file_sha256 FROM worker_imports WHERE id = $1', [firstId]);
    expect(stored).toEqual({ cleared: true, file_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('derives the households right after the import: zero-employment flags and counts', async () => {
    const households = await api.dataSource.query(
      `SELECT registration_no, county_code, village, registered_poor, labourer_count, employed_count, zero_employment
         FROM households WHERE registration_no LIKE 'T6229250901%' ORDER BY registration_no`);
    expect(households).toEqual([
      { registration_no: 'T622925090101', county_code: '622925', village: '新庄村', registered_poor: true, labourer_count: 2, employed_count: 1, zero_employment: false },
      { registration_no: 'T622925090102', county_code: '622925', village: '新庄村', registered_poor: false, labourer_count: 1, employed_count: 0, zero_employment: true },
    ]);
    const list = await request(api.url).get('/api/households?zeroEmployment=true&village=新庄村').set('Authorization', broker);
    expect(list.body.items.map((h: { registrationNo: string }) => h.registrationNo)).toEqual(['T622925090102']);
  });

  it('re-importing the same file changes nothing and creates no duplicate', async () => {
    const snapshot = async () => api.dataSource.query(
      `SELECT id, version, updated_at, import_hash FROM workers WHERE source = 'import' ORDER BY id`);
    const before = await snapshot();
    const changesBefore = (await api.dataSource.query('SELECT count(*)::int AS n FROM worker_status_changes'))[0].n;
    const outboxBefore = (await api.dataSource.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n;
    const res = await upload(broker, '新庄村名单.csv', csvFile(LEDGER));
    expect(res.body.id).not.toBe(firstId);
    const done = await finished(res.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: { done: 8, total: 8 }, counts: { inserted: 0, updated: 0, unchanged: 4, failed: 4 } });
    expect(await snapshot()).toEqual(before);
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM worker_status_changes'))[0].n).toBe(changesBefore);
    expect((await api.dataSource.query('SELECT count(*)::int AS n FROM outbox_events'))[0].n).toBe(outboxBefore);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM workers WHERE id_number_masked = $1`, [`${ID.a.slice(0, 6)}********${ID.a.slice(14)}`]);
    expect(n).toBe(1);
  });

  it('an edited ledger updates the changed worker only, records the status change and re-derives the household', async () => {
    const edited = LEDGER.slice(0, 4).map((r) => [...r]);
    edited[2][11] = '县内就业'; // 冶海龙 found a job in the county
    edited[2][7] = ''; // an empty cell erases nothing
    const c = await workerByIdNumber(ID.c);
    const done = await finished((await upload(broker, '新庄村名单-更新.csv', csvFile(edited))).body.id);
    expect(done.counts).toEqual({ inserted: 0, updated: 1, unchanged: 3, failed: 0 });
    const after = await workerByIdNumber(ID.c);
    expect(after).toMatchObject({ employment_status: 'employed_in_county', version: c!.version + 1, registered_poor: false });
    expect(after!.id_number_encrypted).toBe(c!.id_number_encrypted);
    const history = await request(api.url).get(`/api/workers/${c!.id}/status-history`).set('Authorization', broker);
    expect(history.body.map((h: { fromStatus?: string; toStatus: string; source: string }) => [h.fromStatus, h.toStatus, h.source])).toEqual([
      [undefined, 'not_employed', 'import'], ['not_employed', 'employed_in_county', 'import'],
    ]);
    const [household] = await api.dataSource.query(`SELECT zero_employment, employed_count FROM households WHERE registration_no = 'T622925090102'`);
    expect(household).toEqual({ zero_employment: false, employed_count: 1 });
  });

  it('imports an XLSX: title row above the header, text and number cells, a date cell; an ID Excel turned into a number is explained', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['和政县城关镇新庄村劳动力花名册']);
    sheet.addRow(['姓名', '身份证号', '手机号', '县代码', '村', '期望月薪', '可到岗日期', '愿意外出']);
    sheet.addRow(['苏福生', ID.e, 13909301005, 622925, '新庄村', 5500, new Date(Date.UTC(2027, 1, 20)), '是']);
    sheet.addRow(['苏丢号', Number(id(715)), '', '622925', '', '', '', '']);
    workbook.addWorksheet('说明').addRow(['不导入']);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(broker, '新庄村.xlsx', body);
    expect(res.status).toBe(202);
    const done = await finished(res.body.id);
    expect(done).toMatchObject({ format: 'xlsx', status: 'completed', progress: { done: 2, total: 2 }, counts: { inserted: 1, failed: 1 } });
    expect(await workerByIdNumber(ID.e)).toMatchObject({
      name: '苏福生', mobile_masked: '139****1005', min_monthly_wage: 5500, wants_to_move: true, household_id: null,
    });
    const [{ available_from }] = await api.dataSource.query('SELECT available_from::text FROM workers WHERE name = $1', ['苏福生']);
    expect(available_from).toBe('2027-02-20');
    const report = await request(api.url).get(`/api/workers/imports/${res.body.id}/errors`).set('Authorization', broker);
    expect(report.body.items).toEqual([{ row: 4, column: '身份证号', message: '身份证号被 Excel 存成了数字，后几位已丢失；请把本列设为“文本”后重新填写' }]);
  });

  it('a row the database refuses is reported and leaves nothing half-written, while the rest of its batch lands', async () => {
    await api.dataSource.query(`
      CREATE FUNCTION refuse_bad_worker() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = '坏数据' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_bad_worker BEFORE INSERT ON workers FOR EACH ROW EXECUTE FUNCTION refuse_bad_worker();`);
    try {
      const rows = [
        ['甲一', id(721), '', 'T622925090201', '622925', '', '新庄村', '', '', '', '', '', '', '', ''],
        ['坏数据', id(723), '13909301023', 'T622925090202', '622925', '', '新庄村', '', '', '', '', '', '', '', ''],
        ['乙二', id(725), '', 'T622925090201', '622925', '', '新庄村', '', '', '', '', '', '', '', ''],
      ];
      const done = await finished((await upload(broker, 'trigger.csv', csvFile(rows))).body.id);
      expect(done).toMatchObject({ status: 'completed', progress: { done: 3, total: 3 }, counts: { inserted: 2, failed: 1 } });
      const report = await request(api.url).get(`/api/workers/imports/${done.id}/errors`).set('Authorization', broker);
      expect(report.body.items).toEqual([{ row: 3, column: '', message: '写入数据库失败：数据库拒绝了该行' }]);
      expect(await workerByIdNumber(id(723))).toBeUndefined();
      expect(await api.dataSource.query(`SELECT id FROM households WHERE registration_no = 'T622925090202'`)).toEqual([]);
      const [household] = await api.dataSource.query(`SELECT labourer_count, zero_employment FROM households WHERE registration_no = 'T622925090201'`);
      expect(household).toEqual({ labourer_count: 2, zero_employment: true });
    } finally {
      await api.dataSource.query('DROP TRIGGER refuse_bad_worker ON workers; DROP FUNCTION refuse_bad_worker()');
    }
  });

  it('a retried job resumes after the committed checkpoint, and still catches a repeat of a row before it', async () => {
    const rows = [
      ['丙一', id(751), '', '', '622925', '', '', '', '', '', '', '', '', '', ''],
      ['丙二', id(753), '', '', '622925', '', '', '', '', '', '', '', '', '', ''],
      ['丙三', id(755), '', '', '622925', '', '', '', '', '', '', '', '', '', ''],
      ['丙一又', id(751), '', '', '622925', '', '', '', '', '', '', '', '', '', ''],
    ];
    const file = csvFile(rows);
    const [{ id: importId }] = await api.dataSource.query(
      `INSERT INTO worker_imports (created_by, actor_role, actor_counties, file_name, format, encoding, file_size, file_sha256, file,
                                   status, total_rows, processed_rows)
       VALUES (gen_random_uuid(), 'broker', '{622925}', 'resume.csv', 'csv', 'utf-8', $1, 'x', $2, 'running', 4, 2) RETURNING id`,
      [file.length, file],
    );
    // As if an earlier attempt had committed the first two rows and then died.
    const outcome = await worker!.get(ImportRunner).run(importId);
    expect(outcome).toMatchObject({ status: 'completed', processedRows: 4, inserted: 1, failedRows: 1 });
    expect(await workerByIdNumber(id(751))).toBeUndefined(); // before the checkpoint: not written again
    expect(await workerByIdNumber(id(755))).toMatchObject({ name: '丙三' });
    const [error] = await api.dataSource.query('SELECT row_number, message FROM worker_import_errors WHERE import_id = $1', [importId]);
    expect(error).toEqual({ row_number: 5, message: '与第2行身份证号重复' });
    // A finished import is not run again.
    expect(await worker!.get(ImportRunner).run(importId)).toMatchObject({ status: 'completed', inserted: 1 });
  });

  it('a file without a required column fails at once with a clear message (no retries)', async () => {
    const res = await upload(broker, '缺列.csv', Buffer.from('姓名,手机号\n马德福,13909301001\n'));
    const done = await finished(res.body.id);
    expect(done).toMatchObject({ status: 'failed', error: '缺少必填列：身份证号、县代码（或“县”）。请下载导入模板核对表头（第1行）' });
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Import));
    for (let i = 0; i < 50 && (await queue.getJobState(res.body.id)) !== 'failed'; i++) await new Promise((r) => setTimeout(r, 100));
    const job = await queue.getJob(res.body.id);
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(1);
  });

  it('reads a GBK CSV (as Excel in China saves it) and the county by name', async () => {
    // 姓名,身份证号,县\r\n王春生,<id>,和政县\r\n — encoded by hand in GBK.
    const gbk = (s: string) => Buffer.from(new Uint8Array([...s].flatMap((ch) => GBK[ch] ?? [ch.charCodeAt(0)])));
    const GBK: Record<string, number[]> = {
      姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 身: [0xc9, 0xed], 份: [0xb7, 0xdd], 证: [0xd6, 0xa4], 号: [0xba, 0xc5], 县: [0xcf, 0xd8],
      王: [0xcd, 0xf5], 春: [0xb4, 0xba], 生: [0xc9, 0xfa], 和: [0xba, 0xcd], 政: [0xd5, 0xfe],
    };
    const body = gbk(`姓名,身份证号,县\r\n王春生,${id(731)},和政县\r\n`);
    expect(new TextDecoder('gb18030').decode(body)).toContain('王春生');
    const res = await upload(broker, 'gbk.csv', body);
    expect(res.status).toBe(202);
    const done = await finished(res.body.id);
    expect(done).toMatchObject({ status: 'completed', counts: { inserted: 1, failed: 0 } });
    expect(await workerByIdNumber(id(731))).toMatchObject({ name: '王春生', home_county_code: '622925' });
  });

  it('the first double-submitted import ran once; an import is visible to its creator, officers of its counties and admins only', async () => {
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM worker_imports WHERE file_name = '和政县名单.csv'`);
    expect(n).toBe(1);
    const officer = await bearer(api.url, 'officer_linxia');
    const otherBroker = await bearer(api.url, 'broker_enshi');
    expect((await request(api.url).get(`/api/workers/imports/${firstId}`).set('Authorization', officer)).status).toBe(200);
    expect((await request(api.url).get(`/api/workers/imports/${firstId}`).set('Authorization', admin)).status).toBe(200);
    expect((await request(api.url).get(`/api/workers/imports/${firstId}`).set('Authorization', otherBroker)).status).toBe(404);
    expect((await request(api.url).get(`/api/workers/imports/${firstId}/errors`).set('Authorization', otherBroker)).status).toBe(404);
    expect((await request(api.url).get('/api/workers/imports/not-a-uuid').set('Authorization', broker)).status).toBe(400);
  });

  it('the downloaded XLSX template imports as it is (its example row)', async () => {
    const xlsx = await request(api.url).get('/api/workers/imports/template?format=xlsx').set('Authorization', admin).buffer(true)
      .parse((r, cb) => { const parts: Buffer[] = []; r.on('data', (c: Buffer) => parts.push(c)); r.on('end', () => cb(null, Buffer.concat(parts))); });
    const done = await finished((await upload(admin, '模板.xlsx', xlsx.body as Buffer)).body.id, admin);
    expect(done).toMatchObject({ status: 'completed', progress: { done: 1, total: 1 }, errorCount: 0 });
    expect(done.counts.inserted + done.counts.updated + done.counts.unchanged).toBe(1);
  });
});
