package io.gangway.engine.exec.expr;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The fields {@code EXTRACT(field FROM date)} knows, as PostgreSQL computes them for a date. */
public final class DateParts {
    private DateParts() {
    }

    /** The function computing {@code field} of a date; the field name is case-insensitive. */
    public static ToLongFunction<LocalDate> field(String field) {
        String name = field.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "year", "years" -> LocalDate::getYear;
            case "month", "months" -> LocalDate::getMonthValue;
            case "day", "days" -> LocalDate::getDayOfMonth;
            case "dow" -> d -> d.getDayOfWeek().getValue() % 7; // Sunday is 0
            case "isodow" -> d -> d.getDayOfWeek().getValue();
            case "doy" -> LocalDate::getDayOfYear;
            case "quarter" -> d -> (d.getMonthValue() - 1) / 3 + 1;
            case "week" -> d -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "isoyear" -> d -> d.get(IsoFields.WEEK_BASED_YEAR);
            case "decade" -> d -> Math.floorDiv(d.getYear(), 10);
            case "century" -> d -> d.getYear() > 0 ? (d.getYear() + 99) / 100 : -((99 - (d.getYear() - 1)) / 100);
            case "millennium" -> d -> d.getYear() > 0 ? (d.getYear() + 999) / 1000 : -((999 - (d.getYear() - 1)) / 1000);
            case "epoch" -> d -> d.toEpochDay() * 86_400L;
            case "hour", "hours", "minute", "minutes", "second", "seconds", "milliseconds", "microseconds",
                    "timezone", "timezone_hour", "timezone_minute" -> throw new SqlException(
                    SqlState.FEATURE_NOT_SUPPORTED, "unit \"" + name + "\" not supported for type date");
            default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + name + "\" not recognized for type date");
        };
    }
}
