package io.gangway.engine.exec.operator;

import io.gangway.api.ColumnVector;
import io.gangway.engine.exec.expr.Values;
import java.util.Arrays;

/** Hash-table keys of join rows: SQL equality, and NULL when any key value is NULL (which never matches). */
final class JoinKeys {
    private JoinKeys() {
    }

    static Object key(ColumnVector[] vectors, int row) {
        if (vectors.length == 1) {
            return Values.hashKey(vectors[0].get(row));
        }
        Object[] values = new Object[vectors.length];
        for (int k = 0; k < vectors.length; k++) {
            Object v = vectors[k].get(row);
            if (v == null) {
                return null;
            }
            values[k] = Values.hashKey(v);
        }
        return Arrays.asList(values);
    }
}
