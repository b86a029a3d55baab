package io.gangway.server.pgwire;

/**
 * The message type bytes of protocol 3.0 and the codes of the untyped startup packets. Frontend and
 * backend messages reuse letters ({@code 'D'} is Describe from the client and DataRow from the
 * server), so each direction has its own constants.
 */
public final class PgMessageType {
    // Startup packets (no type byte; the first int32 after the length says what they are).
    /** Protocol 3.0 in a StartupMessage: major 3 in the high 16 bits, minor 0 in the low 16 bits. */
    public static final int PROTOCOL_3_0 = 196608;
    public static final int SSL_REQUEST_CODE = 80877103;
    public static final int GSSENC_REQUEST_CODE = 80877104;
    public static final int CANCEL_REQUEST_CODE = 80877102;

    // Frontend messages.
    public static final byte QUERY_REQUEST = 'Q';
    public static final byte PARSE_REQUEST = 'P';
    public static final byte BIND_REQUEST = 'B';
    public static final byte DESCRIBE_REQUEST = 'D';
    public static final byte EXECUTE_REQUEST = 'E';
    public static final byte SYNC_REQUEST = 'S';
    public static final byte FLUSH_REQUEST = 'H';
    public static final byte CLOSE_REQUEST = 'C';
    public static final byte TERMINATE_REQUEST = 'X';
    /** PasswordMessage, and also SASLInitialResponse, SASLResponse and GSSResponse. */
    public static final byte PASSWORD_REQUEST = 'p';
    public static final byte FUNCTION_CALL_REQUEST = 'F';
    public static final byte COPY_DATA = 'd';
    public static final byte COPY_DONE = 'c';
    public static final byte COPY_FAIL_REQUEST = 'f';

    // Backend messages.
    public static final byte AUTHENTICATION_RESPONSE = 'R';
    public static final byte PARAMETER_STATUS_RESPONSE = 'S';
    public static final byte BACKEND_KEY_DATA_RESPONSE = 'K';
    public static final byte READY_FOR_QUERY_RESPONSE = 'Z';
    public static final byte ROW_DESCRIPTION_RESPONSE = 'T';
    public static final byte DATA_ROW_RESPONSE = 'D';
    public static final byte COMMAND_COMPLETE_RESPONSE = 'C';
    public static final byte EMPTY_QUERY_RESPONSE = 'I';
    public static final byte ERROR_RESPONSE = 'E';
    public static final byte NOTICE_RESPONSE = 'N';
    public static final byte PARSE_COMPLETE_RESPONSE = '1';
    public static final byte BIND_COMPLETE_RESPONSE = '2';
    public static final byte CLOSE_COMPLETE_RESPONSE = '3';
    public static final byte NO_DATA_RESPONSE = 'n';
    public static final byte PARAMETER_DESCRIPTION_RESPONSE = 't';
    public static final byte PORTAL_SUSPENDED_RESPONSE = 's';
    public static final byte NEGOTIATE_PROTOCOL_VERSION_RESPONSE = 'v';

    // Sub-codes.
    public static final int AUTHENTICATION_OK = 0;
    public static final byte DESCRIBE_STATEMENT = 'S';
    public static final byte DESCRIBE_PORTAL = 'P';
    /** The one-byte answer to SSLRequest and GSSENCRequest: not supported, go on in clear text. */
    public static final byte ENCRYPTION_REFUSED = 'N';
    public static final short FORMAT_TEXT = 0;
    public static final short FORMAT_BINARY = 1;

    private PgMessageType() {
    }
}
