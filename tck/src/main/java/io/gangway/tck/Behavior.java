package io.gangway.tck;

import java.util.Set;

/**
 * An optional behaviour of an SPI implementation that a contract tests, Trino-style: each contract
 * has an enum {@code XxxBehavior implements Behavior} and a method {@code hasBehavior(XxxBehavior)}
 * that returns {@code true} for every flag unless the implementation's test overrides it. Where a
 * flag is off, the contract checks the SPI's standard answer instead (a {@code 0A000} refusal), or
 * skips what has none. {@link Behaviors#check} runs in each contract's constructor.
 */
public interface Behavior {
    /** Flags this one cannot be on without: declaring it alone is a mistake in the implementation's test. */
    default Set<? extends Behavior> requires() {
        return Set.of();
    }
}
