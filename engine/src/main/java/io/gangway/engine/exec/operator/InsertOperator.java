package io.gangway.engine.exec.operator;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.expr.Casts;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.storage.TableWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Inserts every input row through a table writer, flushes (fsync) at the end, and outputs one
 * row: the number of rows inserted. Checks NOT NULL constraints as rows pass.
 */
public final class InsertOperator implements Operator {
    private final Operator input;
    private final TableDescriptor table;
    private final TableWriter writer;
    private boolean done;
    private boolean closed;

    public InsertOperator(Operator input, TableDescriptor table, TableWriter writer) {
        this.input = requireNonNull(input, "input is null");
        this.table = requireNonNull(table, "table is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public Optional<Batch> next() {
        if (done) {
            return Optional.empty();
        }
        long count = 0;
        for (Optional<Batch> b = input.next(); b.isPresent(); b = input.next()) {
            Batch rows = conform(b.get());
            writer.insert(rows);
            count += rows.rowCount();
        }
        writer.flush();
        done = true;
        return Optional.of(Batch.ofRows(List.of(SqlType.BIGINT), List.of(List.of(count))));
    }

    /** Checks NOT NULL columns and converts each vector to its table column's type. */
    private Batch conform(Batch rows) {
        if (rows.columnCount() != table.columns().size()) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "insert of " + rows.columnCount()
                    + " columns into " + table.qualifiedName() + " of " + table.columns().size());
        }
        List<ColumnVector> columns = new ArrayList<>(rows.columnCount());
        for (int c = 0; c < rows.columnCount(); c++) {
            ColumnVector vector = rows.column(c);
            SqlType type = table.columns().get(c).type();
            if (table.notNull().get(c)) {
                for (int i = 0; i < rows.rowCount(); i++) {
                    if (vector.isNull(i)) {
                        throw new SqlException(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                                + table.columns().get(c).name() + "\" of relation \"" + table.name()
                                + "\" violates not-null constraint");
                    }
                }
            }
            if (!vector.type().equals(type)) {
                // An assignment cast the plan left implicit (a literal's type, varchar(n), numeric(p,s)).
                UnaryOperator<Object> cast = Casts.caster(vector.type(), type);
                Object[] values = new Object[rows.rowCount()];
                for (int i = 0; i < values.length; i++) {
                    Object v = vector.get(i);
                    values[i] = v == null ? null : cast.apply(v);
                }
                vector = new ColumnVector(type, values, values.length);
            }
            columns.add(vector);
        }
        return new Batch(columns, rows.rowCount());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                input.close();
            } finally {
                writer.close();
            }
        }
    }
}
