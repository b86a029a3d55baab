package io.gangway.engine.qd;

import io.gangway.spi.ast.Expression;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the highest bind parameter number ({@code $n}) in a parse tree, so that Describe can report
 * every parameter. Walks the tree's records generically: the parse tree is all records, lists and
 * optionals, and a new node type needs no change here.
 */
final class ParameterCounter {
    private ParameterCounter() {
    }

    static int highestParameter(Object node) {
        return switch (node) {
            case null -> 0;
            case Expression.Parameter p -> p.index();
            case Collection<?> c -> c.stream().mapToInt(ParameterCounter::highestParameter).max().orElse(0);
            case Map<?, ?> m -> highestParameter(m.values());
            case Optional<?> o -> o.map(ParameterCounter::highestParameter).orElse(0);
            case Record r -> {
                int max = 0;
                for (RecordComponent component : r.getClass().getRecordComponents()) {
                    max = Math.max(max, highestParameter(read(component, r)));
                }
                yield max;
            }
            default -> 0;
        };
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
