import { MigrationInterface, QueryRunner } from "typeorm";

export class AddIdempotencyKeys1795661344611 implements MigrationInterface {
    name = 'AddIdempotencyKeys1795661344611'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "owner" character varying(64) NOT NULL,
                "key" character varying(128) NOT NULL,
                "method" character varying(8) NOT NULL,
                "path" character varying(300) NOT NULL,
                "request_hash" character(64) NOT NULL,
                "state" character varying(8) NOT NULL,
                "status_code" smallint,
                "response" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_f796aec32cfd80b443f883257a6" PRIMARY KEY ("owner", "key")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" ("created_at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."idempotency_keys_created_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
    }

}
