import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * An entity from a raw row (`SELECT t.*`): each column's value converted by the driver as TypeORM's own loading
 * does (dates, arrays, transformers). For hot single-row reads where building the query and mapping its result
 * through the query builder costs more than PostgreSQL does. Relations are not loaded, `@AfterLoad` hooks do not
 * run, and `select: false` columns are set when the row has them.
 */
export function hydrate<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
