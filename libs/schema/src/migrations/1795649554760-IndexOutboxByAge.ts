import { MigrationInterface, QueryRunner } from "typeorm";

export class IndexOutboxByAge1795649554760 implements MigrationInterface {
    name = 'IndexOutboxByAge1795649554760'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "outbox_events_created_at_idx" ON "outbox_events" ("created_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."outbox_events_created_at_idx"
        `);
    }

}
