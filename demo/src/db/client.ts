export interface Row {
  id: string;
  amount: number;
}

export function query(sql: string, params: unknown[]): Row[] {
  return params.length > 0 && sql.length > 0 ? [] : [];
}
