package io.gangway.tck.parser;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Erases the {@code position} of every node of a parse tree, so that a test can compare the shape
 * of a tree with one it builds by hand (with position 0, "made, not parsed") and check positions
 * only where positions are the point.
 */
public final class AstPositions {
    private AstPositions() {
    }

    /** A copy of {@code tree} whose every {@code int position} component is 0. */
    @SuppressWarnings("unchecked")
    public static <T> T erase(T tree) {
        return (T) eraseAny(tree);
    }

    private static Object eraseAny(Object value) {
        return switch (value) {
            case null -> null;
            case List<?> list -> list.stream().map(AstPositions::eraseAny).toList();
            case Optional<?> optional -> optional.map(AstPositions::eraseAny);
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(eraseAny(k), eraseAny(v)));
                yield Map.copyOf(copy);
            }
            case Record record -> eraseRecord(record);
            default -> value;
        };
    }

    private static Object eraseRecord(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                Object componentValue = component.getAccessor().invoke(record);
                values[i] = component.getName().equals("position") && component.getType() == int.class
                        ? 0
                        : eraseAny(componentValue);
            }
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalStateException("cannot copy " + record.getClass().getName(), cause);
        }
    }
}
