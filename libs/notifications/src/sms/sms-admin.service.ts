import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SmsPageDto, SmsQueryDto } from '../dto/sms-message.dto.js';
import { SmsMessage } from '../entities/sms-message.entity.js';
import { toSmsMessageDto } from './sms-message.mapper.js';

/** The SMS outbox as admins see it (with the dev provider, the sink of everything that would have been sent). */
@Injectable()
export class SmsAdminService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first; served by sms_messages (status, created_at) when filtered by status. */
  async list(query: SmsQueryDto): Promise<SmsPageDto> {
    const [rows, total] = await this.dataSource.getRepository(SmsMessage).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toSmsMessageDto), total, page: query.page, pageSize: query.pageSize };
  }
}
