package io.gangway.spi;

import java.util.List;

/**
 * The entry point of an extension: one class per module, listed in
 * {@code META-INF/services/io.gangway.spi.Extension} and found with {@link java.util.ServiceLoader}.
 *
 * <p>The engine calls {@link #factories()} once at process start-up and picks, per SPI, the factory
 * whose name the configuration selects ({@code gp_interconnect_type = tcp} picks the interconnect
 * factory named {@code tcp}). An implementation needs no dependency-injection framework: the TCK
 * builds it with {@code new}.
 */
public interface Extension {
    /** A short name for logs: {@code antlr}, {@code heap}, {@code tcp}. */
    String name();

    /** The factories this extension contributes, at most one per SPI type and name. */
    List<ServiceFactory<?>> factories();
}
