import { ArgumentMetadata, Injectable, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedError } from './domain-error.js';

const HAN = /[\u4e00-\u9fff]/;

/** Chinese wording for class-validator's built-in constraints when a DTO gives no message of its own. */
const GENERIC: Record<string, (english: string) => string> = {
  whitelistValidation: () => '不允许提交此字段',
  isDefined: () => '必填',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是文本',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isEnum: (m) => `取值无效${tail(m)}`,
  isIn: (m) => `取值无效${tail(m)}`,
  isUuid: () => '必须是有效的编号（UUID）',
  isUUID: () => '必须是有效的编号（UUID）',
  isDateString: () => '必须是日期，例如 2026-03-01',
  isISO8601: () => '必须是日期，例如 2026-03-01',
  isArray: () => '必须是列表',
  isObject: () => '必须是对象',
  isEmail: () => '邮箱格式不正确',
  min: (m) => `不能小于 ${num(m)}`,
  max: (m) => `不能大于 ${num(m)}`,
  minLength: (m) => `长度不能少于 ${num(m)} 个字符`,
  maxLength: (m) => `长度不能超过 ${num(m)} 个字符`,
  arrayMaxSize: (m) => `最多 ${num(m)} 项`,
  arrayMinSize: (m) => `至少 ${num(m)} 项`,
  matches: () => '格式不正确',
  nestedValidation: () => '格式不正确',
};

function num(message: string): string {
  return message.match(/-?\d+(\.\d+)?/)?.[0] ?? '';
}
function tail(message: string): string {
  const values = message.match(/: (.+)$/)?.[1];
  return values ? `，可选：${values}` : '';
}

/** Flattens nested class-validator errors into `a.b[0].c` field paths with Chinese messages. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = parent ? (isIndex ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    // One message per field: what a form shows under the input. class-validator lists constraints from the
    // bottom decorator up, so the last one is the rule written first (type and emptiness checks come first).
    const [constraint, message] = Object.entries(error.constraints ?? {}).at(-1) ?? [];
    if (constraint && message) {
      const translate = GENERIC[constraint];
      out.push({ field, message: HAN.test(message) || !translate ? message : translate(message) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** The one validation pipe: strips nothing silently — unknown fields are refused (no mass assignment). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}

/** NUL and other C0 controls (tab, newline and carriage return allowed), DEL, lone UTF-16 surrogates, U+FFFD. */
const UNSAFE_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses text that is not text: control characters, halves of a surrogate pair (invalid Unicode), and the
 * replacement character U+FFFD (what invalid UTF-8 bytes decode to). Runs before validation on body, query and
 * route parameters, naming every field it refuses, so nothing of the kind reaches a service or the database.
 */
@Injectable()
export class TextSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const fields: FieldError[] = [];
    walk(value, metadata.type === 'param' ? (metadata.data ?? '') : '', fields, 0);
    if (fields.length) throw new ValidationFailedError(fields);
    return value;
  }
}

function walk(value: unknown, path: string, out: FieldError[], depth: number): void {
  if (typeof value === 'string') {
    if (UNSAFE_TEXT.test(value)) out.push({ field: path || 'body', message: '含有无效字符（控制符或乱码），请删除后重新输入' });
    return;
  }
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, out, depth + 1));
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (UNSAFE_TEXT.test(k)) out.push({ field: path || 'body', message: '字段名含有无效字符' });
    walk(v, path ? `${path}.${k}` : k, out, depth + 1);
  }
}
