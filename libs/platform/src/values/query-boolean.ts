import { Transform } from 'class-transformer';

/** Query strings carry `true`/`false` as text; anything else stays as given so IsBoolean reports it. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
