package io.gangway.server.pgwire;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Encodes {@link BackendMessage}s, one method per message. Every typed message is
 * {@code byte type, int32 length (itself included), body}. The static methods are also what
 * {@link BackendWriter} uses to encode DataRows straight from result batches.
 */
final class PgMessageEncoder extends MessageToByteEncoder<BackendMessage> {
    PgMessageEncoder() {
        super(BackendMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, BackendMessage message, ByteBuf out) {
        encode(message, out);
    }

    static void encode(BackendMessage message, ByteBuf out) {
        switch (message) {
            case BackendMessage.EncryptionResponse m -> out.writeByte(m.answer());
            case BackendMessage.AuthenticationOk _ -> authenticationOk(out);
            case BackendMessage.NegotiateProtocolVersion m -> negotiateProtocolVersion(out, m);
            case BackendMessage.ParameterStatus m -> parameterStatus(out, m.name(), m.value());
            case BackendMessage.BackendKeyData m -> backendKeyData(out, m.processId(), m.secret());
            case BackendMessage.ReadyForQuery m -> readyForQuery(out, m.transactionStatus());
            case BackendMessage.RowDescription m -> rowDescription(out, m.columns(), m.formats());
            case BackendMessage.DataRow m -> dataRow(out, m);
            case BackendMessage.CommandComplete m -> commandComplete(out, m.tag());
            case BackendMessage.EmptyQueryResponse _ -> empty(out, PgMessageType.EMPTY_QUERY_RESPONSE);
            case BackendMessage.ErrorResponse m -> errorResponse(out, m);
            case BackendMessage.NoticeResponse m -> noticeResponse(out, m);
            case BackendMessage.ParseComplete _ -> empty(out, PgMessageType.PARSE_COMPLETE_RESPONSE);
            case BackendMessage.BindComplete _ -> empty(out, PgMessageType.BIND_COMPLETE_RESPONSE);
            case BackendMessage.CloseComplete _ -> empty(out, PgMessageType.CLOSE_COMPLETE_RESPONSE);
            case BackendMessage.NoData _ -> empty(out, PgMessageType.NO_DATA_RESPONSE);
            case BackendMessage.ParameterDescription m -> parameterDescription(out, m.typeOids());
            case BackendMessage.PortalSuspended _ -> empty(out, PgMessageType.PORTAL_SUSPENDED_RESPONSE);
        }
    }

    static void authenticationOk(ByteBuf out) {
        out.writeByte(PgMessageType.AUTHENTICATION_RESPONSE);
        out.writeInt(8);
        out.writeInt(PgMessageType.AUTHENTICATION_OK);
    }

    static void negotiateProtocolVersion(ByteBuf out, BackendMessage.NegotiateProtocolVersion m) {
        int start = begin(out, PgMessageType.NEGOTIATE_PROTOCOL_VERSION_RESPONSE);
        out.writeInt(m.newestMinorVersion());
        out.writeInt(m.unrecognizedOptions().size());
        for (String option : m.unrecognizedOptions()) {
            writeString(out, option);
        }
        end(out, start);
    }

    static void parameterStatus(ByteBuf out, String name, String value) {
        int start = begin(out, PgMessageType.PARAMETER_STATUS_RESPONSE);
        writeString(out, name);
        writeString(out, value);
        end(out, start);
    }

    static void backendKeyData(ByteBuf out, int processId, int secret) {
        out.writeByte(PgMessageType.BACKEND_KEY_DATA_RESPONSE);
        out.writeInt(12);
        out.writeInt(processId);
        out.writeInt(secret);
    }

    static void readyForQuery(ByteBuf out, char transactionStatus) {
        out.writeByte(PgMessageType.READY_FOR_QUERY_RESPONSE);
        out.writeInt(5);
        out.writeByte(transactionStatus);
    }

    static void rowDescription(ByteBuf out, List<Column> columns, FormatCodes formats) {
        int start = begin(out, PgMessageType.ROW_DESCRIPTION_RESPONSE);
        out.writeShort(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            SqlType type = column.type();
            writeString(out, column.name());
            out.writeInt(0); // table OID: results are not traced back to table columns
            out.writeShort(0); // attribute number
            out.writeInt(type.oid());
            out.writeShort(type.wireSize());
            out.writeInt(type.typeModifier());
            out.writeShort(formats.of(i));
        }
        end(out, start);
    }

    static void dataRow(ByteBuf out, BackendMessage.DataRow row) {
        int start = begin(out, PgMessageType.DATA_ROW_RESPONSE);
        out.writeShort(row.values().size());
        for (int c = 0; c < row.values().size(); c++) {
            PgValueCodec.writeValue(out, row.types().get(c), row.values().get(c), row.formats().of(c));
        }
        end(out, start);
    }

    /** A DataRow of row {@code row} of a batch, each value as {@code types} and {@code formats} say. */
    static void dataRow(ByteBuf out, Batch batch, int row, List<SqlType> types, FormatCodes formats) {
        int start = begin(out, PgMessageType.DATA_ROW_RESPONSE);
        out.writeShort(types.size());
        for (int c = 0; c < types.size(); c++) {
            PgValueCodec.writeValue(out, types.get(c), batch.column(c).get(row), formats.of(c));
        }
        end(out, start);
    }

    static void commandComplete(ByteBuf out, String tag) {
        int start = begin(out, PgMessageType.COMMAND_COMPLETE_RESPONSE);
        writeString(out, tag);
        end(out, start);
    }

    static void errorResponse(ByteBuf out, BackendMessage.ErrorResponse m) {
        int start = begin(out, PgMessageType.ERROR_RESPONSE);
        writeFields(out, m.severity(), m.code(), m.message(), m.detail(), m.hint(), m.position());
        end(out, start);
    }

    static void noticeResponse(ByteBuf out, BackendMessage.NoticeResponse m) {
        int start = begin(out, PgMessageType.NOTICE_RESPONSE);
        writeFields(out, m.severity(), m.code(), m.message(), Optional.empty(), Optional.empty(), OptionalInt.empty());
        end(out, start);
    }

    static void parameterDescription(ByteBuf out, List<Integer> typeOids) {
        int start = begin(out, PgMessageType.PARAMETER_DESCRIPTION_RESPONSE);
        out.writeShort(typeOids.size());
        for (int oid : typeOids) {
            out.writeInt(oid);
        }
        end(out, start);
    }

    /** A message with no body: ParseComplete, BindComplete, CloseComplete, NoData, PortalSuspended, EmptyQueryResponse. */
    static void empty(ByteBuf out, byte type) {
        out.writeByte(type);
        out.writeInt(4);
    }

    private static void writeFields(ByteBuf out, String severity, String code, String message,
            Optional<String> detail, Optional<String> hint, OptionalInt position) {
        writeField(out, 'S', severity);
        writeField(out, 'V', severity); // the non-localized severity (protocol 3.0, PostgreSQL 9.6+)
        writeField(out, 'C', code);
        writeField(out, 'M', message);
        detail.ifPresent(d -> writeField(out, 'D', d));
        hint.ifPresent(h -> writeField(out, 'H', h));
        position.ifPresent(p -> writeField(out, 'P', Integer.toString(p)));
        out.writeByte(0);
    }

    private static void writeField(ByteBuf out, char field, String value) {
        out.writeByte(field);
        writeString(out, value);
    }

    private static int begin(ByteBuf out, byte type) {
        out.writeByte(type);
        int start = out.writerIndex();
        out.writeInt(0);
        return start;
    }

    private static void end(ByteBuf out, int start) {
        out.setInt(start, out.writerIndex() - start);
    }

    private static void writeString(ByteBuf out, String s) {
        ByteBufUtil.writeUtf8(out, s);
        out.writeByte(0);
    }
}
