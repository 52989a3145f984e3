import { toSnakeCase } from '@subsquid/util-naming';
import { DefaultNamingStrategy } from 'typeorm';

/**
 * squid's table and column naming (snake_case of the schema's names, `<relation>_id` for relations), the
 * names the generated migrations, the API and squid tooling use. Written here on TypeORM's public naming
 * interface and util-naming's public toSnakeCase, rather than imported from a private `lib/` path of
 * @subsquid/typeorm-config.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy {
  override tableName(className: string, customName?: string): string {
    return customName || toSnakeCase(className);
  }

  override columnName(
    propertyName: string,
    customName: string | undefined,
    embeddedPrefixes: string[] = [],
  ): string {
    return toSnakeCase(embeddedPrefixes.join('_')) + (customName || toSnakeCase(propertyName));
  }

  override relationName(propertyName: string): string {
    return toSnakeCase(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return toSnakeCase(`${relationName}_${referencedColumnName}`);
  }

  override joinTableName(firstTableName: string, secondTableName: string): string {
    return toSnakeCase(`${firstTableName}_${secondTableName}`);
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return `${toSnakeCase(tableName)}_${columnName || toSnakeCase(propertyName)}`;
  }
}
