package io.gangway.api;

/**
 * The SQL types Gangway knows, with the Java class that holds a value of each and PostgreSQL's
 * type OID (what the wire protocol's RowDescription names).
 */
public enum TypeKind {
    /** {@code boolean}: {@link Boolean}. */
    BOOLEAN("boolean", 16, Boolean.class),
    /** {@code integer} (int4): {@link Integer}. */
    INTEGER("integer", 23, Integer.class),
    /** {@code bigint} (int8): {@link Long}. */
    BIGINT("bigint", 20, Long.class),
    /** {@code numeric(p, s)}: {@link java.math.BigDecimal}. */
    NUMERIC("numeric", 1700, java.math.BigDecimal.class),
    /** {@code double precision} (float8): {@link Double}. */
    DOUBLE("double precision", 701, Double.class),
    /** {@code text} and {@code varchar(n)}: {@link String}. */
    TEXT("text", 25, String.class),
    /** {@code date}: {@link java.time.LocalDate}. */
    DATE("date", 1082, java.time.LocalDate.class),
    /** The type of a quoted literal before context gives it one (PostgreSQL's {@code unknown}): {@link String}. */
    UNKNOWN("unknown", 705, String.class);

    private final String sqlName;
    private final int oid;
    private final Class<?> javaClass;

    TypeKind(String sqlName, int oid, Class<?> javaClass) {
        this.sqlName = sqlName;
        this.oid = oid;
        this.javaClass = javaClass;
    }

    public String sqlName() {
        return sqlName;
    }

    public int oid() {
        return oid;
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == BIGINT || this == NUMERIC || this == DOUBLE;
    }
}
