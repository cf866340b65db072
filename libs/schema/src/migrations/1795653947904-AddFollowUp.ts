// Follow-up: scheduled follow-ups per placement, visit records, cases; applications keep the order's work county.
import { MigrationInterface, QueryRunner } from "typeorm";

export class AddFollowUp1795653947904 implements MigrationInterface {
    name = 'AddFollowUp1795653947904'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "follow_ups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "worker_id" uuid NOT NULL,
                "county_code" character(6) NOT NULL,
                "broker_id" uuid,
                "programme" character varying(24) NOT NULL DEFAULT 'default',
                "day_offset" smallint NOT NULL,
                "due_on" date NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'scheduled',
                "promoted_at" TIMESTAMP WITH TIME ZONE,
                "overdue_at" TIMESTAMP WITH TIME ZONE,
                "escalated_at" TIMESTAMP WITH TIME ZONE,
                "done_at" TIMESTAMP WITH TIME ZONE,
                "visit_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "follow_ups_status_check" CHECK (
                    status IN ('scheduled', 'due', 'done', 'overdue', 'cancelled')
                ),
                CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "follow_ups_county_idx" ON "follow_ups" ("county_code", "status", "due_on")
        `);
        await queryRunner.query(`
            CREATE INDEX "follow_ups_broker_idx" ON "follow_ups" ("broker_id", "status", "due_on")
        `);
        await queryRunner.query(`
            CREATE INDEX "follow_ups_scan_idx" ON "follow_ups" ("status", "due_on")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "follow_ups_one_per_day" ON "follow_ups" ("application_id", "day_offset")
        `);
        await queryRunner.query(`
            CREATE TABLE "follow_up_visits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "worker_id" uuid NOT NULL,
                "follow_up_id" uuid,
                "channel" character varying(16) NOT NULL,
                "still_employed" boolean NOT NULL,
                "wage_paid_on_time" boolean,
                "monthly_wage" integer,
                "hours_per_week" smallint,
                "housing_ok" boolean,
                "food_ok" boolean,
                "problems" text array NOT NULL DEFAULT '{}',
                "intent_to_leave" boolean NOT NULL DEFAULT false,
                "needs_help" boolean NOT NULL DEFAULT false,
                "notes" character varying(1000) NOT NULL DEFAULT '',
                "recorded_by" uuid NOT NULL,
                "visited_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "follow_up_visits_channel_check" CHECK (
                    channel IN ('phone', 'wechat', 'in_person', 'self_check_in')
                ),
                CONSTRAINT "PK_e908bf6d01f19c23ac1e467deb1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "follow_up_visits_application_idx" ON "follow_up_visits" ("application_id", "visited_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "follow_up_cases" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "application_id" uuid NOT NULL,
                "worker_id" uuid NOT NULL,
                "county_code" character(6) NOT NULL,
                "owner_id" uuid,
                "reasons" text array NOT NULL,
                "status" character varying(8) NOT NULL DEFAULT 'open',
                "due_on" date NOT NULL,
                "outcome" character varying(12),
                "outcome_note" character varying(500) NOT NULL DEFAULT '',
                "new_application_id" uuid,
                "opened_by" uuid,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "follow_up_cases_outcome_check" CHECK (
                    outcome IS NULL
                    OR outcome IN ('resolved', 'changed_job', 'left_home')
                ),
                CONSTRAINT "follow_up_cases_status_check" CHECK (status IN ('open', 'closed')),
                CONSTRAINT "PK_fbfebd3a78967400a2874495411" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "follow_up_cases_county_idx" ON "follow_up_cases" ("county_code", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "follow_up_cases_owner_idx" ON "follow_up_cases" ("owner_id", "status", "due_on")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "follow_up_cases_one_open" ON "follow_up_cases" ("application_id")
            WHERE status = 'open'
        `);
        await queryRunner.query(`
            ALTER TABLE "applications"
            ADD "work_county_code" character(6)
        `);
        // Existing applications take their order's work county.
        await queryRunner.query(`
            UPDATE "applications" a SET "work_county_code" = j."work_county_code" FROM "job_orders" j WHERE j."id" = a."job_order_id"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "applications" DROP COLUMN "work_county_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."follow_up_cases_one_open"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."follow_up_cases_owner_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."follow_up_cases_county_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "follow_up_cases"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."follow_up_visits_application_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "follow_up_visits"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."follow_ups_one_per_day"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."follow_ups_scan_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."follow_ups_broker_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."follow_ups_county_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "follow_ups"
        `);
    }

}
