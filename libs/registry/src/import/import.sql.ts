/**
 * The SQL of one import batch, kept in one place so reviewers see what runs (the import bench measures these).
 * Every statement takes a whole batch as one JSON parameter (json_to_recordset): one round trip per statement,
 * not per row. Indexes that serve them: households.registration_no (unique), workers.id_number_hash (unique),
 * workers.household_id, worker_import_errors (import_id, row_number).
 */

/**
 * New households of the batch, in registration_no order (a fixed order, so two imports cannot deadlock), with
 * their counts (all their members are in the batch); RETURNING tells which ones this batch created.
 */
export const INSERT_HOUSEHOLDS = `
INSERT INTO households (registration_no, county_code, township, village, registered_poor,
                        labourer_count, employed_count, zero_employment, version)
SELECT v.registration_no, v.county_code, v.township, v.village, v.registered_poor,
       v.labourer_count, v.employed_count, v.zero_employment, 1
  FROM json_to_recordset($1::json) AS v(registration_no varchar, county_code char(6), township varchar, village varchar,
       registered_poor boolean, labourer_count smallint, employed_count smallint, zero_employment boolean)
 ORDER BY v.registration_no
ON CONFLICT (registration_no) DO NOTHING
RETURNING registration_no`;

/** Which of the batch's ID numbers are registered already: their county, fingerprint and household (to lock first). */
export const PEEK_WORKERS = `
SELECT id_number_hash, household_id, home_county_code, import_hash FROM workers WHERE id_number_hash = ANY($1::varchar[])`;

/**
 * Locks the batch's households (by 户编号, and the current households of existing workers) in id order, the order
 * lockHouseholds uses, before any worker row: the lock order of every member change in the registry.
 */
export const LOCK_HOUSEHOLDS = `
SELECT id, registration_no, county_code FROM households
 WHERE registration_no = ANY($1::varchar[]) OR id = ANY($2::uuid[])
 ORDER BY id FOR UPDATE`;

/** The existing workers the batch changes, locked, with what the import compares and merges. */
export const LOCK_WORKERS = `
SELECT id, id_number_hash, name, household_id, home_county_code, township, village, registered_poor, education,
       skills, skills_note, wish_categories, min_monthly_wage, wants_to_move, wants_training, wants_business,
       available_from::text AS available_from, employment_status, emergency_contact_name,
       emergency_contact_mobile_encrypted, mobile_hash, mobile_encrypted, mobile_masked, mobile_verified_at, import_hash
  FROM workers WHERE id_number_hash = ANY($1::varchar[])
 ORDER BY id FOR UPDATE`;

const WORKER_RECORD = `
  id uuid, name varchar, household_id uuid, home_county_code char(6), township varchar, village varchar,
  registered_poor boolean, education varchar, skills text[], skills_note varchar, wish_categories text[],
  min_monthly_wage int, wants_to_move boolean, wants_training boolean, wants_business boolean, available_from date,
  employment_status varchar, emergency_contact_name varchar, emergency_contact_mobile_encrypted text,
  mobile_hash varchar, mobile_encrypted text, mobile_masked varchar, mobile_verified_at timestamptz,
  completeness smallint, missing_fields text[], import_hash varchar`;

/**
 * New workers (ids from the column default), their first status row, and their announcement to the search index
 * (outbox, same transaction), in one statement. $2 = the importer, $3 = the note of the status row, $4 = the topic.
 */
export const INSERT_WORKERS = `
WITH v AS (
  SELECT * FROM json_to_recordset($1::json) AS v(${WORKER_RECORD},
    id_number_hash varchar, id_number_encrypted text, id_number_masked varchar, birth_date date, sex char(1), id_region_code char(6))
), inserted AS (
  INSERT INTO workers (name, household_id, id_number_hash, id_number_encrypted, id_number_masked, birth_date, sex,
                       id_region_code, mobile_hash, mobile_encrypted, mobile_masked, home_county_code, township, village,
                       registered_poor, education, skills, skills_note, wish_categories, min_monthly_wage, wants_to_move,
                       wants_training, wants_business, available_from, employment_status, status_changed_at,
                       emergency_contact_name, emergency_contact_mobile_encrypted, completeness, missing_fields,
                       import_hash, source, created_by, version)
  SELECT name, household_id, id_number_hash, id_number_encrypted, id_number_masked, birth_date, sex,
         id_region_code, mobile_hash, mobile_encrypted, mobile_masked, home_county_code, township, village,
         registered_poor, education, skills, skills_note, wish_categories, min_monthly_wage, wants_to_move,
         wants_training, wants_business, available_from, employment_status, now(),
         emergency_contact_name, emergency_contact_mobile_encrypted, completeness, missing_fields,
         import_hash, 'import', $2::uuid, 1
    FROM v
  RETURNING id, employment_status
), history AS (
  INSERT INTO worker_status_changes (worker_id, from_status, to_status, changed_by, source, note)
  SELECT id, NULL, employment_status, $2::uuid, 'import', $3 FROM inserted
)
INSERT INTO outbox_events (topic, key) SELECT $4, id::text FROM inserted`;

/**
 * Changed workers (all merged values from the row), a status row for each whose status changed, and the changed
 * ones announced to the search index. Rows with `changed` false only get the new fingerprint: no version bump,
 * no updated_at, no announcement.
 */
export const UPDATE_WORKERS = `
WITH v AS (
  SELECT * FROM json_to_recordset($1::json) AS v(${WORKER_RECORD}, changed boolean, from_status varchar)
), updated AS (
  UPDATE workers w SET
    name = v.name, household_id = v.household_id, home_county_code = v.home_county_code, township = v.township,
    village = v.village, registered_poor = v.registered_poor, education = v.education, skills = v.skills,
    skills_note = v.skills_note, wish_categories = v.wish_categories, min_monthly_wage = v.min_monthly_wage,
    wants_to_move = v.wants_to_move, wants_training = v.wants_training, wants_business = v.wants_business,
    available_from = v.available_from, employment_status = v.employment_status,
    status_changed_at = CASE WHEN v.employment_status <> v.from_status THEN now() ELSE w.status_changed_at END,
    emergency_contact_name = v.emergency_contact_name,
    emergency_contact_mobile_encrypted = v.emergency_contact_mobile_encrypted, mobile_hash = v.mobile_hash,
    mobile_encrypted = v.mobile_encrypted, mobile_masked = v.mobile_masked, mobile_verified_at = v.mobile_verified_at,
    completeness = v.completeness, missing_fields = v.missing_fields, import_hash = v.import_hash,
    version = CASE WHEN v.changed THEN w.version + 1 ELSE w.version END,
    updated_at = CASE WHEN v.changed THEN now() ELSE w.updated_at END
  FROM v WHERE w.id = v.id
  RETURNING w.id, v.changed, v.from_status, w.employment_status
), history AS (
  INSERT INTO worker_status_changes (worker_id, from_status, to_status, changed_by, source, note)
  SELECT id, from_status, employment_status, $2::uuid, 'import', $3 FROM updated WHERE employment_status <> from_status
)
INSERT INTO outbox_events (topic, key) SELECT $4, id::text FROM updated WHERE changed`;

/** The other members of households whose counts moved (their zero-employment flag is indexed too), announced. */
export const ANNOUNCE_HOUSEHOLDS = `
INSERT INTO outbox_events (topic, key) SELECT $2, id::text FROM workers WHERE household_id = ANY($1::uuid[])`;

/** The checkpoint: counters and processed rows, committed with the batch they count. */
export const ADVANCE_IMPORT = `
UPDATE worker_imports
   SET processed_rows = $2, inserted = inserted + $3, updated = updated + $4, unchanged = unchanged + $5,
       failed_rows = failed_rows + $6, error_count = error_count + $7, updated_at = now()
 WHERE id = $1`;

export const INSERT_ERRORS = `
INSERT INTO worker_import_errors (import_id, row_number, column_name, message)
SELECT $1::uuid, v.row_number, v.column_name, left(v.message, 300)
  FROM json_to_recordset($2::json) AS v(row_number int, column_name varchar, message text)`;

/** One slice of the stored upload (1-based offset): the file is read in slices, never into one string. */
export const READ_FILE_SLICE = `SELECT substring(file FROM $2 FOR $3) AS chunk FROM worker_imports WHERE id = $1`;
