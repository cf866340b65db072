import type pg from 'pg';

/**
 * `COPY … FROM STDIN` with the plain pg client (pg-copy-streams is not a dependency): a query object pg accepts
 * (`submit`/`handle*`) that answers the server's CopyInResponse with the data and CopyDone. Resolves to the row count.
 */
export function copyFromStdin(client: pg.Client, sql: string, chunks: Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let error: Error | undefined;
    type Connection = { query(text: string): void; sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void };
    const submittable = {
      submit: (connection: Connection) => connection.query(sql),
      handleCopyInResponse: (connection: Connection) => {
        for (const chunk of chunks) connection.sendCopyFromChunk(chunk);
        connection.endCopyFrom();
      },
      handleCommandComplete: (msg: { text: string }) => {
        rows = Number(msg.text.split(' ').pop());
      },
      handleError: (e: Error) => {
        error = e;
      },
      handleReadyForQuery: () => (error ? reject(error) : resolve(rows)),
      handleRowDescription: () => undefined,
      handleDataRow: () => undefined,
      handleEmptyQuery: () => undefined,
      handlePortalSuspended: () => undefined,
      handleCopyData: () => undefined,
    };
    void client.query(submittable as unknown as pg.QueryConfig);
  });
}
