import { MigrationInterface, QueryRunner } from "typeorm";

export class IndexWorkersByStatusChange1795663943920 implements MigrationInterface {
    name = 'IndexWorkersByStatusChange1795663943920'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "workers_county_status_changed_idx" ON "workers" ("home_county_code", "status_changed_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."workers_county_status_changed_idx"
        `);
    }

}
