package io.gangway.dispatcher.protocol;

import io.gangway.api.TypeKind;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * The allow-list of the dispatch protocol: every class a frame may hold, found by walking the
 * closed trees that travel (the sealed {@link DispatchMessage}s and what their record components
 * name: requests, plans, query expressions, catalog descriptors, results) plus the Java classes of
 * SQL values ({@link TypeKind#javaClass()}) and a short list of JDK types, in one order by class
 * name, so every process that builds it from the same classes numbers them alike. Classes an
 * extension adds come after them, in their own order by name.
 *
 * <p>A sealed type contributes its permitted subclasses; a record its components' types, type
 * arguments included; another class of ours its instance fields' types. An interface that is not
 * sealed (an extension point) contributes nothing: the classes an extension sends are added by name
 * ({@link #with}).
 */
final class SerializableClasses {
    /** The roots of the walk: what the protocol sends, and the values a constant may hold. */
    private static final List<Class<?>> ROOTS = List.of(DispatchMessage.class, DispatchMessage.SharedPlan.class);

    /** JDK types that travel inside our records: value classes, and the collections records hold. */
    private static final List<Class<?>> JDK = List.of(
            String.class, Boolean.class, Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class,
            Character.class, BigDecimal.class, BigInteger.class, LocalDate.class, byte[].class, int[].class, long[].class,
            Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class,
            ArrayList.class, HashMap.class, LinkedHashMap.class, TreeMap.class, HashSet.class, LinkedHashSet.class,
            // The JDK's immutable collections (List.of, List.copyOf, Stream.toList, Map.of, Set.of):
            List.of().getClass(), List.of(1).getClass(), List.of(1, 2, 3).getClass(),
            Map.of().getClass(), Map.of(1, 1).getClass(), Map.of(1, 1, 2, 2).getClass(),
            Set.of().getClass(), Set.of(1).getClass(), Set.of(1, 2, 3).getClass());

    private SerializableClasses() {
    }

    /** The protocol's classes, in registration order: by class name. */
    static List<Class<?>> protocol() {
        return sorted(walkAll(List.of(), Set.of()));
    }

    /**
     * The protocol's classes, then those {@code extra} adds (what an extension's plans or values
     * carry, walked the same way), each part ordered by class name: the protocol's numbers never
     * depend on extensions, and an extension's on the order extensions were found in.
     */
    static List<Class<?>> with(Collection<Class<?>> extra) {
        List<Class<?>> protocol = protocol();
        List<Class<?>> added = sorted(walkAll(extra, Set.copyOf(protocol)));
        List<Class<?>> all = new ArrayList<>(protocol);
        all.addAll(added);
        return List.copyOf(all);
    }

    private static Set<Class<?>> walkAll(Collection<Class<?>> extra, Set<Class<?>> known) {
        Set<Class<?>> found = new HashSet<>(known);
        if (extra.isEmpty()) {
            found.addAll(JDK);
            List<Class<?>> roots = new ArrayList<>(ROOTS);
            for (TypeKind kind : TypeKind.values()) {
                roots.add(kind.javaClass());
            }
            roots.forEach(root -> walk(root, found));
        } else {
            extra.forEach(root -> walk(root, found));
        }
        found.removeAll(known);
        return found;
    }

    private static List<Class<?>> sorted(Set<Class<?>> classes) {
        List<Class<?>> ordered = new ArrayList<>(classes);
        ordered.sort(Comparator.comparing(Class::getName));
        return ordered;
    }

    private static void walk(Type type, Set<Class<?>> found) {
        switch (type) {
            case Class<?> c -> walkClass(c, found);
            case ParameterizedType p -> {
                walk(p.getRawType(), found);
                for (Type argument : p.getActualTypeArguments()) {
                    walk(argument, found);
                }
            }
            case GenericArrayType a -> walk(a.getGenericComponentType(), found);
            case WildcardType w -> {
                for (Type bound : w.getUpperBounds()) {
                    walk(bound, found);
                }
            }
            case TypeVariable<?> v -> {
                for (Type bound : v.getBounds()) {
                    walk(bound, found);
                }
            }
            default -> throw new IllegalStateException("unexpected type " + type);
        }
    }

    private static void walkClass(Class<?> c, Set<Class<?>> found) {
        if (c.isPrimitive() || c == Object.class) {
            return;
        }
        if (c.isArray()) {
            if (found.add(c)) {
                walk(c.getComponentType(), found);
            }
            return;
        }
        if (c.getName().startsWith("java.")) {
            // JDK types are allowed by the explicit list only; an interface (List) names its implementations there.
            return;
        }
        if (c.isSealed()) {
            for (Class<?> permitted : c.getPermittedSubclasses()) {
                if (!found.contains(permitted)) {
                    walkClass(permitted, found);
                }
            }
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers()) || !found.add(c)) {
            return;
        }
        if (c.isEnum()) {
            return;
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                walk(component.getGenericType(), found);
            }
            return;
        }
        for (Field field : c.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                walk(field.getGenericType(), found);
            }
        }
    }
}
