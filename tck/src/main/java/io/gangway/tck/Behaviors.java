package io.gangway.tck;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/** Checks an implementation's declared behaviour flags when its contract test is constructed. */
public final class Behaviors {
    private Behaviors() {
    }

    /**
     * The flags of {@code type} that {@code hasBehavior} turns on; fails (the contract's class then
     * cannot be instantiated, and JUnit names the mistake) if an on flag requires one that is off.
     */
    public static <E extends Enum<E> & Behavior> EnumSet<E> check(Class<E> type, Predicate<E> hasBehavior) {
        EnumSet<E> on = EnumSet.noneOf(type);
        for (E behavior : type.getEnumConstants()) {
            if (hasBehavior.test(behavior)) {
                on.add(behavior);
            }
        }
        List<String> mistakes = new ArrayList<>();
        for (E behavior : on) {
            for (Behavior required : behavior.requires()) {
                if (!on.contains(type.cast(required))) {
                    mistakes.add(behavior + " requires " + required);
                }
            }
        }
        if (!mistakes.isEmpty()) {
            throw new IllegalStateException("inconsistent " + type.getSimpleName() + " flags: " + String.join("; ", mistakes));
        }
        return on;
    }
}
