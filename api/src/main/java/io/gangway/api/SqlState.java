package io.gangway.api;

/**
 * The SQLSTATE codes Gangway reports, with PostgreSQL's condition names (Greenplum's own codes
 * where it has them). Every error that reaches a client carries one of these; the wire layer reads
 * it from {@link SqlException#state()} and never guesses it from an exception's class.
 */
public enum SqlState {
    SUCCESSFUL_COMPLETION("00000", "successful_completion"),
    WARNING("01000", "warning"),
    CONNECTION_EXCEPTION("08000", "connection_exception"),
    CONNECTION_FAILURE("08006", "connection_failure"),
    PROTOCOL_VIOLATION("08P01", "protocol_violation"),
    GP_INTERCONNECTION_ERROR("08M01", "gp_interconnection_error"),
    FEATURE_NOT_SUPPORTED("0A000", "feature_not_supported"),
    CARDINALITY_VIOLATION("21000", "cardinality_violation"),
    STRING_DATA_RIGHT_TRUNCATION("22001", "string_data_right_truncation"),
    NUMERIC_VALUE_OUT_OF_RANGE("22003", "numeric_value_out_of_range"),
    INVALID_DATETIME_FORMAT("22007", "invalid_datetime_format"),
    DATETIME_FIELD_OVERFLOW("22008", "datetime_field_overflow"),
    DIVISION_BY_ZERO("22012", "division_by_zero"),
    INVALID_PARAMETER_VALUE("22023", "invalid_parameter_value"),
    INVALID_ROW_COUNT_IN_LIMIT_CLAUSE("2201W", "invalid_row_count_in_limit_clause"),
    INVALID_TEXT_REPRESENTATION("22P02", "invalid_text_representation"),
    NOT_NULL_VIOLATION("23502", "not_null_violation"),
    ACTIVE_SQL_TRANSACTION("25001", "active_sql_transaction"),
    NO_ACTIVE_SQL_TRANSACTION("25P01", "no_active_sql_transaction"),
    IN_FAILED_SQL_TRANSACTION("25P02", "in_failed_sql_transaction"),
    INVALID_SQL_STATEMENT_NAME("26000", "invalid_sql_statement_name"),
    INVALID_AUTHORIZATION_SPECIFICATION("28000", "invalid_authorization_specification"),
    INVALID_PASSWORD("28P01", "invalid_password"),
    DEPENDENT_OBJECTS_STILL_EXIST("2BP01", "dependent_objects_still_exist"),
    INVALID_CURSOR_NAME("34000", "invalid_cursor_name"),
    SYNTAX_ERROR("42601", "syntax_error"),
    GROUPING_ERROR("42803", "grouping_error"),
    DATATYPE_MISMATCH("42804", "datatype_mismatch"),
    WRONG_OBJECT_TYPE("42809", "wrong_object_type"),
    CANNOT_COERCE("42846", "cannot_coerce"),
    UNDEFINED_FUNCTION("42883", "undefined_function"),
    UNDEFINED_COLUMN("42703", "undefined_column"),
    AMBIGUOUS_COLUMN("42702", "ambiguous_column"),
    UNDEFINED_OBJECT("42704", "undefined_object"),
    UNDEFINED_TABLE("42P01", "undefined_table"),
    UNDEFINED_PARAMETER("42P02", "undefined_parameter"),
    DUPLICATE_TABLE("42P07", "duplicate_table"),
    DUPLICATE_COLUMN("42701", "duplicate_column"),
    DUPLICATE_CURSOR("42P03", "duplicate_cursor"),
    DUPLICATE_OBJECT("42710", "duplicate_object"),
    INVALID_COLUMN_REFERENCE("42P10", "invalid_column_reference"),
    INVALID_TABLE_DEFINITION("42P16", "invalid_table_definition"),
    INSUFFICIENT_RESOURCES("53000", "insufficient_resources"),
    OUT_OF_MEMORY("53200", "out_of_memory"),
    OBJECT_NOT_IN_PREREQUISITE_STATE("55000", "object_not_in_prerequisite_state"),
    CANT_CHANGE_RUNTIME_PARAM("55P02", "cant_change_runtime_param"),
    QUERY_CANCELED("57014", "query_canceled"),
    ADMIN_SHUTDOWN("57P01", "admin_shutdown"),
    CANNOT_CONNECT_NOW("57P03", "cannot_connect_now"),
    IO_ERROR("58030", "io_error"),
    /** Greenplum: a gang could not be created ("failed to acquire resources on one or more segments"). */
    GP_SEGMENT_RESOURCES("58M01", "gp_segment_resources"),
    CONFIG_FILE_ERROR("F0000", "config_file_error"),
    INTERNAL_ERROR("XX000", "internal_error"),
    DATA_CORRUPTED("XX001", "data_corrupted");

    private final String code;
    private final String conditionName;

    SqlState(String code, String conditionName) {
        this.code = code;
        this.conditionName = conditionName;
    }

    /** The five-character SQLSTATE, as sent in the {@code C} field of an ErrorResponse. */
    public String code() {
        return code;
    }

    /** PostgreSQL's name for the condition, as used in PL/pgSQL exception handlers. */
    public String conditionName() {
        return conditionName;
    }

    /** The state with this code; {@link #INTERNAL_ERROR} for a code Gangway does not know. */
    public static SqlState fromCode(String code) {
        for (SqlState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        return INTERNAL_ERROR;
    }
}
