package io.gangway.engine.analyzer;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.ast.Expression;
import io.gangway.spi.ast.QueryBody;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.RangeTableEntry;
import java.util.ArrayList;
import java.util.List;

/** Types the rows of a {@code VALUES} list: one type per column, common to all rows (or the target columns' types for INSERT). */
final class ValuesAnalyzer {
    private ValuesAnalyzer() {
    }

    /**
     * @param targetColumns for INSERT, the columns the values go to (each value gets an assignment
     *     cast to its column); null for a VALUES query, whose column types are found per column
     */
    static RangeTableEntry.Values analyze(QueryBody.Values values, ExpressionAnalyzer expressions, List<Column> targetColumns) {
        List<List<Expr>> rows = new ArrayList<>();
        int width = -1;
        for (List<Expression> row : values.rows()) {
            if (width >= 0 && row.size() != width) {
                throw SqlException.at(SqlState.SYNTAX_ERROR, values.position(), "VALUES lists must all be the same length");
            }
            width = row.size();
            if (targetColumns != null) {
                checkInsertWidth(row.size(), targetColumns.size(), values.position());
            }
            List<Expr> typed = new ArrayList<>();
            for (Expression expression : row) {
                typed.add(expressions.analyze(expression, "VALUES"));
            }
            rows.add(typed);
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            int column = c;
            List<Expr> cells = rows.stream().map(r -> r.get(column)).toList();
            if (targetColumns != null) {
                Column target = targetColumns.get(c);
                columns.add(target);
                for (List<Expr> row : rows) {
                    row.set(c, Assignment.coerce(row.get(c), target, values.position()));
                }
            } else {
                SqlType type = ExpressionAnalyzer.commonTypeOf(cells, "VALUES", values.position());
                columns.add(new Column("column" + (c + 1), type));
                for (List<Expr> row : rows) {
                    row.set(c, Coercion.implicit(row.get(c), type));
                }
            }
        }
        return new RangeTableEntry.Values(rows, "*VALUES*", columns);
    }

    static void checkInsertWidth(int expressions, int targets, int position) {
        if (expressions > targets) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, position, "INSERT has more expressions than target columns");
        }
        if (expressions < targets) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, position, "INSERT has more target columns than expressions");
        }
    }
}
