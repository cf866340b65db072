// Retention summary (libs/followup/src/retention): one row per placement and one per dimension, key and placement day,
// kept in step by a fold from retention_changes, which triggers on applications and follow_ups append to in the
// writer's transaction (insert only, no lock on the summary). Every existing placement is queued for the first fold.
import { MigrationInterface, QueryRunner } from "typeorm";

const PLACEMENT = `('placed', 'arrived', 'left')`;
const CLASS_OF = (status: string) =>
    `CASE ${status} WHEN 'done' THEN 'done' WHEN 'overdue' THEN 'overdue' WHEN 'scheduled' THEN 'open' WHEN 'due' THEN 'open' END`;

export class AddRetentionSummary1795655257865 implements MigrationInterface {
    name = 'AddRetentionSummary1795655257865'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "retention_placements" (
                "placements" smallint NOT NULL DEFAULT '0',
                "arrived" smallint NOT NULL DEFAULT '0',
                "left_within_30" smallint NOT NULL DEFAULT '0',
                "left_within_90" smallint NOT NULL DEFAULT '0',
                "left_within_180" smallint NOT NULL DEFAULT '0',
                "done_within_3" smallint NOT NULL DEFAULT '0',
                "done_within_7" smallint NOT NULL DEFAULT '0',
                "done_within_30" smallint NOT NULL DEFAULT '0',
                "done_within_90" smallint NOT NULL DEFAULT '0',
                "done_within_180" smallint NOT NULL DEFAULT '0',
                "overdue_within_3" smallint NOT NULL DEFAULT '0',
                "overdue_within_7" smallint NOT NULL DEFAULT '0',
                "overdue_within_30" smallint NOT NULL DEFAULT '0',
                "overdue_within_90" smallint NOT NULL DEFAULT '0',
                "overdue_within_180" smallint NOT NULL DEFAULT '0',
                "open_within_3" smallint NOT NULL DEFAULT '0',
                "open_within_7" smallint NOT NULL DEFAULT '0',
                "open_within_30" smallint NOT NULL DEFAULT '0',
                "open_within_90" smallint NOT NULL DEFAULT '0',
                "open_within_180" smallint NOT NULL DEFAULT '0',
                "irregular" smallint NOT NULL DEFAULT '0',
                "application_id" uuid NOT NULL,
                "placed_on" date NOT NULL,
                "arrived_on" date,
                "employer_id" uuid NOT NULL,
                "broker_id" uuid,
                "origin_county" character(6) NOT NULL,
                "destination_county" character(6),
                "category" character varying(16) NOT NULL,
                CONSTRAINT "PK_6c0a2aafc5da3fdc0ff85433b8e" PRIMARY KEY ("application_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "retention_placements_irregular_idx" ON "retention_placements" ("placed_on")
            WHERE irregular > 0
        `);
        await queryRunner.query(`
            CREATE INDEX "retention_placements_employer_idx" ON "retention_placements" ("employer_id", "placed_on")
        `);
        await queryRunner.query(`
            CREATE INDEX "retention_placements_origin_idx" ON "retention_placements" (
                "origin_county", "placed_on", "employer_id", "broker_id", "destination_county", "category", "placements", "arrived", "left_within_30", "left_within_90", "left_within_180", "done_within_3", "done_within_7", "done_within_30", "done_within_90", "done_within_180", "overdue_within_3", "overdue_within_7", "overdue_within_30", "overdue_within_90", "overdue_within_180", "open_within_3", "open_within_7", "open_within_30", "open_within_90", "open_within_180"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "retention_daily" (
                "placements" integer NOT NULL DEFAULT '0',
                "arrived" integer NOT NULL DEFAULT '0',
                "left_within_30" integer NOT NULL DEFAULT '0',
                "left_within_90" integer NOT NULL DEFAULT '0',
                "left_within_180" integer NOT NULL DEFAULT '0',
                "done_within_3" integer NOT NULL DEFAULT '0',
                "done_within_7" integer NOT NULL DEFAULT '0',
                "done_within_30" integer NOT NULL DEFAULT '0',
                "done_within_90" integer NOT NULL DEFAULT '0',
                "done_within_180" integer NOT NULL DEFAULT '0',
                "overdue_within_3" integer NOT NULL DEFAULT '0',
                "overdue_within_7" integer NOT NULL DEFAULT '0',
                "overdue_within_30" integer NOT NULL DEFAULT '0',
                "overdue_within_90" integer NOT NULL DEFAULT '0',
                "overdue_within_180" integer NOT NULL DEFAULT '0',
                "open_within_3" integer NOT NULL DEFAULT '0',
                "open_within_7" integer NOT NULL DEFAULT '0',
                "open_within_30" integer NOT NULL DEFAULT '0',
                "open_within_90" integer NOT NULL DEFAULT '0',
                "open_within_180" integer NOT NULL DEFAULT '0',
                "irregular" integer NOT NULL DEFAULT '0',
                "dim" character varying(12) NOT NULL,
                "key" character varying(36) NOT NULL,
                "placed_on" date NOT NULL,
                CONSTRAINT "PK_70d04880951181951d2a85cbeba" PRIMARY KEY ("dim", "key", "placed_on")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "retention_changes" (
                "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                "application_id" uuid NOT NULL,
                "due_on" date,
                "status_class" character varying(8),
                "delta" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_dbec0871cd42ca95e17e7758d7d" PRIMARY KEY ("id")
            )
        `);
        // Follow-ups: +n / −n per placement, due day and class (done, overdue, open = scheduled or due; cancelled
        // counts nowhere). Old and new rows cancel out when the class stays the same (scheduled → due appends nothing).
        await queryRunner.query(`
            CREATE FUNCTION retention_follow_ups_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO retention_changes (application_id, due_on, status_class, delta)
                    SELECT application_id, due_on, status_class, count(*)
                      FROM (SELECT application_id, due_on, ${CLASS_OF('status')} AS status_class FROM new_rows) n
                     WHERE status_class IS NOT NULL
                     GROUP BY 1, 2, 3;
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO retention_changes (application_id, due_on, status_class, delta)
                    SELECT application_id, due_on, status_class, -count(*)
                      FROM (SELECT application_id, due_on, ${CLASS_OF('status')} AS status_class FROM old_rows) o
                     WHERE status_class IS NOT NULL
                     GROUP BY 1, 2, 3;
                ELSE
                    INSERT INTO retention_changes (application_id, due_on, status_class, delta)
                    SELECT application_id, due_on, status_class, sum(delta)
                      FROM (SELECT application_id, due_on, ${CLASS_OF('status')} AS status_class, -1 AS delta FROM old_rows
                            UNION ALL
                            SELECT application_id, due_on, ${CLASS_OF('status')}, 1 FROM new_rows) c
                     WHERE status_class IS NOT NULL
                     GROUP BY 1, 2, 3
                    HAVING sum(delta) <> 0;
                END IF;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER retention_follow_ups_inserted AFTER INSERT ON follow_ups
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_follow_ups_changed()
        `);
        await queryRunner.query(`
            CREATE TRIGGER retention_follow_ups_updated AFTER UPDATE ON follow_ups
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_follow_ups_changed()
        `);
        await queryRunner.query(`
            CREATE TRIGGER retention_follow_ups_deleted AFTER DELETE ON follow_ups
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_follow_ups_changed()
        `);
        // Applications: a placement that appears, goes, or changes what the reports read is recomputed by the fold.
        await queryRunner.query(`
            CREATE FUNCTION retention_applications_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO retention_changes (application_id) SELECT id FROM new_rows WHERE status IN ${PLACEMENT};
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO retention_changes (application_id) SELECT id FROM old_rows WHERE status IN ${PLACEMENT};
                ELSE
                    INSERT INTO retention_changes (application_id)
                    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                     WHERE (n.status IN ${PLACEMENT} OR o.status IN ${PLACEMENT})
                       AND (n.status, n.start_date, n.arrived_on, n.left_on, n.employer_id, n.created_by, n.worker_county_code, n.work_county_code, n.category)
                           IS DISTINCT FROM
                           (o.status, o.start_date, o.arrived_on, o.left_on, o.employer_id, o.created_by, o.worker_county_code, o.work_county_code, o.category);
                END IF;
                RETURN NULL;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER retention_applications_inserted AFTER INSERT ON applications
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_applications_changed()
        `);
        await queryRunner.query(`
            CREATE TRIGGER retention_applications_updated AFTER UPDATE ON applications
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_applications_changed()
        `);
        await queryRunner.query(`
            CREATE TRIGGER retention_applications_deleted AFTER DELETE ON applications
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retention_applications_changed()
        `);
        // The placements there are: summarised by the first fold.
        await queryRunner.query(`
            INSERT INTO retention_changes (application_id) SELECT id FROM applications WHERE status IN ${PLACEMENT}
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['applications', 'follow_ups']) {
            for (const event of ['inserted', 'updated', 'deleted']) {
                await queryRunner.query(`DROP TRIGGER "retention_${table}_${event}" ON "${table}"`);
            }
        }
        await queryRunner.query(`DROP FUNCTION retention_applications_changed()`);
        await queryRunner.query(`DROP FUNCTION retention_follow_ups_changed()`);
        await queryRunner.query(`
            DROP TABLE "retention_changes"
        `);
        await queryRunner.query(`
            DROP TABLE "retention_daily"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."retention_placements_origin_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."retention_placements_employer_idx"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."retention_placements_irregular_idx"
        `);
        await queryRunner.query(`
            DROP TABLE "retention_placements"
        `);
    }

}
