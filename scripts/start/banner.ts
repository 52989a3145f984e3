/** What `npm start` prints once everything answers, and again on request: where to go. */
export function bannerLines(r: {
  explorerUrl: string | undefined;
  graphqlUrl: string;
  rpcUrl: string;
  databaseUrl: string;
}): string[] {
  const line = '─'.repeat(64);
  return [
    line,
    `  Explorer   ${r.explorerUrl ?? '(not started: --no-explorer)'}`,
    `  GraphQL    ${r.graphqlUrl}`,
    `  Chain RPC  ${r.rpcUrl}`,
    `  Postgres   ${r.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
    '  Ctrl-C stops everything; npm start again resumes where it stopped.',
    '  Enter (or kill -USR1 <pid>) prints this again.',
    line,
  ];
}
