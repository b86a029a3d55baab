package io.gangway.engine.analyzer;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.ast.TypeName;
import java.util.List;

/** Maps a type as written ({@code int4}, {@code numeric(12,2)}, {@code varchar(10)}) to a {@link SqlType}. */
public final class TypeResolver {
    private TypeResolver() {
    }

    public static SqlType resolve(TypeName name) {
        List<Integer> mods = name.modifiers();
        return switch (name.name()) {
            case "int", "integer", "int4", "smallint", "int2", "serial" -> plain(name, SqlType.INTEGER);
            case "bigint", "int8", "bigserial" -> plain(name, SqlType.BIGINT);
            case "numeric", "decimal" -> switch (mods.size()) {
                case 0 -> SqlType.NUMERIC;
                case 1 -> SqlType.numeric(mods.get(0), 0);
                case 2 -> SqlType.numeric(mods.get(0), mods.get(1));
                default -> throw SqlException.at(SqlState.SYNTAX_ERROR, name.position(),
                        "invalid NUMERIC type modifier");
            };
            case "text" -> plain(name, SqlType.TEXT);
            case "varchar", "character varying", "char", "character", "bpchar" ->
                    mods.isEmpty() ? SqlType.TEXT : SqlType.varchar(mods.get(0));
            case "boolean", "bool" -> plain(name, SqlType.BOOLEAN);
            case "date" -> plain(name, SqlType.DATE);
            case "double precision", "float8", "float", "real", "float4" -> SqlType.DOUBLE;
            default -> throw SqlException.at(SqlState.UNDEFINED_OBJECT, name.position(),
                    "type \"" + name.name() + "\" does not exist");
        };
    }

    private static SqlType plain(TypeName name, SqlType type) {
        if (!name.modifiers().isEmpty()) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, name.position(),
                    "type modifier is not allowed for type \"" + type.kind().sqlName() + "\"");
        }
        return type;
    }
}
