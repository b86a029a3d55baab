package io.gangway.spi.query;

/**
 * The built-in aggregates. Each can run in two stages (partial on segments, final after a motion):
 * {@code COUNT} partials are summed, {@code SUM}/{@code MIN}/{@code MAX} combine with themselves,
 * {@code AVG} carries a (sum, count) pair.
 */
public enum AggregateFunction {
    COUNT_STAR("count"), COUNT("count"), SUM("sum"), AVG("avg"), MIN("min"), MAX("max");

    private final String sqlName;

    AggregateFunction(String sqlName) {
        this.sqlName = sqlName;
    }

    public String sqlName() {
        return sqlName;
    }
}
