package io.gangway.spi.query;

/**
 * The built-in scalar operations a typed expression can call. The analyzer has resolved argument
 * types (after implicit casts the arguments of an arithmetic or comparison call share one type);
 * the executor implements each one for every type the analyzer lets through.
 */
public enum ScalarFunction {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), NEGATE("-"),
    EQUAL("="), NOT_EQUAL("<>"), LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="),
    AND("AND"), OR("OR"), NOT("NOT"), IS_NULL("IS NULL"), IS_NOT_NULL("IS NOT NULL"),
    LIKE("~~"), NOT_LIKE("!~~"), ILIKE("~~*"), NOT_ILIKE("!~~*"), CONCAT("||"),
    /** Conversion to the call's result type. */
    CAST("CAST"),
    COALESCE("COALESCE"), NULLIF("NULLIF"), ABS("abs"), ROUND("round"), UPPER("upper"), LOWER("lower"),
    LENGTH("length"), SUBSTRING("substring"), TRIM("btrim"),
    /** {@code EXTRACT(field FROM date)}: the first argument is a text constant naming the field. */
    EXTRACT("date_part");

    private final String symbol;

    ScalarFunction(String symbol) {
        this.symbol = symbol;
    }

    /** How EXPLAIN prints it: the operator symbol or the function name. */
    public String symbol() {
        return symbol;
    }

    public boolean isOperator() {
        return !Character.isLetter(symbol.charAt(0)) || this == AND || this == OR || this == NOT
                || this == IS_NULL || this == IS_NOT_NULL;
    }
}
