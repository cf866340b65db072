// Applications (the placement pipeline), its events, subsidy claims and offer batches; in-app inbox and the SMS outbox.
import { MigrationInterface, QueryRunner } from "typeorm";

export class AddApplicationsAndNotifications1795650214249 implements MigrationInterface {
    name = 'AddApplicationsAndNotifications1795650214249'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "applications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "job_order_id" uuid NOT NULL,
                "worker_id" uuid NOT NULL,
                "employer_id" uuid NOT NULL,
                "worker_county_code" character(6) NOT NULL,
                "category" character varying(16) NOT NULL,
                "status" character varying(12) NOT NULL,
                "channel" character varying(10) NOT NULL,
                "consent_method" character varying(10),
                "consent_note" character varying(200) NOT NULL DEFAULT '',
                "consent_at" TIMESTAMP WITH TIME ZONE,
                "reason" character varying(200) NOT NULL DEFAULT '',
                "offer_score" smallint,
                "offered_at" TIMESTAMP WITH TIME ZONE,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "start_date" date,
                "arrived_on" date,
                "left_on" date,
                "created_by" uuid,
                "version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "applications_channel_check" CHECK (channel IN ('worker', 'broker', 'employer')),
                CONSTRAINT "applications_status_check" CHECK (
                    status IN (
                        'applied',
                        'screening',
                        'offered',
                        'accepted',
                        'placed',
                        'arrived',
                        'left',
                        'declined',
                        'withdrawn',
                        'rejected'
                    )
                ),
                CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "applications_employer_status_idx" ON "applications" ("employer_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "applications_county_status_idx" ON "applications" ("worker_county_code", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "applications_worker_idx" ON "applications" ("worker_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "applications_order_status_idx" ON "applications" ("job_order_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "applications_one_active_placement" ON "applications" ("worker_id")
            WHERE status IN ('accepted', 'placed', 'arrived')
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "applications_one_open_per_order" ON "applications" ("job_order_id", "worker_id")
            WHERE status IN (
                    'applied',
                    'screening',
                    'offered',
                    'accepted',
                    'placed',
                    'arrived'
                )
        `);
        await queryRunner.query(`
            CREATE TABLE "application_events" (
                "id" BIGSERIAL NOT NULL,
                "application_id" uuid NOT NULL,
                "from_status" character varying(12),
                "to_status" character varying(12) NOT NULL,
                "actor_id" uuid,
                "actor_role" character varying(12) NOT NULL,
                "reason" character varying(200) NOT NULL DEFAULT '',
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fd185969787381d8bf8c529bc00" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "application_events_application_idx" ON "application_events" ("application_id", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "offer_batches" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_by" uuid NOT NULL,
                "idempotency_key" character varying(64) NOT NULL,
                "job_order_id" uuid NOT NULL,
                "request_hash" character varying(64) NOT NULL,
                "result" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_31ffb010f0cf738b598ec3b6055" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "offer_batches_key_idx" ON "offer_batches" ("created_by", "idempotency_key")
        `);
        await queryRunner.query(`
            CREATE TABLE "subsidy_claims" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "amount" integer NOT NULL,
                "note" character varying(200) NOT NULL DEFAULT '',
                "claimed_by" uuid NOT NULL,
                "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "subsidy_claims_amount_check" CHECK (amount >= 0),
                CONSTRAINT "subsidy_claims_kind_check" CHECK (
                    kind IN (
                        'one_off_hiring',
                        'on_job_training',
                        'transport',
                        'social_insurance'
                    )
                ),
                CONSTRAINT "PK_1cd0e7898bec3390387d9dff96f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "subsidy_claims_one_per_kind" ON "subsidy_claims" ("application_id", "kind")
        `);
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "dedupe_key" character varying(160) NOT NULL,
                "template" character varying(40) NOT NULL,
                "title" character varying(60) NOT NULL,
                "body" character varying(500) NOT NULL,
                "link" character varying(200) NOT NULL DEFAULT '',
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_1ce34a3c9fd97cd56bcb734ca9" ON "notifications" ("dedupe_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "notifications_unread_idx" ON "notifications" ("user_id")
            WHERE read_at IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "notifications_inbox_idx" ON "notifications" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "sms_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "dedupe_key" character varying(160) NOT NULL,
                "user_id" uuid,
                "worker_id" uuid,
                "mobile_encrypted" text NOT NULL,
                "mobile_masked" character varying(11) NOT NULL,
                "template" character varying(40) NOT NULL,
                "params" jsonb NOT NULL DEFAULT '{}',
                "body" character varying(500) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "attempts" smallint NOT NULL DEFAULT '0',
                "provider" character varying(20),
                "provider_message_id" character varying(64),
                "error" character varying(300) NOT NULL DEFAULT '',
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "sms_messages_status_check" CHECK (
                    status IN ('pending', 'sending', 'sent', 'failed', 'unknown')
                ),
                CONSTRAINT "PK_6d4cfef86e93e3fde23954d11bc" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8825ddb371527fff5f940f3bc6" ON "sms_messages" ("dedupe_key")
        `);
        await queryRunner.query(`
            CREATE INDEX "sms_messages_status_idx" ON "sms_messages" ("status", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "applications"
            ADD CONSTRAINT "FK_b1e7d11c89e4ca21bb8a5e46742" FOREIGN KEY ("job_order_id") REFERENCES "job_orders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "applications"
            ADD CONSTRAINT "FK_a50f65472e70199f7cdecca3a65" FOREIGN KEY ("worker_id") REFERENCES "workers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "application_events"
            ADD CONSTRAINT "FK_58159d663fba2a48144c5ed3f4d" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "subsidy_claims"
            ADD CONSTRAINT "FK_0d2a1d2d86a10073d4a77d94f5b" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "subsidy_claims" DROP CONSTRAINT "FK_0d2a1d2d86a10073d4a77d94f5b"
        `);
        await queryRunner.query(`
            ALTER TABLE "application_events" DROP CONSTRAINT "FK_58159d663fba2a48144c5ed3f4d"
        `);
        await queryRunner.query(`
            ALTER TABLE "applications" DROP CONSTRAINT "FK_a50f65472e70199f7cdecca3a65"
        `);
        await queryRunner.query(`
            ALTER TABLE "applications" DROP CONSTRAINT "FK_b1e7d11c89e4ca21bb8a5e46742"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."sms_messages_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8825ddb371527fff5f940f3bc6"
        `);
        await queryRunner.query(`
            DROP TABLE "sms_messages"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notifications_inbox_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."notifications_unread_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1ce34a3c9fd97cd56bcb734ca9"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."subsidy_claims_one_per_kind"
        `);
        await queryRunner.query(`
            DROP TABLE "subsidy_claims"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."offer_batches_key_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "offer_batches"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."application_events_application_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "application_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."applications_one_open_per_order"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."applications_one_active_placement"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."applications_order_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."applications_worker_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."applications_county_status_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."applications_employer_status_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "applications"
        `);
    }

}
