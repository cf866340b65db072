import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { uploadFailed, uploadTooLarge } from './upload-check.js';

/**
 * Put before FileInterceptor: turns multer's English refusals (file too large, unexpected field, more than one file)
 * into the domain errors of the upload, so the client gets the common error body with a Chinese message.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((e: unknown) => {
        if (e instanceof PayloadTooLargeException) return throwError(() => uploadTooLarge());
        if (e instanceof BadRequestException && (e.cause as { code?: string } | undefined)?.code?.startsWith('LIMIT_')) {
          return throwError(() => uploadFailed('请用表单字段 file 上传一个文件'));
        }
        if (e instanceof BadRequestException && /multipart/i.test(e.message)) {
          return throwError(() => uploadFailed('上传的内容不完整，请重新上传'));
        }
        return throwError(() => e);
      }),
    );
  }
}
